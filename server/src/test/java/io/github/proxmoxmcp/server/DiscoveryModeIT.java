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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** PROXMOX_TOOL_MODE=discover against the sandbox: an agent's everyday jobs through search, describe and call. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscoveryModeIT {

    private McpSyncClient client;

    @BeforeAll
    void start() {
        List<String> command = ServerProcess.command("--sandbox");
        ServerParameters parameters = ServerParameters.builder(command.getFirst())
                .args(command.subList(1, command.size()))
                .env(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                        "PROXMOX_SANDBOX_CLOCK", "2026-01-01T00:00:00Z", "PROXMOX_TOOL_MODE", "discover"))
                .build();
        client = McpClient.sync(new StdioClientTransport(parameters, McpJsonDefaults.getMapper()))
                .requestTimeout(Duration.ofSeconds(60))
                .build();
        McpSchema.InitializeResult init = client.initialize();
        assertTrue(init.instructions().contains("find a tool with proxmox_tool_search"), init.instructions());
    }

    @AfterAll
    void stop() {
        client.closeGracefully();
    }

    private McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    private String ok(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = call(tool, arguments);
        String text = ((McpSchema.TextContent) result.content().getFirst()).text();
        assertFalse(Boolean.TRUE.equals(result.isError()), tool + " failed: " + text);
        return text;
    }

    private String error(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = call(tool, arguments);
        String text = ((McpSchema.TextContent) result.content().getFirst()).text();
        assertTrue(Boolean.TRUE.equals(result.isError()), tool + " should fail: " + text);
        return text;
    }

    @Test
    void threeSmallToolsAreListed() throws Exception {
        List<McpSchema.Tool> tools = client.listTools().tools();
        assertEquals(List.of("proxmox_tool_search", "proxmox_tool_describe", "proxmox_tool_call"),
                tools.stream().map(McpSchema.Tool::name).toList());
        int bytes = McpJsonDefaults.getMapper().writeValueAsString(Map.of("tools", tools)).length();
        assertTrue(bytes < 3072, "tools/list in discover mode is " + bytes + " bytes");
    }

    @Test
    void findAVmThenSnapshotIt() {
        String found = ok("proxmox_tool_search", Map.of("query", "guest list"));
        assertTrue(found.startsWith("proxmox_guest_list  read  "), found);

        String listed = ok("proxmox_tool_call", Map.of("name", "proxmox_guest_list", "arguments", Map.of("type", "qemu")));
        assertTrue(listed.contains("\n100  "), listed);

        String snapshotTools = ok("proxmox_tool_search", Map.of("query", "snapshot", "pack", "guest"));
        assertTrue(snapshotTools.contains("proxmox_guest_snapshot  elevated  "), snapshotTools);
        String described = ok("proxmox_tool_describe", Map.of("name", "proxmox_guest_snapshot"));
        assertTrue(described.startsWith("proxmox_guest_snapshot (guest pack, elevated"), described);
        assertTrue(described.contains("input schema: {\"type\":\"object\""), described);

        String created = ok("proxmox_tool_call", Map.of("name", "proxmox_guest_snapshot",
                "arguments", Map.of("vmid", 100, "action", "create", "snapname", "before_upgrade")));
        assertTrue(created.contains("before_upgrade"), created);
        String snapshots = ok("proxmox_tool_call", Map.of("name", "proxmox_guest_snapshot_list", "arguments", Map.of("vmid", 100)));
        assertTrue(snapshots.contains("before_upgrade"), snapshots);
    }

    @Test
    void theCalledToolKeepsItsSchemaAndConfirmRules() {
        assertEquals("Invalid arguments for proxmox_guest_snapshot_list: required property 'vmid' not found. Nothing was sent "
                + "to Proxmox; see proxmox_tool_describe.", error("proxmox_tool_call", Map.of("name", "proxmox_guest_snapshot_list")));
        String refused = error("proxmox_tool_call", Map.of("name", "proxmox_guest_delete", "arguments", Map.of("vmid", 100)));
        assertTrue(refused.startsWith("proxmox_guest_delete is destructive: nothing was changed."), refused);
        assertEquals("No tool 'proxmox_vm_list' in this deployment: find one with proxmox_tool_search.",
                error("proxmox_tool_call", Map.of("name", "proxmox_vm_list")));
    }

    @Test
    void aToolCalledByItsOwnNameStillWorks() {
        assertTrue(ok("proxmox_node_list", Map.of()).startsWith("NODE  STATUS"));
    }
}
