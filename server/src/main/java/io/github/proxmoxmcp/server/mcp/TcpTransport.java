package io.github.proxmoxmcp.server.mcp;

import io.github.proxmoxmcp.server.ServerRuntime;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Newline-delimited JSON-RPC over TCP, one MCP session per connection, for {@code socat}, {@code nc} and SSH
 * tunnels. With a token, a connection's first line must be {@code AUTH <token>}; without one it closes.
 */
public final class TcpTransport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TcpTransport.class);
    private static final int MAX_AUTH_LINE = 1024;

    private final ServerSocket socket;
    private final ServerRuntime runtime;
    private final McpJsonMapper json;
    private final Optional<byte[]> token;

    private TcpTransport(ServerSocket socket, ServerRuntime runtime, McpJsonMapper json, Optional<String> token) {
        this.socket = socket;
        this.runtime = runtime;
        this.json = json;
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    public static TcpTransport start(ServerRuntime runtime, McpJsonMapper json, String host, int port, Optional<String> token)
            throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        TcpTransport transport = new TcpTransport(socket, runtime, json, token);
        Thread.ofPlatform().name("mcp-tcp-accept").daemon(true).start(transport::accept);
        return transport;
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread.ofVirtual().name("mcp-tcp-" + connection.getPort()).start(() -> serve(connection));
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.warn("cannot accept a connection: {}", e.getMessage());
                }
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            if (token.isPresent() && !authenticated(in)) {
                out.write(("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32000,\"message\":\"Unauthorized: the first line "
                        + "must be AUTH <MCP_AUTH_TOKEN>\"}}\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                return;
            }
            LineStdioTransportProvider transport = new LineStdioTransportProvider(json, in, out);
            McpAsyncServer server = McpToolServer.start(runtime, transport, json);
            transport.awaitEnd(Duration.ofMillis(1500));
            server.close();
        } catch (IOException e) {
            LOG.debug("connection ended: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads the first line byte by byte, so that nothing after it is taken from the session's stream. */
    private boolean authenticated(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n' && line.size() < MAX_AUTH_LINE) {
            line.write(c);
        }
        String text = line.toString(StandardCharsets.UTF_8).strip();
        if (!text.regionMatches(true, 0, "AUTH ", 0, 5)) {
            return false;
        }
        return MessageDigest.isEqual(digest(token.orElseThrow()), digest(text.substring(5).strip().getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] digest(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
