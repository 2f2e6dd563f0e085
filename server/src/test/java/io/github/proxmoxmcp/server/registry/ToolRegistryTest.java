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
        assertEquals("PROXMOX_TOOL_PACKS: unknown pack(s) vmware; available: firewall, guest, node", e.getMessage());
    }

    @Test
    void basicModeListsNoElevatedTool() {
        ToolRegistry registry = ToolRegistry.load(List.of());
        assertTrue(registry.listed(false).stream().noneMatch(t -> t.definition().tier() == Tier.ELEVATED));
        assertTrue(registry.listed(false).stream().allMatch(t -> t.definition().hints().readOnly()));
        assertTrue(registry.listed(true).size() > registry.listed(false).size());
    }
}
