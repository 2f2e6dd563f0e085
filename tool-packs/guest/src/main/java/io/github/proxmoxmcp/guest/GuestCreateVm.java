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
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_guest_create_vm}: a new QEMU VM from the fields an admin gives on most creations, assembled into
 * Proxmox property strings; the other config keys go in {@code set} by their Proxmox names.
 */
final class GuestCreateVm {

    /** Machine types as Proxmox accepts them. */
    private static final String MACHINE = "(pc|pc(-i440fx)?-\\d+(\\.\\d+)+(\\+pve\\d+)?(\\.pxe)?|q35|pc-q35-\\d+(\\.\\d+)+(\\+pve\\d+)?(\\.pxe)?"
            + "|virt(-\\d+(\\.\\d+)+)?(\\+pve\\d+)?)";

    /** The keys of {@code set}: parameters of {@code POST /nodes/{node}/qemu}. */
    static final OptionKeys SET = OptionKeys.of("set")
            .integer("sockets", 1, Long.MAX_VALUE)
            .integer("balloon", 0, Long.MAX_VALUE)
            .propertyString("cpu", "host or x86-64-v2-AES,flags=+aes")
            .text("machine", MACHINE, "pc, q35, virt or a versioned type such as pc-q35-10.1 or pc-i440fx-9.2+pve1")
            .oneOf("bios", "seabios", "ovmf")
            .oneOf("scsihw", "lsi", "lsi53c810", "virtio-scsi-pci", "virtio-scsi-single", "megasas", "pvscsi")
            .oneOf("ostype", "other", "wxp", "w2k", "w2k3", "w2k8", "wvista", "win7", "win8", "win10", "win11", "l24", "l26",
                    "solaris")
            .custom("agent", "true, false or a property string such as enabled=1,fstrim_cloned_disks=1",
                    v -> v instanceof Boolean || v instanceof String s && !s.isBlank() && !s.contains(" "),
                    v -> v instanceof Boolean on ? (on ? "enabled=1" : "enabled=0") : v)
            .tags("tags")
            .id("pool", POOL)
            .bool("onboot")
            .propertyString("net0", "virtio,bridge=vmbr0,tag=10,firewall=1");

    @Serdeable
    record Input(
            @PveId(NODE) String node,
            @PveId(VMID) Integer vmid,
            String name,
            @Min(value = 1, groups = Unlisted.class) Integer cores,
            @JsonPropertyDescription("MiB") @Min(value = 16, groups = Unlisted.class) Integer memory,
            @PveId(STORAGE) String storage,
            @JsonPropertyDescription("scsi0 GiB") @Min(value = 1, groups = Unlisted.class) Integer diskSize,
            @PveId(VOLUME) String iso,
            @JsonPropertyDescription("Default vmbr0") @PveId(BRIDGE) String bridge,
            Boolean start,
            @JsonPropertyDescription("cpu, ostype, net0...") Map<String, Object> set,
            @JsonProperty("wait") Boolean waitForTask,
            @Min(value = 1, groups = Unlisted.class) Integer timeout) implements TaskInput {
    }

    private GuestCreateVm() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_create_vm",
                "Create a VM: scsi0 on storage, ISO cdrom, NIC on bridge.",
                Input.class, ToolHints.WRITE, GuestCreateVm::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        if (input.diskSize() != null && input.storage() == null) {
            throw new ToolInputException("diskSize needs storage");
        }
        Map<String, String> set = SET.wire(input.set());
        if (set.containsKey("net0") && input.bridge() != null) {
            throw new ToolInputException("give bridge or set.net0, not both");
        }
        String bridge = input.bridge() == null ? "vmbr0" : input.bridge();
        boolean ovmf = "ovmf".equals(set.get("bios"));
        return Nodes.forNewGuest(input.node(), context).flatMap(place -> GuestNextId.orNext(input.vmid(), context)
                .flatMap(vmid -> {
            String node = place.node();
            Params form = Params.create()
                    .put("vmid", vmid)
                    .put("name", input.name())
                    .put("cores", input.cores())
                    .put("memory", input.memory())
                    .put("efidisk0", ovmf && input.storage() != null ? input.storage() + ":1,efitype=4m,pre-enrolled-keys=1" : null)
                    .put("scsi0", input.diskSize() == null ? null : input.storage() + ":" + input.diskSize())
                    .put("ide2", input.iso() == null ? null : input.iso() + ",media=cdrom")
                    .put("net0", bridge.equals("none") ? null : "virtio,bridge=" + bridge)
                    .putAll(set)
                    .put("start", input.start());
            return Tasks.finish(context.bean(GuestClient.class).create(node, "qemu", form.map()), input, context,
                    "creation of VM " + vmid + " on " + node);
        }).map(place::explain));
    }
}
