package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.BRIDGE;
import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.POOL;
import static io.github.proxmoxmcp.core.id.PveFormat.STORAGE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;
import static io.github.proxmoxmcp.core.id.PveFormat.VOLUME;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.OptionKeys;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.guest.Nodes;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.spi.Unlisted;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_create_ct}: a new LXC container from an OS template; more config keys go in {@code set}. */
final class GuestCreateCt {

    /** The keys of {@code set}: parameters of {@code POST /nodes/{node}/lxc}. */
    static final OptionKeys SET = OptionKeys.of("set")
            .integer("swap", 0, Long.MAX_VALUE)
            .bool("unprivileged", "onboot")
            .propertyString("features", "nesting=1,keyctl=1")
            .tags("tags")
            .id("pool", POOL)
            .propertyString("net0", "name=eth0,bridge=vmbr0,ip=dhcp,tag=10,firewall=1");

    @Serdeable
    record Input(
            @PveId(NODE) String node,
            @PveId(VMID) Integer vmid,
            @NotNull @PveId(VOLUME) String ostemplate,
            @NotNull @PveId(STORAGE) String storage,
            @JsonPropertyDescription("GiB") @Min(value = 1, groups = Unlisted.class) Integer diskSize,
            String hostname,
            @Min(value = 1, groups = Unlisted.class) Integer cores,
            @JsonPropertyDescription("MiB") @Min(value = 16, groups = Unlisted.class) Integer memory,
            @JsonPropertyDescription("Default vmbr0") @PveId(BRIDGE) String bridge,
            @JsonPropertyDescription("CIDR or dhcp") String ip,
            String gw,
            String sshKeys,
            String password,
            Boolean start,
            @JsonPropertyDescription("features, net0...") Map<String, Object> set,
            @JsonProperty("wait") Boolean waitForTask,
            @Min(value = 1, groups = Unlisted.class) Integer timeout) implements TaskInput {
    }

    private GuestCreateCt() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_create_ct",
                "Create a container: rootfs on storage, eth0 on bridge.",
                Input.class, ToolHints.WRITE, GuestCreateCt::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Map<String, String> set = SET.wire(input.set());
        if (set.containsKey("net0") && (input.bridge() != null || input.ip() != null || input.gw() != null)) {
            throw new ToolInputException("give bridge, ip and gw or set.net0, not both");
        }
        String bridge = input.bridge() == null ? "vmbr0" : input.bridge();
        String ipconfig = CloudInit.ipConfig(input.ip() == null ? "dhcp" : input.ip(), input.gw());
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
                    .put("net0", bridge.equals("none") ? null : "name=eth0,bridge=" + bridge + "," + ipconfig)
                    .put("ssh-public-keys", input.sshKeys())
                    .put("password", input.password())
                    .putAll(set)
                    .put("start", input.start());
            return Tasks.finish(context.bean(GuestClient.class).create(node, "lxc", form.map()), input, context,
                    "creation of CT " + vmid + " on " + node);
        }).map(place::explain));
    }
}
