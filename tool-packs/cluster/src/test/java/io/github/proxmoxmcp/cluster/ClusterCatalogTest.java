package io.github.proxmoxmcp.cluster;

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
class ClusterCatalogTest {

    private final List<ToolDefinition<?>> tools = new ClusterPack().tools();

    @Test
    void toolsAndTiers() {
        Map<String, Tier> tiers = tools.stream().collect(Collectors.toMap(ToolDefinition::name, ToolDefinition::tier,
                (a, b) -> a, TreeMap::new));
        assertEquals(tools.size(), tiers.size(), "duplicate tool names");
        Map<String, Tier> expected = new TreeMap<>();
        for (String read : List.of("status", "get", "schedule_analyze", "config_get")) {
            expected.put("proxmox_cluster_" + read, Tier.BASIC);
        }
        for (String write : List.of("options_set", "pool_manage", "config_manage", "setup", "guests_control")) {
            expected.put("proxmox_cluster_" + write, Tier.ELEVATED);
        }
        assertEquals(expected, tiers);
    }

    private static final int MAX_AVERAGE_BYTES = 450;

    @Test
    void catalogAverageStaysWithinBudget() {
        CatalogBytes.assertAverageAtMost(tools, MAX_AVERAGE_BYTES);
    }
}
