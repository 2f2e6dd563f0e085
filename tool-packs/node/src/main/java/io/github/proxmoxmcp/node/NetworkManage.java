package io.github.proxmoxmcp.node;

import static io.github.proxmoxmcp.core.id.PveFormat.IFACE;
import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.OptionKeys;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_node_network_manage}: create, update or delete an interface. Changes are staged in
 * {@code interfaces.new} until applied with {@code proxmox_node_network_apply}.
 */
final class NetworkManage {

    private static final String IFACES = "[A-Za-z][A-Za-z0-9_.:-]*( [A-Za-z][A-Za-z0-9_.:-]*)*";

    /** The keys of {@code set}: the less used parameters of {@code POST /nodes/{node}/network} (and its PUT). */
    static final OptionKeys SET = OptionKeys.of("set")
            .text("address", "[0-9.]+", "an IPv4 address").text("netmask", "[0-9.]+", "an IPv4 netmask such as 255.255.255.0")
            .text("cidr6", "(?i)[0-9a-f:]+/\\d{1,3}", "an IPv6 CIDR").text("gateway6", "(?i)[0-9a-f:]+", "an IPv6 address")
            .bool("bridge_vlan_aware", "autostart")
            .text("bridge_vids", "\\d+(-\\d+)?([ ,;]\\d+(-\\d+)?)*", "VLAN ids and ranges such as 2-4094")
            .text("comments", "[^\\p{Cntrl}]*", "one line of text")
            .integer("mtu", 1280, 65520)
            .oneOf("bond_mode", "balance-rr", "active-backup", "balance-xor", "broadcast", "802.3ad", "balance-tlb", "balance-alb",
                    "balance-slb", "lacp-balance-slb", "lacp-balance-tcp")
            .oneOf("bond_xmit_hash_policy", "layer2", "layer2+3", "layer3+4")
            .text("slaves", IFACES, "interface names separated by spaces, e.g. eno1 eno2")
            .integer("vlan-id", 1, 4094)
            .text("vlan-raw-device", IFACES, "an interface name such as eno1");

    enum Action { create, update, delete }

    enum Type { bridge, bond, eth, alias, vlan, fabric, OVSBridge, OVSBond, OVSPort, OVSIntPort, vnet, unknown }

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @NotNull Action action,
                 @NotNull @PveId(IFACE) String iface,
                 Type type,
                 String cidr,
                 String gateway,
                 @JsonProperty("bridge_ports") String bridgePorts,
                 @JsonPropertyDescription("mtu, slaves, bond_mode...") Map<String, Object> set,
                 @JsonPropertyDescription("update: keys to remove") List<String> unset,
                 Boolean confirm) implements Confirmable {
    }

    private NetworkManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_node_network_manage",
                "Create, update or delete (needs confirm) a node interface; staged until network_apply.",
                Input.class, ToolHints.DESTRUCTIVE, NetworkManage::handle)
                .confirmWhen(in -> in.action() == Action.delete);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String node = context.node(input.node());
        NodeClient client = context.bean(NodeClient.class);
        String staged = "; pending until proxmox_node_network_apply";
        return switch (input.action()) {
            case create -> {
                if (input.unset() != null && !input.unset().isEmpty()) {
                    throw new ToolInputException("unset is for action=update");
                }
                Map<String, String> form = Params.create().put("iface", input.iface()).putAll(settings(input)).map();
                yield client.createNetwork(node, form)
                        .thenReturn(ToolResult.ok("interface " + input.iface() + " created on " + node + staged));
            }
            case update -> client.updateNetwork(node, input.iface(), Params.create().putAll(settings(input))
                            .delete(input.unset()).map())
                    .thenReturn(ToolResult.ok("interface " + input.iface() + " updated on " + node + staged));
            case delete -> {
                if (!settings(input).isEmpty() || input.unset() != null) {
                    throw new ToolInputException("action=delete takes only node, iface and confirm");
                }
                yield client.deleteNetwork(node, input.iface())
                        .thenReturn(ToolResult.ok("interface " + input.iface() + " deleted on " + node + staged));
            }
        };
    }

    /** The interface settings given, in wire form; create and update need the type. */
    private static Map<String, String> settings(Input input) {
        Map<String, String> settings = Params.create()
                .put("type", input.type()).put("cidr", input.cidr()).put("gateway", input.gateway())
                .put("bridge_ports", input.bridgePorts()).putAll(SET.wire(input.set()))
                .map();
        if (input.action() != Action.delete && input.type() == null) {
            throw new ToolInputException("type is required for action=" + input.action());
        }
        return settings;
    }
}
