package io.github.proxmoxmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** MCP_HTTP_STATELESS=true: two replicas, and any request may go to either, as behind a load balancer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatelessHttpIT {

    private final List<Process> replicas = new ArrayList<>();
    private final List<String> urls = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    void start() throws Exception {
        for (int i = 0; i < 2; i++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            ProcessBuilder builder = new ProcessBuilder(ServerProcess.command("--sandbox"));
            builder.environment().clear();
            builder.environment().putAll(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                    "MCP_TRANSPORT", "http", "MCP_PORT", Integer.toString(port), "MCP_HTTP_STATELESS", "true",
                    "PROXMOX_SANDBOX_CLOCK", "2026-01-01T00:00:00Z"));
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process process = builder.start();
            replicas.add(process);
            BufferedReader stderr = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = stderr.readLine()) != null && !line.contains("serving MCP over Streamable HTTP")) {
                // the sandbox banner comes first
            }
            assertEquals("proxmox-mcp: serving MCP over Streamable HTTP at http://127.0.0.1:" + port + "/mcp (stateless)", line);
            Thread.ofVirtual().start(() -> stderr.lines().forEach(l -> { }));
            urls.add("http://127.0.0.1:" + port + "/mcp");
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (Process process : replicas) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private HttpResponse<String> post(int replica, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(urls.get(replica)))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", "2025-06-18")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anyReplicaAnswersAnyRequestWithoutASession() throws Exception {
        HttpResponse<String> init = post(0, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}");
        assertEquals(200, init.statusCode(), init.body());
        assertTrue(init.headers().firstValue("Mcp-Session-Id").isEmpty(), "no session in stateless mode");
        assertTrue(init.body().contains("\"serverInfo\":{\"name\":\"proxmox-mcp\""), init.body());

        HttpResponse<String> list = post(1, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("\"name\":\"proxmox_node_list\""), list.body());

        HttpResponse<String> call = post(1, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
                + "\"proxmox_node_list\",\"arguments\":{}}}");
        assertEquals(200, call.statusCode(), call.body());
        assertTrue(call.body().contains("NODE  STATUS"), call.body());

        HttpResponse<String> bad = post(0, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":");
        assertEquals(400, bad.statusCode());
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error: the body is not JSON\"}}",
                bad.body());
    }
}
