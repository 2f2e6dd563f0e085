package io.github.proxmoxmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.testing.MockProxmox;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shaded jar driven by the SDK's own MCP client over stdio. */
class McpClientIT {

    private final MockProxmox proxmox = MockProxmox.shared();

    @BeforeEach
    void reset() {
        proxmox.reset();
    }

    private static McpSyncClient client(Map<String, String> env, String... args) {
        List<String> command = ServerProcess.command(args);
        ServerParameters parameters = ServerParameters.builder(command.getFirst())
                .args(command.subList(1, command.size()))
                .env(env)
                .build();
        McpSyncClient client = McpClient.sync(new StdioClientTransport(parameters, McpJsonDefaults.getMapper()))
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        client.initialize();
        return client;
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().getFirst()).text();
    }

    @Test
    void basicModeListsReadToolsOnlyAndRefusesElevatedCallsBeforeAnyRequest() {
        proxmox.respond("GET", "/nodes", "[{\"node\":\"pve1\",\"status\":\"online\",\"uptime\":3600}]");
        McpSyncClient client = client(ServerProcess.env(proxmox.url(), false));
        try {
            List<McpSchema.Tool> tools = client.listTools().tools();
            assertFalse(tools.isEmpty());
            assertTrue(tools.stream().allMatch(t -> Boolean.TRUE.equals(t.annotations().readOnlyHint())),
                    "an elevated tool is listed in basic mode");

            McpSchema.CallToolResult list = client.callTool(new McpSchema.CallToolRequest("proxmox_node_list", Map.of()));
            assertFalse(Boolean.TRUE.equals(list.isError()), text(list));
            assertEquals("""
                    NODE  STATUS  CPU  MEM  UPTIME
                    pve1  online  -    -    1h 0m""", text(list));
            assertEquals(List.of("GET /nodes"), proxmox.requests().stream().map(MockProxmox.Recorded::line).toList());
            assertEquals("PVEAPIToken=root@pam!mcp=e2e-secret-value", proxmox.requests().getFirst().headers().get("authorization"));

            proxmox.reset();
            McpSchema.CallToolResult refused = client.callTool(new McpSchema.CallToolRequest("proxmox_node_power_control",
                    Map.of("node", "pve1", "command", "reboot", "confirm", true)));
            assertTrue(Boolean.TRUE.equals(refused.isError()));
            assertEquals("Permission denied: proxmox_node_power_control changes the cluster and elevated tools are disabled. "
                    + "Nothing was sent to Proxmox. An operator can enable them with PROXMOX_ALLOW_ELEVATED=true.", text(refused));
            assertEquals(List.of(), proxmox.requests());
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void elevatedModeListsWriteTools() {
        McpSyncClient client = client(ServerProcess.env(proxmox.url(), true));
        try {
            List<McpSchema.Tool> tools = client.listTools().tools();
            assertTrue(tools.stream().anyMatch(t -> !Boolean.TRUE.equals(t.annotations().readOnlyHint())));
            assertTrue(tools.stream().anyMatch(t -> t.name().equals("proxmox_node_power_control")
                    && t.annotations().readOnlyHint() == null && t.annotations().destructiveHint() == null));
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void proxmoxFailureIsAnErrorResultWithStatusMessageAndErrors() {
        proxmox.fail("GET", "/nodes/pve9/status", 400, "Parameter verification failed.", Map.of("node", "no such node 'pve9'"));
        McpSyncClient client = client(ServerProcess.env(proxmox.url(), false));
        try {
            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("proxmox_node_status", Map.of("node", "pve9")));
            assertTrue(Boolean.TRUE.equals(result.isError()));
            assertEquals("Proxmox API error 400: Parameter verification failed.\n  node: no such node 'pve9'", text(result));
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void eachEnabledPackOffersItsSkillAsAResource() {
        Map<String, String> env = new java.util.HashMap<>(ServerProcess.env(proxmox.url(), false));
        env.put("PROXMOX_TOOL_PACKS", "node,ha");
        McpSyncClient client = client(env);
        try {
            List<McpSchema.Resource> resources = client.listResources().resources();
            assertEquals(List.of("proxmox://skills/ha", "proxmox://skills/node"), resources.stream().map(McpSchema.Resource::uri).toList());
            assertEquals("text/markdown", resources.getFirst().mimeType());
            McpSchema.ReadResourceResult node = client.readResource(new McpSchema.ReadResourceRequest("proxmox://skills/node"));
            String text = ((McpSchema.TextResourceContents) node.contents().getFirst()).text();
            assertTrue(text.startsWith("# The node tools\n"), text);
            assertTrue(text.contains("\n## Traps\n") && text.contains("| `proxmox_node_list` | BASIC | "), text);
            assertEquals(List.of(), proxmox.requests(), "the guidance needs no Proxmox request");
        } finally {
            client.closeGracefully();
        }
    }
}
