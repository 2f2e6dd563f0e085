package io.github.proxmoxmcp.ceph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.spi.Tier;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.testing.CatalogBytes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The pack's catalog: names, tiers, which tools are destructive, and what it costs in tools/list. */
class CephCatalogTest {

    private final List<ToolDefinition<?>> tools = new CephPack().tools();

    @Test
    void toolsAndTiers() {
        Map<String, Tier> tiers = tools.stream().collect(Collectors.toMap(ToolDefinition::name, ToolDefinition::tier,
                (a, b) -> a, TreeMap::new));
        assertEquals(tools.size(), tiers.size(), "duplicate tool names");
        Map<String, Tier> expected = new TreeMap<>();
        for (String read : List.of("status", "list")) {
            expected.put("proxmox_ceph_" + read, Tier.BASIC);
        }
        for (String write : List.of("osd_manage", "osd_destroy", "service_manage", "pool_manage", "fs_create", "flags_set", "init")) {
            expected.put("proxmox_ceph_" + write, Tier.ELEVATED);
        }
        assertEquals(expected, tiers);
        tools.stream().filter(ToolDefinition::elevated).forEach(t -> assertEquals(!t.name().equals("proxmox_ceph_fs_create") && !t.name().equals("proxmox_ceph_osd_manage"),
                t.hints().destructive(), t.name()));
    }

    /** Product target: under 500 bytes per tool over the whole catalog; a new pack stays at 450 or under. */
    private static final int MAX_AVERAGE_BYTES = 450;

    @Test
    void catalogAverageStaysWithinBudget() {
        CatalogBytes.assertAverageAtMost(tools, MAX_AVERAGE_BYTES);
    }
}
