package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.BRIDGE;
import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.guest.Guest;
import io.github.proxmoxmcp.core.guest.GuestLocator;
import io.github.proxmoxmcp.core.guest.GuestTarget;
import io.github.proxmoxmcp.core.guest.GuestType;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_nic}: add, replace or remove network interface netN of a VM or container. */
final class GuestNic {

    @Serdeable
    enum Action { set, remove }

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @PveId(NODE) String node,
            GuestType type,
            @NotNull Action action,
            @NotNull @Min(0) @Max(31) Integer index,
            @PveId(BRIDGE) String bridge,
            GuestCreateVm.Model model,
            @JsonPropertyDescription("Default: netN's current MAC") String mac,
            @Min(1) @Max(4094) Integer vlan,
            Boolean firewall,
            @Min(576) @Max(65520) Integer mtu,
            @JsonPropertyDescription("MB/s") @Min(0) Double rate,
            @JsonPropertyDescription("Default ethN") String name,
            @JsonPropertyDescription("CIDR or dhcp") String ip,
            String gw,
            @JsonProperty("wait") Boolean waitForTask,
            @Min(1) Integer timeout) implements GuestTarget, TaskInput {
    }

    private GuestNic() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_nic",
                "Set (add/replace) or remove NIC netN (index); model is qemu, name/ip/gw lxc.",
                Input.class, ToolHints.IDEMPOTENT_WRITE, GuestNic::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        if (input.action() == Action.set && input.bridge() == null) {
            throw new ToolInputException("bridge is required for action=set");
        }
        String key = "net" + input.index();
        GuestClient client = context.bean(GuestClient.class);
        return GuestLocator.locate(input, context).flatMap(g -> {
            if (input.action() == Action.remove) {
                return Tasks.finish(ConfigUpdate.send(client, g, Params.create().delete(List.of(key)).map()), input, context,
                        "removal of " + key + " of " + g.label());
            }
            Mono<String> mac = input.mac() != null ? Mono.just(input.mac())
                    : client.config(g.node(), g.path(), g.vmid(), Map.of())
                            .map(config -> currentMac(Json.text(config.data(), key)).orElse(""));
            return mac.flatMap(address -> Tasks.finish(
                    ConfigUpdate.send(client, g, Params.create().put(key, value(g, input, address.isEmpty() ? null : address)).map()),
                    input, context, "set " + key + " of " + g.label() + (input.mac() == null && !address.isEmpty()
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

    static String value(Guest g, Input input, String mac) {
        StringBuilder value = new StringBuilder();
        if (g.qemu()) {
            value.append(input.model() == null ? "virtio" : input.model().name());
            if (mac != null) {
                value.append('=').append(mac);
            }
        } else {
            value.append("name=").append(input.name() == null ? "eth" + input.index() : input.name());
            if (mac != null) {
                value.append(",hwaddr=").append(mac);
            }
        }
        value.append(",bridge=").append(input.bridge());
        if (!g.qemu()) {
            String ip = CloudInit.ipConfig(input.ip(), input.gw());
            if (ip != null) {
                value.append(',').append(ip);
            }
        }
        if (input.vlan() != null) {
            value.append(",tag=").append(input.vlan());
        }
        if (input.firewall() != null) {
            value.append(",firewall=").append(input.firewall() ? 1 : 0);
        }
        if (input.mtu() != null) {
            value.append(",mtu=").append(input.mtu());
        }
        if (input.rate() != null) {
            value.append(",rate=").append(Params.wire(input.rate()));
        }
        return value.toString();
    }
}
