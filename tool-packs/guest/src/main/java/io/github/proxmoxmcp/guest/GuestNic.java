package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.BRIDGE;
import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.OptionKeys;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.guest.Guest;
import io.github.proxmoxmcp.core.guest.GuestLocator;
import io.github.proxmoxmcp.core.guest.GuestTarget;
import io.github.proxmoxmcp.core.guest.GuestType;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.InInstructions;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.spi.Unlisted;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_guest_nic}: add, replace or remove network interface netN of a VM or container. The bridge is a
 * field; the other netN properties go in {@code set} by their Proxmox names.
 */
final class GuestNic {

    @Serdeable
    enum Action { set, remove }

    /** The netN properties of {@code set}, of a VM's {@code pve-qm-net} or a container's {@code pve-lxc-network}. */
    static final OptionKeys QEMU = keys(true, false);
    static final OptionKeys LXC = keys(false, true);
    private static final OptionKeys EITHER = keys(true, true);

    private static OptionKeys keys(boolean qemu, boolean lxc) {
        OptionKeys keys = OptionKeys.of("set", qemu && lxc ? "a guest" : qemu ? "a VM" : "a container")
                .integer("tag", 1, 4094).bool("firewall")
                .integer("mtu", 1, 65520).number("rate", 0).bool("link_down")
                .text("trunks", "\\d+(-\\d+)?(;\\d+(-\\d+)?)*", "VLAN ids separated by ';', e.g. 10;20-30");
        if (qemu) {
            keys.oneOf("model", "virtio", "e1000", "e1000-82540em", "e1000-82544gc", "e1000-82545em", "e1000e", "i82551",
                            "i82557b", "i82559er", "ne2k_isa", "ne2k_pci", "pcnet", "rtl8139", "vmxnet3")
                    .text("macaddr", MAC, "a MAC address such as BC:24:11:00:00:01")
                    .integer("queues", 0, 64);
        }
        if (lxc) {
            keys.text("ip", "(?i)dhcp|manual|[0-9.]+/\\d{1,2}", "dhcp, manual or an IPv4 CIDR such as 10.0.0.5/24")
                    .text("gw", "[0-9.]+", "an IPv4 address")
                    .text("name", "[A-Za-z][A-Za-z0-9_.-]{0,14}", "an interface name such as eth1")
                    .text("hwaddr", MAC, "a MAC address such as BC:24:11:00:00:01")
                    .text("ip6", "(?i)dhcp|auto|manual|[0-9a-f:]+/\\d{1,3}", "auto, dhcp, manual or an IPv6 CIDR")
                    .text("gw6", "(?i)[0-9a-f:]+", "an IPv6 address");
        }
        return keys;
    }

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @InInstructions @PveId(NODE) String node,
            @InInstructions GuestType type,
            @NotNull Action action,
            @NotNull @Min(value = 0, groups = Unlisted.class) @Max(value = 31, groups = Unlisted.class) Integer index,
            @PveId(BRIDGE) String bridge,
            @JsonPropertyDescription("tag, firewall, ip...") Map<String, Object> set,
            @JsonProperty("wait") Boolean waitForTask,
            @Min(value = 1, groups = Unlisted.class) Integer timeout) implements GuestTarget, TaskInput {
    }

    private GuestNic() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_nic",
                "Add or replace (keeping the MAC) or remove NIC netN.",
                Input.class, ToolHints.IDEMPOTENT_WRITE, GuestNic::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        if (input.action() == Action.set && input.bridge() == null) {
            throw new ToolInputException("bridge is required for action=set");
        }
        if (input.action() == Action.remove && input.set() != null && !input.set().isEmpty()) {
            throw new ToolInputException("set is for action=set");
        }
        (input.type() == null ? EITHER : input.type() == GuestType.qemu ? QEMU : LXC).wire(input.set());
        String key = "net" + input.index();
        GuestClient client = context.bean(GuestClient.class);
        return GuestLocator.locate(input, context).flatMap(g -> {
            if (input.action() == Action.remove) {
                return Tasks.finish(ConfigUpdate.send(client, g, Params.create().delete(List.of(key)).map()), input, context,
                        "removal of " + key + " of " + g.label());
            }
            Map<String, String> set = (g.qemu() ? QEMU : LXC).wire(input.set());
            String given = set.get(g.qemu() ? "macaddr" : "hwaddr");
            Mono<String> mac = given != null ? Mono.just(given)
                    : client.config(g.node(), g.path(), g.vmid(), Map.of())
                            .map(config -> currentMac(Json.text(config.data(), key)).orElse(""));
            return mac.flatMap(address -> Tasks.finish(
                    ConfigUpdate.send(client, g, Params.create().put(key, value(g, input, set, address.isEmpty() ? null : address))
                            .map()),
                    input, context, "set " + key + " of " + g.label() + (given == null && !address.isEmpty()
                            ? " (kept MAC " + address + ")" : "")));
        });
    }

    /** The MAC address in a netN value: {@code virtio=MAC,...} or {@code macaddr=MAC} for a VM, {@code hwaddr=MAC} for a container. */
    static Optional<String> currentMac(String netValue) {
        if (netValue == null) {
            return Optional.empty();
        }
        Matcher m = MAC_IN_NET.matcher(netValue);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static final Pattern MAC_IN_NET = Pattern.compile("(?:^|,)[a-z0-9_]+=((?:[0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2})(?:,|$)");

    private static final String MAC = "(?i)[0-9a-f]{2}(:[0-9a-f]{2}){5}";

    static String value(Guest g, Input input, Map<String, String> set, String mac) {
        Map<String, String> rest = new LinkedHashMap<>(set);
        StringBuilder value = new StringBuilder();
        if (g.qemu()) {
            value.append(rest.containsKey("model") ? rest.remove("model") : "virtio");
            rest.remove("macaddr");
            if (mac != null) {
                value.append('=').append(mac);
            }
        } else {
            value.append("name=").append(rest.containsKey("name") ? rest.remove("name") : "eth" + input.index());
            rest.remove("hwaddr");
            if (mac != null) {
                value.append(",hwaddr=").append(mac);
            }
        }
        value.append(",bridge=").append(input.bridge());
        String ip = CloudInit.ipConfig(rest.remove("ip"), rest.remove("gw"));
        if (ip != null) {
            value.append(',').append(ip);
        }
        rest.forEach((property, wire) -> value.append(',').append(property).append('=').append(wire));
        return value.toString();
    }
}
