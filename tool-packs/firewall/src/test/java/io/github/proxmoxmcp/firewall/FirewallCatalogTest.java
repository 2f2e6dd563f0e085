package io.github.proxmoxmcp.firewall;

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
class FirewallCatalogTest {

    private final List<ToolDefinition<?>> tools = new FirewallPack().tools();

    @Test
    void toolsAndTiers() {
        Map<String, Tier> tiers = tools.stream().collect(Collectors.toMap(ToolDefinition::name, ToolDefinition::tier,
                (a, b) -> a, TreeMap::new));
        assertEquals(tools.size(), tiers.size(), "duplicate tool names");
        Map<String, Tier> expected = new TreeMap<>();
        for (String read : List.of("get", "log_get")) {
            expected.put("proxmox_firewall_" + read, Tier.BASIC);
        }
        for (String write : List.of("rule_manage", "options_set", "ipset_manage", "alias_manage", "group_manage", "delete")) {
            expected.put("proxmox_firewall_" + write, Tier.ELEVATED);
        }
        assertEquals(expected, tiers);
    }

    /**
     * The 450 every pack keeps to. One firewall model at five scopes fits because a firewall is one argument
     * ({@code scope: guest/100}), what lies below it is named as Proxmox's path does ({@code view: ipsets/blocklist},
     * {@code item: rule/3}), and rule fields and options go by their Proxmox names in one map each, documented in
     * the skill.
     */
    private static final int MAX_AVERAGE_BYTES = 450;

    @Test
    void catalogAverageStaysWithinBudget() {
        CatalogBytes.assertAverageAtMost(tools, MAX_AVERAGE_BYTES);
    }
}
