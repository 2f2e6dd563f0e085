package io.github.proxmoxmcp.node;

import static io.github.proxmoxmcp.core.id.PveFormat.IFACE;
import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.KeyValues;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Comparator;
import reactor.core.publisher.Mono;

/** {@code proxmox_node_network_get}: the node's interfaces, or one interface's full config. */
final class NetworkGet {

    enum Type { bridge, bond, eth, alias, vlan, fabric, OVSBridge, OVSBond, OVSPort, OVSIntPort, vnet, any_bridge,
        any_local_bridge, include_sdn }

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @PveId(IFACE) String iface,
                 Type type) {
    }

    private NetworkGet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_node_network_get",
                "List node network interfaces, or one interface's config.",
                Input.class, NetworkGet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String node = context.node(input.node());
        NodeClient client = context.bean(NodeClient.class);
        if (input.iface() != null) {
            if (input.type() != null) {
                throw new ToolInputException("type filters the list; leave it out with iface");
            }
            return client.network(node, input.iface()).map(response -> ToolResult.ok(KeyValues.of(response.data())));
        }
        return client.networks(node, Params.create().put("type", input.type()).map()).map(response -> {
            Table table = Table.of("IFACE", "TYPE", "ACTIVE", "AUTO", "ADDRESS", "GATEWAY", "PORTS", "COMMENTS");
            response.list().stream()
                    .sorted(Comparator.comparing(i -> Json.text(i, "iface", "")))
                    .forEach(i -> table.row(Json.text(i, "iface"), Json.text(i, "type"), yesNo(i, "active"),
                            yesNo(i, "autostart"), address(i), Json.text(i, "gateway"), ports(i),
                            Json.text(i, "comments") == null ? null : Json.text(i, "comments").strip()));
            return ToolResult.ok(table.size() == 0 ? "no interfaces" : table.render());
        });
    }

    private static String yesNo(JsonNode iface, String field) {
        return Json.flag(iface, field) ? "yes" : "no";
    }

    private static String address(JsonNode iface) {
        String v4 = Json.text(iface, "cidr", Json.text(iface, "address"));
        String v6 = Json.text(iface, "cidr6", Json.text(iface, "address6"));
        return v4 == null ? v6 : v6 == null ? v4 : v4 + " " + v6;
    }

    private static String ports(JsonNode iface) {
        for (String field : new String[] {"bridge_ports", "slaves", "vlan-raw-device", "ovs_ports", "ovs_bonds"}) {
            String value = Json.text(iface, field);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
