package io.github.proxmoxmcp.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.spi.Tier;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.testing.CatalogBytes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The pack's catalog: names, tiers, and what it costs in tools/list. */
class StorageCatalogTest {

    private final List<ToolDefinition<?>> tools = new StoragePack().tools();

    @Test
    void toolsAndTiers() {
        Map<String, Tier> tiers = tools.stream().collect(Collectors.toMap(ToolDefinition::name, ToolDefinition::tier,
                (a, b) -> a, TreeMap::new));
        assertEquals(tools.size(), tiers.size(), "duplicate tool names");
        Map<String, Tier> expected = new TreeMap<>();
        for (String read : List.of("list", "get", "content_list", "content_get", "url_info", "scan", "disk_list",
                "disk_smart")) {
            expected.put("proxmox_storage_" + read, Tier.BASIC);
        }
        for (String write : List.of("manage", "content_manage", "prune", "upload", "disk_manage", "disk_prepare")) {
            expected.put("proxmox_storage_" + write, Tier.ELEVATED);
        }
        assertEquals(expected, tiers);
    }

    /** Product target: under 500 bytes per tool over the whole catalog; a new pack stays at 450 or under. */
    private static final int MAX_AVERAGE_BYTES = 450;

    @Test
    void catalogAverageStaysWithinBudget() {
        CatalogBytes.assertAverageAtMost(tools, MAX_AVERAGE_BYTES);
    }
}
