package io.github.proxmoxmcp.access;

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
class AccessCatalogTest {

    private final List<ToolDefinition<?>> tools = new AccessPack().tools();

    @Test
    void toolsAndTiers() {
        Map<String, Tier> tiers = tools.stream().collect(Collectors.toMap(ToolDefinition::name, ToolDefinition::tier,
                (a, b) -> a, TreeMap::new));
        assertEquals(tools.size(), tiers.size(), "duplicate tool names");
        Map<String, Tier> expected = new TreeMap<>();
        for (String read : List.of("user_get", "get", "acl_get", "permissions")) {
            expected.put("proxmox_access_" + read, Tier.BASIC);
        }
        for (String write : List.of("user_manage", "tfa_manage", "token_manage", "group_manage", "role_manage", "acl_set", "realm_manage", "realm_sync")) {
            expected.put("proxmox_access_" + write, Tier.ELEVATED);
        }
        assertEquals(expected, tiers);
    }

    /** The access pack's share of the catalog budget. */
    private static final int MAX_AVERAGE_BYTES = 450;

    @Test
    void catalogAverageStaysWithinBudget() {
        CatalogBytes.assertAverageAtMost(tools, MAX_AVERAGE_BYTES);
    }
}
