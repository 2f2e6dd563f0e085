package io.github.proxmoxmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MCP over Streamable HTTP: the shaded jar with MCP_TRANSPORT=http against the sandbox, behind a bearer token. */
class HttpTransportIT {

    private static final String TOKEN = "it-bearer-token";
    private Process server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(ServerProcess.command("--sandbox"));
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                "MCP_TRANSPORT", "http", "MCP_PORT", Integer.toString(port), "MCP_AUTH_TOKEN", TOKEN));
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        server = builder.start();
        BufferedReader stderr = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = stderr.readLine()) != null && !line.contains("serving MCP over Streamable HTTP")) {
            // the sandbox banner comes first
        }
        assertTrue(line != null, "the server did not report that it serves HTTP");
        assertEquals("proxmox-mcp: serving MCP over Streamable HTTP at http://127.0.0.1:" + port + "/mcp", line);
        base = "http://127.0.0.1:" + port;
        Thread.ofVirtual().start(() -> stderr.lines().forEach(l -> { }));
    }

    @AfterEach
    void stop() throws Exception {
        server.destroy();
        assertTrue(server.waitFor(10, TimeUnit.SECONDS), "the server must stop on SIGTERM");
    }

    @Test
    void sdkClientListsAndCallsToolsWithTheToken() {
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(base)
                        .endpoint("/mcp")
                        .jsonMapper(McpJsonDefaults.getMapper())
                        .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + TOKEN))
                        .build())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        try {
            assertEquals("proxmox-mcp", client.initialize().serverInfo().name());
            assertTrue(client.listTools().tools().stream().anyMatch(t -> t.name().equals("proxmox_guest_power")));
            McpSchema.CallToolResult nodes = client.callTool(new McpSchema.CallToolRequest("proxmox_node_list", Map.of()));
            assertFalse(Boolean.TRUE.equals(nodes.isError()));
            String text = ((McpSchema.TextContent) nodes.content().getFirst()).text();
            assertTrue(text.startsWith("NODE  STATUS"), text);
            assertTrue(text.contains("\npve1  online"), text);
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void requestsWithoutTheTokenAreRefused() throws Exception {
        HttpResponse<String> refused = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(base + "/mcp"))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .header("Authorization", "Bearer wrong")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, refused.statusCode());
        assertEquals("Bearer", refused.headers().firstValue("WWW-Authenticate").orElse(""));
    }
}
