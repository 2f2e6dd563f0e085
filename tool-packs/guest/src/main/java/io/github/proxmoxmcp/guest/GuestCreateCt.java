package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.BRIDGE;
import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.POOL;
import static io.github.proxmoxmcp.core.id.PveFormat.STORAGE;
import static io.github.proxmoxmcp.core.id.PveFormat.TAG;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.guest.Nodes;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_create_ct}: a new LXC container from an OS template. */
final class GuestCreateCt {

    @Serdeable
    record Input(
            @PveId(NODE) String node,
            @JsonPropertyDescription("Default next free") @PveId(VMID) Integer vmid,
            @JsonPropertyDescription("e.g. local:vztmpl/x.tar.zst") @NotBlank String ostemplate,
            @NotNull @PveId(STORAGE) String storage,
            @JsonPropertyDescription("rootfs GiB, default 8") @Min(1) Integer diskSize,
            String hostname,
            @Min(1) Integer cores,
            @JsonPropertyDescription("MiB") @Min(16) Integer memory,
            @JsonPropertyDescription("MiB") @Min(0) Integer swap,
            @JsonPropertyDescription("Default vmbr0; none: no NIC") @PveId(BRIDGE) String bridge,
            @JsonPropertyDescription("CIDR or dhcp") String ip,
            String gw,
            @Min(1) @Max(4094) Integer vlan,
            Boolean firewall,
            Boolean unprivileged,
            Boolean nesting,
            @JsonPropertyDescription("One per line") String sshKeys,
            String password,
            List<@PveId(TAG) String> tags,
            @PveId(POOL) String pool,
            Boolean onboot,
            Boolean start,
            @JsonProperty("wait") Boolean waitForTask,
            @Min(1) Integer timeout) implements TaskInput {
    }

    private GuestCreateCt() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_create_ct",
                "Create an LXC container: rootfs on storage, eth0 from bridge/ip/gw/vlan/firewall.",
                Input.class, ToolHints.WRITE, GuestCreateCt::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String bridge = input.bridge() == null ? "vmbr0" : input.bridge();
        String ip = input.ip() == null ? "dhcp" : input.ip();
        String ipconfig = CloudInit.ipConfig(ip, input.gw());
        return Nodes.forNewGuest(input.node(), context).flatMap(place -> GuestNextId.orNext(input.vmid(), context)
                .flatMap(vmid -> {
            String node = place.node();
            Params form = Params.create()
                    .put("vmid", vmid)
                    .put("ostemplate", input.ostemplate())
                    .put("rootfs", input.storage() + ":" + (input.diskSize() == null ? 8 : input.diskSize()))
                    .put("hostname", input.hostname())
                    .put("cores", input.cores())
                    .put("memory", input.memory())
                    .put("swap", input.swap())
                    .put("net0", bridge.equals("none") ? null : "name=eth0,bridge=" + bridge + "," + ipconfig
                            + (input.vlan() == null ? "" : ",tag=" + input.vlan())
                            + (Boolean.TRUE.equals(input.firewall()) ? ",firewall=1" : ""))
                    .put("unprivileged", input.unprivileged())
                    .put("features", Boolean.TRUE.equals(input.nesting()) ? "nesting=1" : null)
                    .put("ssh-public-keys", input.sshKeys())
                    .put("password", input.password())
                    .put("tags", input.tags() == null ? null : String.join(";", input.tags()))
                    .put("pool", input.pool())
                    .put("onboot", input.onboot())
                    .put("start", input.start());
            return Tasks.finish(context.bean(GuestClient.class).create(node, "lxc", form.map()), input, context,
                    "creation of CT " + vmid + " on " + node);
        }).map(place::explain));
    }
}
