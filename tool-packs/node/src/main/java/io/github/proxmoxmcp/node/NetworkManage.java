package io.github.proxmoxmcp.node;

import static io.github.proxmoxmcp.core.id.PveFormat.IFACE;
import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_node_network_manage}: create, update or delete an interface. Changes are staged in
 * {@code interfaces.new} until applied with {@code proxmox_node_network_apply}.
 */
final class NetworkManage {

    private static final java.util.regex.Pattern BOND_MODES = java.util.regex.Pattern.compile("balance-rr|active-backup|balance-xor|broadcast|802\\.3ad|balance-tlb|balance-alb"
            + "|balance-slb|lacp-balance-slb|lacp-balance-tcp");

    enum Action { create, update, delete }

    enum Type { bridge, bond, eth, alias, vlan, fabric, OVSBridge, OVSBond, OVSPort, OVSIntPort, vnet, unknown }

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @NotNull Action action,
                 @NotNull @PveId(IFACE) String iface,
                 Type type,
                 String address,
                 String netmask,
                 String cidr,
                 String gateway,
                 String cidr6,
                 String gateway6,
                 @JsonProperty("bridge_ports") String bridgePorts,
                 @JsonProperty("bridge_vlan_aware") Boolean bridgeVlanAware,
                 Boolean autostart,
                 String comments,
                 Integer mtu,
                 @JsonProperty("bond_mode")
                 String bondMode,
                 String slaves,
                 @JsonProperty("vlan-id") @Min(1) @Max(4094) Integer vlanId,
                 @JsonProperty("vlan-raw-device") String vlanRawDevice,
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
                .put("type", input.type()).put("address", input.address()).put("netmask", input.netmask())
                .put("cidr", input.cidr()).put("gateway", input.gateway()).put("cidr6", input.cidr6())
                .put("gateway6", input.gateway6()).put("bridge_ports", input.bridgePorts())
                .put("bridge_vlan_aware", input.bridgeVlanAware()).put("autostart", input.autostart())
                .put("comments", input.comments()).put("mtu", input.mtu()).put("bond_mode", input.bondMode())
                .put("slaves", input.slaves()).put("vlan-id", input.vlanId()).put("vlan-raw-device", input.vlanRawDevice())
                .map();
        if (input.bondMode() != null && !BOND_MODES.matcher(input.bondMode()).matches()) {
            throw new ToolInputException("bond_mode must be one of " + BOND_MODES.pattern().replace("\\", ""));
        }
        if (input.action() != Action.delete && input.type() == null) {
            throw new ToolInputException("type is required for action=" + input.action());
        }
        return settings;
    }
}
