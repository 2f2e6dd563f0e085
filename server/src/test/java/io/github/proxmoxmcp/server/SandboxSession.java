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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shaded jar with {@code --sandbox} over stdio, driven by the SDK's MCP client: a fresh simulated cluster whose
 * clock stands at 2026-01-01 00:00 UTC, answering as the given Proxmox VE major version.
 */
final class SandboxSession implements AutoCloseable {

    private final McpSyncClient client;

    private SandboxSession(McpSyncClient client) {
        this.client = client;
    }

    static SandboxSession start(int pve, String... env) {
        Map<String, String> variables = new HashMap<>(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                "PROXMOX_SANDBOX_CLOCK", "2026-01-01T00:00:00Z", "PROXMOX_SANDBOX_PVE", String.valueOf(pve)));
        for (int i = 0; i < env.length; i += 2) {
            variables.put(env[i], env[i + 1]);
        }
        List<String> command = ServerProcess.command("--sandbox");
        ServerParameters parameters = ServerParameters.builder(command.getFirst())
                .args(command.subList(1, command.size()))
                .env(variables)
                .build();
        McpSyncClient client = McpClient.sync(new StdioClientTransport(parameters, McpJsonDefaults.getMapper()))
                .requestTimeout(Duration.ofSeconds(60))
                .build();
        client.initialize();
        return new SandboxSession(client);
    }

    McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(McpSchema.CallToolRequest.builder().name(tool).arguments(arguments).build());
    }

    /** The text of a call that must succeed. */
    String ok(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = call(tool, arguments);
        String text = text(result);
        assertFalse(Boolean.TRUE.equals(result.isError()), tool + " failed: " + text);
        return text;
    }

    /** The text of a call that must fail. */
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
