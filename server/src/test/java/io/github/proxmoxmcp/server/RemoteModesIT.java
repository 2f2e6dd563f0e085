package io.github.proxmoxmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** For clients that speak only stdio: the bridge to a remote HTTP server, and newline-delimited JSON-RPC over TCP. */
class RemoteModesIT {

    private static final String TOKEN = "remote-modes-token";
    private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (Process process : started) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts the jar and waits for the stderr line that matches; returns the match. */
    private Matcher start(Map<String, String> env, String ready, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ServerProcess.command(args));
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(env);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        started.add(process);
        BufferedReader stderr = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        Pattern pattern = Pattern.compile(ready);
        String line;
        while ((line = stderr.readLine()) != null) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                Thread.ofVirtual().start(() -> stderr.lines().forEach(l -> { }));
                return matcher;
            }
        }
        throw new AssertionError("the server ended before saying " + ready);
    }

    private void startHttp(int port) throws Exception {
        start(Map.of("MCP_TRANSPORT", "http", "MCP_PORT", Integer.toString(port), "MCP_AUTH_TOKEN", TOKEN,
                "PROXMOX_SANDBOX_CLOCK", "2026-01-01T00:00:00Z"), "serving MCP over Streamable HTTP", "--sandbox");
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().getFirst()).text();
    }

    @Test
    void theBridgeServesStdioFromARemoteServerAndSurvivesALostSession(@TempDir Path dir) throws Exception {
        int port = freePort();
        startHttp(port);
        Path tokenFile = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        List<String> command = ServerProcess.command("bridge", "--url", "http://127.0.0.1:" + port + "/mcp",
                "--token-file", tokenFile.toString());
        McpSyncClient client = McpClient.sync(new StdioClientTransport(ServerParameters.builder(command.getFirst())
                        .args(command.subList(1, command.size()))
                        .env(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")))
                        .build(), McpJsonDefaults.getMapper()))
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        try {
            assertEquals("proxmox-mcp", client.initialize().serverInfo().name());
            assertTrue(client.listTools().tools().stream().anyMatch(t -> t.name().equals("proxmox_node_list")));
            assertTrue(text(client.callTool(new McpSchema.CallToolRequest("proxmox_node_list", Map.of()))).startsWith("NODE  STATUS"));

            // the remote server restarts: its sessions are gone, the bridge starts a new one on its own
            Process remote = started.removeFirst();
            remote.destroy();
            assertTrue(remote.waitFor(10, TimeUnit.SECONDS));
            startHttp(port);
            McpSchema.CallToolResult again = client.callTool(new McpSchema.CallToolRequest("proxmox_node_list", Map.of()));
            assertFalse(Boolean.TRUE.equals(again.isError()), text(again));
            assertTrue(text(again).startsWith("NODE  STATUS"), text(again));
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void tcpServesOneSessionPerConnectionOnLoopback() throws Exception {
        Matcher ready = start(Map.of("PROXMOX_SANDBOX_CLOCK", "2026-01-01T00:00:00Z"),
                "serving MCP over TCP at 127\\.0\\.0\\.1:(\\d+)$", "--sandbox", "serve", "--tcp", "0");
        int port = Integer.parseInt(ready.group(1));
        for (int connection = 0; connection < 2; connection++) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = socket.getOutputStream();
                out.write((INIT + "\n").getBytes(StandardCharsets.UTF_8));
                String init = in.readLine();
                assertTrue(init.startsWith("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"protocolVersion\":\"2025-06-18\""), init);
                out.write(("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n").getBytes(StandardCharsets.UTF_8));
                String list = in.readLine();
                assertTrue(list.startsWith("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"tools\":["), list);
                out.write("not json\n".getBytes(StandardCharsets.UTF_8));
                assertEquals("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error: the line is not JSON\"}}",
                        in.readLine());
            }
        }
    }

    @Test
    void tcpWithATokenWantsItFirst() throws Exception {
        Matcher ready = start(Map.of("MCP_AUTH_TOKEN", TOKEN), "serving MCP over TCP at 127\\.0\\.0\\.1:(\\d+) ",
                "--sandbox", "serve", "--tcp", "0");
        int port = Integer.parseInt(ready.group(1));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write((INIT + "\n").getBytes(StandardCharsets.UTF_8));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32000,\"message\":\"Unauthorized: the first line must "
                    + "be AUTH <MCP_AUTH_TOKEN>\"}}", in.readLine());
            assertEquals(null, in.readLine());
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("AUTH " + TOKEN + "\n" + INIT + "\n").getBytes(StandardCharsets.UTF_8));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertTrue(in.readLine().startsWith("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":"));
        }
    }

    @Test
    void tcpOffLoopbackNeedsATokenOrAnExplicitFlag() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ServerProcess.command("--sandbox", "serve", "--tcp", "0", "--tcp-host", "0.0.0.0"));
        Map<String, String> env = new HashMap<>(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")));
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        started.add(process);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        assertTrue(stderr.contains("--tcp-host 0.0.0.0 is not a loopback address: set MCP_AUTH_TOKEN (clients send AUTH <token> "
                + "as their first line) or pass --no-auth"), stderr);
    }
}
