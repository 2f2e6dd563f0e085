package io.github.proxmoxmcp.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.testing.CatalogBytes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pack's catalog: names, description length, and what it costs in tools/list. */
class GuestCatalogTest {

    /**
     * Ceiling for this pack's average bytes per tool in tools/list, so the catalog cannot grow back. The target is the
     * 450 every other pack keeps to; with the less used parameters in documented set and options maps this pack is at
     * 517, most of the rest being the vmid, node and type every guest tool takes and the wait and timeout of its tasks.
     */
    private static final int MAX_AVERAGE_BYTES = 520;

    private final List<ToolDefinition<?>> tools = new GuestPack().tools();

    @Test
    void namesAreUniqueAndPrefixed() {
        assertEquals(tools.size(), tools.stream().map(ToolDefinition::name).distinct().count(), "duplicate tool names");
        tools.forEach(tool -> assertTrue(tool.name().startsWith("proxmox_guest_"), tool.name()));
    }

    @Test
    void catalogAverageStaysWithinBudget() {
        CatalogBytes.assertAverageAtMost(tools, MAX_AVERAGE_BYTES);
    }
}
