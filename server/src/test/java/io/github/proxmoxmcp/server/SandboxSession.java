package io.github.proxmoxmcp.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The shaded jar with --sandbox over stdio, driven by the SDK's MCP client: a fresh simulated cluster with a fixed
 * clock, and calls that must succeed or must fail.
 */
final class SandboxSession implements AutoCloseable {

    private final McpSyncClient client;

    SandboxSession() {
        List<String> command = ServerProcess.command("--sandbox");
        ServerParameters parameters = ServerParameters.builder(command.getFirst())
                .args(command.subList(1, command.size()))
                .env(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                        "PROXMOX_SANDBOX_CLOCK", "2026-01-01T00:00:00Z"))
                .build();
        client = McpClient.sync(new StdioClientTransport(parameters, McpJsonDefaults.getMapper()))
                .requestTimeout(Duration.ofSeconds(60))
                .build();
        client.initialize();
    }

    McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(McpSchema.CallToolRequest.builder().name(tool).arguments(arguments).build());
    }

    String ok(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = call(tool, arguments);
        String text = text(result);
        assertFalse(Boolean.TRUE.equals(result.isError()), tool + " failed: " + text);
        return text;
    }

    String failed(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = call(tool, arguments);
        assertTrue(Boolean.TRUE.equals(result.isError()), tool + " should have failed: " + text(result));
        return text(result);
    }

    static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().getFirst()).text();
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
