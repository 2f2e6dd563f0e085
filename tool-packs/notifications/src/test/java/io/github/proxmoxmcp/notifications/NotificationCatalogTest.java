package io.github.proxmoxmcp.notifications;

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
class NotificationCatalogTest {

    private final List<ToolDefinition<?>> tools = new NotificationPack().tools();

    @Test
    void toolsAndTiers() {
        Map<String, Tier> tiers = tools.stream().collect(Collectors.toMap(ToolDefinition::name, ToolDefinition::tier,
                (a, b) -> a, TreeMap::new));
        assertEquals(Map.of(
                "proxmox_notification_get", Tier.BASIC,
                "proxmox_notification_endpoint_manage", Tier.ELEVATED,
                "proxmox_notification_matcher_manage", Tier.ELEVATED,
                "proxmox_notification_test", Tier.ELEVATED), tiers);
    }

    /** The notifications pack's share of the catalog budget. */
    private static final int MAX_AVERAGE_BYTES = 450;

    @Test
    void catalogAverageStaysWithinBudget() {
        CatalogBytes.assertAverageAtMost(tools, MAX_AVERAGE_BYTES);
    }
}
