package io.github.proxmoxmcp.server.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * stdio on one side, a remote Streamable HTTP MCP server on the other: each JSON-RPC line from stdin is POSTed,
 * and every message of the answer (JSON, or the events of an SSE stream, progress included) is written to stdout
 * as one line. When the remote session is lost (404), the bridge initializes a new one with the client's own
 * initialize request and sends the message again. stdout carries JSON-RPC and nothing else.
 */
public final class HttpBridge {

    private static final Logger LOG = LoggerFactory.getLogger(HttpBridge.class);
    private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() { };
    private static final String SESSION = "Mcp-Session-Id";

    private final URI url;
    private final Optional<String> token;
    private final McpJsonMapper json;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicReference<String> session = new AtomicReference<>();
    private final AtomicReference<String> protocolVersion = new AtomicReference<>();
    private volatile String initializeLine;
    private final java.util.concurrent.ExecutorService inFlight = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    public HttpBridge(URI url, Optional<String> token, McpJsonMapper json, PrintStream out) {
        this.url = url;
        this.token = token;
        this.json = json;
        this.out = out;
    }

    /** Forwards stdin until it ends, then ends the remote session. */
    public void run(InputStream in) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> message;
                try {
                    message = json.readValue(line, MAP);
                } catch (IOException | RuntimeException e) {
                    writeError(null, -32700, "Parse error: the line is not JSON");
                    continue;
                }
                String forwarded = line;
                if ("initialize".equals(message.get("method"))) {
                    initializeLine = line;
                    forward(forwarded, message, true);
                } else if (message.get("method") == null || message.get("id") == null) {
                    // responses and notifications (cancellations among them) go out in order, at once
                    forward(forwarded, message, true);
                } else {
                    inFlight.execute(() -> forward(forwarded, message, true));
                }
            }
        }
        inFlight.shutdown();
        try {
            // answers still on their way are written before the bridge ends
            inFlight.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String id = session.get();
        if (id != null) {
            try {
                http.send(request().header(SESSION, id).DELETE().build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException | InterruptedException e) {
                LOG.debug("session not ended remotely: {}", e.toString());
            }
        }
    }

    private HttpRequest.Builder request() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(30));
        token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
        String version = protocolVersion.get();
        if (version != null) {
            builder.header("MCP-Protocol-Version", version);
        }
        return builder;
    }

    private void forward(String line, Map<String, Object> message, boolean mayReconnect) {
        Object id = message.get("id");
        boolean initialize = "initialize".equals(message.get("method"));
        HttpRequest.Builder builder = request()
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(line));
        String current = session.get();
        if (current != null && !initialize) {
            builder.header(SESSION, current);
        }
        HttpResponse<Stream<String>> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            writeError(id, -32000, "Cannot reach " + url + ": " + e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (initialize) {
            response.headers().firstValue(SESSION).ifPresent(session::set);
        }
        int status = response.statusCode();
        if (status == 404 && current != null && mayReconnect && !initialize) {
            response.body().close();
            LOG.info("the remote session ended; starting a new one");
            if (reinitialize(current)) {
                forward(line, message, false);
            } else {
                writeError(id, -32001, "The remote session ended and a new one could not be started");
            }
            return;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        try (Stream<String> body = response.body()) {
            if (type.startsWith("text/event-stream")) {
                relayEvents(body, initialize);
            } else if (status == 202) {
                body.close();
            } else {
                String text = String.join("\n", body.toList());
                if (!relay(text, initialize) && id != null) {
                    writeError(id, status >= 500 ? -32603 : -32000, "The remote server answered HTTP " + status);
                }
            }
        }
    }

    /** A new session with the client's own initialize request; its answer is not the client's business. */
    private synchronized boolean reinitialize(String lost) {
        if (!lost.equals(session.get())) {
            return true; // another message already started a new session
        }
        session.set(null);
        try {
            HttpResponse<String> init = http.send(request()
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(initializeLine)).build(), HttpResponse.BodyHandlers.ofString());
            Optional<String> id = init.headers().firstValue(SESSION);
            if (init.statusCode() != 200 || id.isEmpty()) {
                return false;
            }
            session.set(id.get());
            http.send(request().header(SESSION, id.get())
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"))
                    .build(), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Each SSE event's data is one JSON-RPC message; events without data (priming, keep-alive) are skipped. */
    private void relayEvents(Stream<String> lines, boolean initialize) {
        StringBuilder data = new StringBuilder();
        lines.forEach(line -> {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    relay(data.toString(), initialize);
                    data.setLength(0);
                }
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
            }
        });
        if (!data.isEmpty()) {
            relay(data.toString(), initialize);
        }
    }

    /** Writes one message as one line; false when the text is not a JSON-RPC message. */
    private boolean relay(String text, boolean initialize) {
        try {
            Map<String, Object> message = json.readValue(text, MAP);
            if (!"2.0".equals(message.get("jsonrpc"))) {
                return false;
            }
            if (initialize && message.get("result") instanceof Map<?, ?> result && result.get("protocolVersion") instanceof String v) {
                protocolVersion.set(v);
            }
            writeLine(json.writeValueAsString(message));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void writeError(Object id, int code, String message) {
        if (id == null && code != -32700) {
            LOG.warn("{}", message);
            return;
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("jsonrpc", "2.0");
        error.put("id", id);
        error.put("error", Map.of("code", code, "message", message));
        try {
            writeLine(json.writeValueAsString(error));
        } catch (IOException e) {
            LOG.debug("cannot write: {}", e.toString());
        }
    }

    private synchronized void writeLine(String line) {
        out.print(line);
        out.print('\n');
        out.flush();
    }
}
