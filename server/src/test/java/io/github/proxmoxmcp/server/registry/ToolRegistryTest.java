package io.github.proxmoxmcp.server.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.spi.Tier;
import io.github.proxmoxmcp.server.config.SettingsException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolRegistryTest {

    @Test
    void findsThePacksOnTheClassPath() {
        ToolRegistry registry = ToolRegistry.load(List.of());
        List<String> packs = registry.packs().stream().map(p -> p.name()).toList();
        assertTrue(packs.containsAll(List.of("guest", "node")), packs.toString());
        assertTrue(registry.all().stream().allMatch(t -> t.name().matches("proxmox_[a-z0-9_]+")));
    }

    @Test
    void subsetOfPacks() {
        ToolRegistry registry = ToolRegistry.load(List.of("node"));
        assertEquals(List.of("node"), registry.packs().stream().map(p -> p.name()).toList());
        assertTrue(registry.all().stream().allMatch(t -> t.pack().equals("node")));
    }

    @Test
    void unknownPackIsAStartUpErrorListingTheKnownOnes() {
        SettingsException e = assertThrows(SettingsException.class, () -> ToolRegistry.load(List.of("node", "vmware")));
        String available = String.join(", ", ToolRegistry.load(List.of()).packs().stream().map(p -> p.name()).sorted().toList());
        assertEquals("PROXMOX_TOOL_PACKS: unknown pack(s) vmware; available: " + available, e.getMessage());
        assertTrue(available.contains("access, acme, ceph, cluster, firewall, guest, ha, node, notifications, sdn, storage"), available);
    }

    @Test
    void basicModeListsNoElevatedTool() {
        ToolRegistry registry = ToolRegistry.load(List.of());
        assertTrue(registry.listed(false).stream().noneMatch(t -> t.definition().tier() == Tier.ELEVATED));
        assertTrue(registry.listed(false).stream().allMatch(t -> t.definition().hints().readOnly()));
        assertTrue(registry.listed(true).size() > registry.listed(false).size());
    }

    @Test
    void anAllowListKeepsOnlyTheNamedTools() {
        ToolRegistry registry = ToolRegistry.load(List.of(), List.of("proxmox_node_list", "proxmox_guest_power"));

        assertEquals(List.of("proxmox_guest_power", "proxmox_node_list"),
                registry.all().stream().map(RegisteredTool::name).sorted().toList());
        assertTrue(registry.find("proxmox_guest_delete").isEmpty());
    }

    @Test
    void anUnknownAllowedToolNamesTheClosestRealOnes() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> ToolRegistry.load(List.of(), List.of("proxmox_node_lst", "proxmox_node_status")));
        // the nearest first (one letter away), then the next two nearest of whatever packs are on the class path
        assertTrue(e.getMessage().startsWith("PROXMOX_TOOLS: unknown tool(s) proxmox_node_lst (did you mean proxmox_node_list, "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("?); list them with: proxmox-mcp tools"), e.getMessage());
        assertEquals(2, e.getMessage().chars().filter(c -> c == ',').count(), e.getMessage());
    }

    @Test
    void anAllowedToolOutsideTheEnabledPacksIsUnknown() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> ToolRegistry.load(List.of("node"), List.of("proxmox_guest_list")));
        assertTrue(e.getMessage().startsWith("PROXMOX_TOOLS: unknown tool(s) proxmox_guest_list (did you mean "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" in the packs node; list them with: proxmox-mcp tools"), e.getMessage());
    }
}
