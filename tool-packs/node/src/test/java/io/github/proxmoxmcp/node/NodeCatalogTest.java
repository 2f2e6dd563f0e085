package io.github.proxmoxmcp.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.runtime.InputSchemas;
import io.github.proxmoxmcp.core.spi.Tier;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The pack's catalog: names, tiers, and what it costs in tools/list. */
class NodeCatalogTest {

    /** Around each tool in tools/list: 58 bytes of keys and quotes, 22-68 of annotations. */
    private static final int ENVELOPE_BYTES = 100;

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

    @Test
    void catalogAveragesUnder500BytesPerTool() {
        InputSchemas schemas = new InputSchemas();
        int total = 0;
        StringBuilder sizes = new StringBuilder();
        for (ToolDefinition<?> tool : tools) {
            int bytes = bytes(tool.name()) + bytes(tool.description()) + bytes(schemas.schema(tool.inputType()).toString())
                    + ENVELOPE_BYTES;
            assertTrue(tool.description().length() <= 150, tool.name() + " description too long");
            sizes.append(tool.name()).append('=').append(bytes).append(' ');
            total += bytes;
        }
        int average = total / tools.size();
        assertTrue(average < 500, "average " + average + " bytes per tool: " + sizes);
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
