package io.github.proxmoxmcp.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.spi.Tier;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.testing.CatalogBytes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The pack's catalog: names, tiers, and what it costs in tools/list. */
class NodeCatalogTest {

    private final List<ToolDefinition<?>> tools = new NodePack().tools();

    @Test
    void toolsAndTiers() {
        Map<String, Tier> tiers = tools.stream().collect(Collectors.toMap(ToolDefinition::name, ToolDefinition::tier,
                (a, b) -> a, TreeMap::new));
        assertEquals(tools.size(), tiers.size(), "duplicate tool names");
        Map<String, Tier> expected = new TreeMap<>();
        for (String read : List.of("list", "status", "rrd_get", "service_list", "log_get", "task_list", "task_get",
                "network_get", "settings_get", "apt_get", "replication_get")) {
            expected.put("proxmox_node_" + read, Tier.BASIC);
        }
        for (String write : List.of("service_control", "task_stop", "network_manage", "network_apply", "settings_set",
                "apt_refresh", "power_control", "guests_control", "wake", "replication_run")) {
            expected.put("proxmox_node_" + write, Tier.ELEVATED);
        }
        assertEquals(expected, tiers);
    }

    /** The 450 every pack keeps to: the less used interface keys go in network_manage's documented set map. */
    private static final int MAX_AVERAGE_BYTES = 450;

    @Test
    void catalogAverageStaysWithinBudget() {
        CatalogBytes.assertAverageAtMost(tools, MAX_AVERAGE_BYTES);
    }
}
