package io.github.proxmoxmcp.acme;

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
class AcmeCatalogTest {

    private static final int MAX_AVERAGE_BYTES = 450;

    private final List<ToolDefinition<?>> tools = new AcmePack().tools();

    @Test
    void toolsAndTiers() {
        Map<String, Tier> tiers = tools.stream().collect(Collectors.toMap(ToolDefinition::name, ToolDefinition::tier,
                (a, b) -> a, TreeMap::new));
        assertEquals(Map.of("proxmox_acme_get", Tier.BASIC, "proxmox_acme_certificate_get", Tier.BASIC,
                "proxmox_acme_account_manage", Tier.ELEVATED, "proxmox_acme_plugin_manage", Tier.ELEVATED,
                "proxmox_acme_certificate_manage", Tier.ELEVATED, "proxmox_acme_domains_set", Tier.ELEVATED), tiers);
    }

    @Test
    void catalogAverageStaysWithinBudget() {
        CatalogBytes.assertAverageAtMost(tools, MAX_AVERAGE_BYTES);
    }

}
