package io.github.proxmoxmcp.server.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.spi.ProgressReporter;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.testing.MockProxmox;
import io.github.proxmoxmcp.server.registry.ToolRegistry;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AOP gate refuses every ELEVATED tool by name in basic mode, before any request reaches Proxmox. */
class PermissionGateTest {

    private final MockProxmox proxmox = MockProxmox.shared();

    @BeforeEach
    void reset() {
        proxmox.reset();
    }

    private ApplicationContext context(boolean allowElevated) {
        return ApplicationContext.builder().deduceEnvironment(false).banner(false).properties(Map.of(
                "micronaut.http.services.proxmox.url", proxmox.url(),
                "proxmox.token-id", "root@pam!mcp",
                "proxmox.token-secret", "secret",
                "proxmox.retry-attempts", 0,
                "proxmox.allow-elevated", allowElevated)).start();
    }

    @Test
    void everyElevatedToolIsRefusedInBasicModeAndNothingIsSent() {
        List<ToolDefinition<?>> elevated = new java.util.ArrayList<>();
        ToolRegistry.load(List.of()).all().stream().filter(t -> t.definition().elevated()).forEach(t -> elevated.add(t.definition()));
        assertFalse(elevated.isEmpty());
        try (ApplicationContext context = context(false)) {
            ToolGateway gateway = context.getBean(ToolGateway.class);
            for (ToolDefinition<?> tool : elevated) {
                ToolResult result = gateway.call(tool, Map.of("node", "pve1", "vmid", 100, "confirm", true), ProgressReporter.NONE).block();
                assertTrue(result.error(), tool.name());
                assertEquals("Permission denied: " + tool.name() + " changes the cluster and elevated tools are disabled. "
                        + "Nothing was sent to Proxmox. An operator can enable them with PROXMOX_ALLOW_ELEVATED=true.", result.text());
            }
        }
        assertEquals(List.of(), proxmox.requests());
    }

    @Test
    void basicToolsPassTheGate() {
        proxmox.respond("GET", "/nodes", "[{\"node\":\"pve1\",\"status\":\"online\"}]");
        ToolDefinition<?> list = ToolRegistry.load(List.of("node")).find("proxmox_node_list").orElseThrow().definition();
        try (ApplicationContext context = context(false)) {
            ToolResult result = context.getBean(ToolGateway.class).call(list, Map.of(), ProgressReporter.NONE).block();
            assertFalse(result.error(), result.text());
        }
        assertEquals(List.of("GET /nodes"), proxmox.requests().stream().map(MockProxmox.Recorded::line).toList());
    }
}
