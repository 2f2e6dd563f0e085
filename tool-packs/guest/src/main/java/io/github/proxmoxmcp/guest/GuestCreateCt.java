package io.github.proxmoxmcp.guest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Params;
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
import java.util.List;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_create_ct}: a new LXC container from an OS template. */
final class GuestCreateCt {

    @Serdeable
    record Input(
            @JsonPropertyDescription("Node; default PROXMOX_DEFAULT_NODE") String node,
            @JsonPropertyDescription("VMID (default: next free)") @Min(100) Integer vmid,
            @JsonPropertyDescription("OS template volid, e.g. local:vztmpl/debian-12.tar.zst") @NotBlank String ostemplate,
            @JsonPropertyDescription("Storage for rootfs") @NotBlank String storage,
            @JsonPropertyDescription("rootfs size in GiB (default 8)") @Min(1) Integer diskSize,
            @JsonPropertyDescription("Hostname") String hostname,
            @JsonPropertyDescription("Cores") @Min(1) Integer cores,
            @JsonPropertyDescription("Memory MiB (default 512)") @Min(16) Integer memory,
            @JsonPropertyDescription("Swap MiB (default 512)") @Min(0) Integer swap,
            @JsonPropertyDescription("eth0 bridge (default vmbr0; none = no NIC)") String bridge,
            @JsonPropertyDescription("eth0 IPv4: CIDR or dhcp (default dhcp)") String ip,
            @JsonPropertyDescription("eth0 IPv4 gateway") String gw,
            @JsonPropertyDescription("eth0 VLAN tag") @Min(1) @Max(4094) Integer vlan,
            @JsonPropertyDescription("eth0 firewall") Boolean firewall,
            @JsonPropertyDescription("Unprivileged (recommended)") Boolean unprivileged,
            @JsonPropertyDescription("Allow nesting (needed by systemd in newer distros)") Boolean nesting,
            @JsonPropertyDescription("Root SSH public keys, one per line") String sshKeys,
            @JsonPropertyDescription("Root password") String password,
            @JsonPropertyDescription("Tags") List<String> tags,
            @JsonPropertyDescription("Pool") String pool,
            @JsonPropertyDescription("Start at host boot") Boolean onboot,
            @JsonPropertyDescription("Start after creation") Boolean start,
            @JsonProperty("wait") @JsonPropertyDescription(Docs.WAIT) Boolean waitForTask,
            @JsonPropertyDescription(Docs.TIMEOUT) @Min(1) Integer timeout) implements TaskInput {
    }

    private GuestCreateCt() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_create_ct",
                "Create an LXC container from an OS template: rootfs, CPU, memory, eth0 network, nesting, SSH keys.",
                Input.class, ToolHints.WRITE, GuestCreateCt::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String node = context.node(input.node());
        String bridge = input.bridge() == null ? "vmbr0" : input.bridge();
        String ip = input.ip() == null ? "dhcp" : input.ip();
        String ipconfig = CloudInit.ipConfig(ip, input.gw());
        return GuestNextId.orNext(input.vmid(), context).flatMap(vmid -> {
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
        });
    }
}
