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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** MCP over Streamable HTTP: the shaded jar with MCP_TRANSPORT=http against the sandbox, behind a bearer token. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpTransportIT {

    private static final String TOKEN = "it-bearer-token";
    private Process server;
    private String base;

    @BeforeAll
    void start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(ServerProcess.command("--sandbox"));
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                "MCP_TRANSPORT", "http", "MCP_PORT", Integer.toString(port), "MCP_AUTH_TOKEN", TOKEN,
                "MCP_ALLOWED_ORIGINS", "https://console.example.com", "MCP_MAX_REQUEST_BYTES", "4096",
                "MCP_CLIENT_RATE_LIMIT", "30"));
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

    @AfterAll
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

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<String> post(String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> response, int status, String body) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(body, response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(response.headers().firstValue("WWW-Authenticate").isEmpty(), "no OAuth challenge");
    }

    @Test
    void aWrongOrMissingTokenIsRefusedWithoutAnOauthChallenge() throws Exception {
        String unauthorized = "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32000,\"message\":"
                + "\"Unauthorized: send the header 'Authorization: Bearer <MCP_AUTH_TOKEN>'\"}}";
        assertError(post(PING, "Authorization", "Bearer wrong"), 401, unauthorized);
        assertError(post(PING), 401, unauthorized);
        assertError(post(PING, "Authorization", TOKEN), 401, unauthorized);
    }

    @Test
    void theSchemeIsCaseInsensitive() throws Exception {
        HttpResponse<String> lower = post(PING, "Authorization", "bearer " + TOKEN);
        // past the token check: the transport asks for a session, as a JSON-RPC error with the request's id
        assertError(lower, 400, "{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32000,\"message\":"
                + "\"Bad Request: the Mcp-Session-Id header is required (send initialize first)\"}}");
    }

    @Test
    void aForeignOriginIsForbiddenEvenWithTheToken() throws Exception {
        assertError(post(PING, "Authorization", "Bearer " + TOKEN, "Origin", "http://evil.example"), 403,
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32000,\"message\":\"Forbidden: Origin "
                        + "'http://evil.example' is not allowed; allow it with MCP_ALLOWED_ORIGINS\"}}");
        assertEquals(400, post(PING, "Authorization", "Bearer " + TOKEN, "Origin", "https://console.example.com").statusCode());
    }

    @Test
    void aForeignHostIsForbiddenEvenWithTheToken() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", URI.create(base).getPort())) {
            String request = "POST /mcp HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + PING.length() + "\r\nConnection: close\r\n\r\n" + PING;
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 403 "), answer);
            assertTrue(answer.endsWith("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32000,\"message\":\"Forbidden: "
                    + "Host 'evil.example' is not one this server answers to (DNS rebinding protection); allow it with "
                    + "MCP_ALLOWED_HOSTS\"}}"), answer);
        }
    }

    @Test
    void protocolErrorsAreJsonRpcErrorsWithTheirCodes() throws Exception {
        String auth = "Bearer " + TOKEN;
        assertError(post("not json", "Authorization", auth), 400,
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error: the body is not JSON\"}}");
        assertError(post("{\"id\":3,\"method\":\"ping\"}", "Authorization", auth), 400,
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-32600,\"message\":\"Invalid Request: \\\"jsonrpc\\\" must be \\\"2.0\\\"\"}}");
        assertError(post("[" + PING + "]", "Authorization", auth), 400,
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Invalid Request: a batch (JSON array) "
                        + "is not supported; send one message per request\"}}");
        assertError(post(PING, "Authorization", auth, "Mcp-Session-Id", "gone"), 404,
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32001,\"message\":\"Session not found: it ended or never "
                        + "existed; start a new one with initialize\"}}");
        HttpResponse<String> large = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\""
                + "a".repeat(5000) + "\"}}", "Authorization", auth);
        assertError(large, 413, "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32000,\"message\":\"Request body "
                + "larger than 4096 bytes (MCP_MAX_REQUEST_BYTES)\"}}");
        HttpResponse<String> sse = get("/mcp", "Authorization", auth, "Accept", "text/event-stream");
        assertEquals(400, sse.statusCode());
        assertTrue(sse.body().startsWith("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32000,"), sse.body());
        assertFalse(sse.body().contains("stackTrace"), sse.body());
    }

    @Test
    void healthAnswersWithoutTokenAndWellKnownOauthIsNotFound() throws Exception {
        HttpResponse<String> health = get("/health");
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"ok\"}", health.body());
        assertError(get("/.well-known/oauth-protected-resource"), 404, "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\""
                + ":-32000,\"message\":\"Not found: this server takes a static bearer token (MCP_AUTH_TOKEN), not OAuth\"}}");
    }

    @Test
    void eachClientIsRateLimited() throws Exception {
        int limited = 0;
        for (int i = 0; i < 60; i++) {
            if (get("/mcp", "Authorization", "Bearer " + TOKEN, "Mcp-Session-Id", "rate-test").statusCode() == 429) {
                limited++;
            }
        }
        assertTrue(limited > 0, "60 requests at once exceed 30 per second");
        Thread.sleep(1100); // the next test starts with a fresh allowance
    }

    @Test
    void headersNarrowWhatOneClientSeesAndCalls() {
        McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(base)
                        .endpoint("/mcp")
                        .jsonMapper(McpJsonDefaults.getMapper())
                        .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + TOKEN)
                                .header("X-MCP-Toolsets", "node").header("X-MCP-Readonly", "true"))
                        .build())
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        try {
            client.initialize();
            var tools = client.listTools().tools();
            assertFalse(tools.isEmpty());
            assertTrue(tools.stream().allMatch(t -> t.name().startsWith("proxmox_node_") && Boolean.TRUE.equals(t.annotations().readOnlyHint())),
                    tools.stream().map(McpSchema.Tool::name).toList().toString());
            McpSchema.CallToolResult guests = client.callTool(new McpSchema.CallToolRequest("proxmox_guest_list", Map.of()));
            assertTrue(Boolean.TRUE.equals(guests.isError()));
            assertEquals("proxmox_guest_list is not available to this client: its X-MCP-Toolsets, X-MCP-Tools or X-MCP-Readonly "
                    + "header leaves it out. Nothing was sent to Proxmox.", ((McpSchema.TextContent) guests.content().getFirst()).text());
            assertFalse(Boolean.TRUE.equals(client.callTool(new McpSchema.CallToolRequest("proxmox_node_list", Map.of())).isError()));
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void everySseEventHasItsOwnIdAndProgressReachesTheClient() throws Exception {
        String auth = "Bearer " + TOKEN;
        HttpResponse<String> init = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}", "Authorization", auth);
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", "Authorization", auth, "Mcp-Session-Id", session);
        java.util.Set<String> ids = new java.util.HashSet<>();
        int events = 0;
        int progress = 0;
        for (int call = 0; call < 2; call++) {
            HttpResponse<String> stream = post("{\"jsonrpc\":\"2.0\",\"id\":" + (10 + call) + ",\"method\":\"tools/call\",\"params\":"
                    + "{\"name\":\"proxmox_node_service_control\",\"arguments\":{\"node\":\"pve1\",\"service\":\"pveproxy\","
                    + "\"action\":\"restart\"},\"_meta\":{\"progressToken\":\"p" + call + "\"}}}",
                    "Authorization", auth, "Mcp-Session-Id", session);
            assertEquals(200, stream.statusCode(), stream.body());
            for (String line : stream.body().split("\n")) {
                if (line.startsWith("id:")) {
                    events++;
                    ids.add(line.substring(3).trim());
                } else if (line.contains("notifications/progress")) {
                    progress++;
                }
            }
            assertTrue(stream.body().contains("restart of pveproxy on pve1: task OK"), stream.body());
        }
        assertEquals(events, ids.size(), "event ids repeat: " + ids);
        assertFalse(ids.contains(session));
        assertTrue(progress >= 2, "progress notifications while the task ran");
        HttpResponse<String> resumed = get("/mcp", "Authorization", auth, "Mcp-Session-Id", session, "Accept", "text/event-stream",
                "Last-Event-ID", ids.iterator().next());
        assertError(resumed, 400, "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32000,\"message\":\"Cannot resume "
                + "the stream after event " + ids.iterator().next() + ": this server keeps no event history; send the request again\"}}");
    }
}
