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
     * The 450 every pack keeps to. Thirty tools fit because the less used parameters go in documented set and options
     * maps by their Proxmox names, bounds an agent needs no telling are checked but not listed ({@code Unlisted}), and
     * the node and type that spare the look-up are described once in the server's instructions ({@code InInstructions}).
     */
    private static final int MAX_AVERAGE_BYTES = 450;

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
