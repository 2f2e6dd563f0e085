package io.github.proxmoxmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.testing.MockProxmox;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.TypeRef;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The raw stdio contract: JSON-RPC only on stdout, a bad line gets -32700 and reading goes on, EOF ends the process. */
class StdioProtocolIT {

    private static Map<String, Object> parse(String line) throws Exception {
        return McpJsonDefaults.getMapper().readValue(line, new TypeRef<Map<String, Object>>() { });
    }

    @Test
    @SuppressWarnings("unchecked")
    void malformedLineThenPingThenEofExits() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ServerProcess.command());
        builder.environment().clear();
        builder.environment().putAll(ServerProcess.env(MockProxmox.shared().url(), false));
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        OutputStream stdin = process.getOutputStream();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));

        send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}");
        Map<String, Object> init = parse(stdout.readLine());
        assertEquals(1, ((Number) init.get("id")).intValue());
        Map<String, Object> serverInfo = (Map<String, Object>) ((Map<String, Object>) init.get("result")).get("serverInfo");
        assertEquals("proxmox-mcp", serverInfo.get("name"));

        send(stdin, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        send(stdin, "this is { not json");
        Map<String, Object> parseError = parse(stdout.readLine());
        assertTrue(parseError.containsKey("id") && parseError.get("id") == null);
        assertEquals(-32700, ((Number) ((Map<String, Object>) parseError.get("error")).get("code")).intValue());

        send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":7,\"params\":{}}");
        Map<String, Object> invalid = parse(stdout.readLine());
        assertEquals(7, ((Number) invalid.get("id")).intValue());
        assertEquals(-32600, ((Number) ((Map<String, Object>) invalid.get("error")).get("code")).intValue());

        send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}");
        Map<String, Object> pong = parse(stdout.readLine());
        assertEquals(2, ((Number) pong.get("id")).intValue());
        assertEquals(Map.of(), pong.get("result"));

        long closedAt = System.nanoTime();
        stdin.close();
        assertTrue(process.waitFor(2, TimeUnit.SECONDS), "the server must exit within 2 s of end of input");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedAt);
        assertEquals(0, process.exitValue());
        assertEquals(null, stdout.readLine(), "nothing but JSON-RPC replies on stdout");
        System.err.println("exit after EOF: " + millis + " ms");
    }

    @Test
    void missingHostIsAStartUpErrorNamingTheVariable() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ServerProcess.command("serve"));
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin"));
        Process process = builder.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        assertEquals("", stdout);
        assertTrue(stderr.contains("configuration error: PROXMOX_HOST is required"), stderr);
    }

    private static void send(OutputStream stdin, String line) throws Exception {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }
}
