package io.github.proxmoxmcp.sdn;

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
class SdnCatalogTest {

    private final List<ToolDefinition<?>> tools = new SdnPack().tools();

    @Test
    void toolsAndTiers() {
        Map<String, Tier> tiers = tools.stream().collect(Collectors.toMap(ToolDefinition::name, ToolDefinition::tier,
                (a, b) -> a, TreeMap::new));
        assertEquals(Map.of("proxmox_sdn_get", Tier.BASIC, "proxmox_sdn_node_get", Tier.BASIC,
                "proxmox_sdn_manage", Tier.ELEVATED, "proxmox_sdn_apply", Tier.ELEVATED,
                "proxmox_sdn_lock", Tier.ELEVATED), tiers);
    }

    @Test
    void catalogAverageStaysWithinBudget() {
        CatalogBytes.assertAverageAtMost(tools, 450);
    }
}
