package io.github.proxmoxmcp.server.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Newline-delimited JSON-RPC over a pair of streams, for one session. Unlike the SDK's stdio
 * transport, a malformed line is answered with a parse error (-32700) and reading goes on, and at
 * end of input the replies still in flight are written before {@link #awaitEnd} returns.
 */
public final class LineStdioTransportProvider implements McpServerTransportProvider {

    private static final Logger LOG = LoggerFactory.getLogger(LineStdioTransportProvider.class);

    private final McpJsonMapper json;
    private final InputStream in;
    private final OutputStream out;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile McpServerSession session;

    public LineStdioTransportProvider(McpJsonMapper json, InputStream in, OutputStream out) {
        this.json = json;
        this.in = in;
        this.out = out;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        this.session = factory.create(new Transport());
        Thread reader = Thread.ofPlatform().name("mcp-stdin").daemon(true).start(this::readLines);
        LOG.debug("reading JSON-RPC from {}", reader.getName());
    }

    /** Blocks until input ended and the replies in flight were written (or the grace period passed). */
    public void awaitEnd(Duration grace) throws InterruptedException {
        ended.await();
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    private void readLines() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    dispatch(line);
                } catch (RuntimeException e) {
                    LOG.warn("cannot handle a message: {}", e.toString());
                }
            }
        } catch (IOException e) {
            LOG.debug("input closed: {}", e.getMessage());
        } finally {
            ended.countDown();
        }
    }

    private void dispatch(String line) {
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(json, line);
        } catch (IOException | RuntimeException e) {
            writeInvalid(line);
            return;
        }
        inFlight.incrementAndGet();
        session.handle(message)
                .doFinally(signal -> inFlight.decrementAndGet())
                .subscribe(ok -> { }, error -> LOG.warn("message handling failed: {}", error.toString()));
    }

    /**
     * Not JSON at all: -32700 with a null id; JSON but not a JSON-RPC message: -32600 with its id when
     * it has one. Written as raw text because the SDK's response type refuses a null id.
     */
    private void writeInvalid(String line) {
        Object id = null;
        int code = -32700;
        String message = "Parse error: the line is not JSON";
        try {
            Map<String, Object> object = json.readValue(line, new TypeRef<Map<String, Object>>() { });
            code = -32600;
            message = "Invalid Request: not a JSON-RPC 2.0 message";
            Object candidate = object == null ? null : object.get("id");
            id = candidate instanceof String || candidate instanceof Number ? candidate : null;
        } catch (IOException | RuntimeException notJson) {
            // stays a parse error
        }
        try {
            String idText = id == null ? "null" : json.writeValueAsString(id);
            writeLine(("{\"jsonrpc\":\"2.0\",\"id\":" + idText + ",\"error\":{\"code\":" + code + ",\"message\":"
                    + json.writeValueAsString(message) + "}}").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.debug("cannot write error reply: {}", e.getMessage());
        }
    }

    private void write(McpSchema.JSONRPCMessage message) {
        try {
            writeLine(json.writeValueAsBytes(message));
        } catch (IOException e) {
            LOG.debug("cannot write reply: {}", e.getMessage());
        }
    }

    private synchronized void writeLine(byte[] bytes) {
        try {
            out.write(bytes);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            LOG.debug("cannot write reply: {}", e.getMessage());
        }
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return session == null ? Mono.empty() : session.sendNotification(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return session == null ? Mono.empty() : session.closeGracefully();
    }

    private final class Transport implements McpServerTransport {

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.fromRunnable(() -> write(message));
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
            return json.convertValue(data, type);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }
    }
}
