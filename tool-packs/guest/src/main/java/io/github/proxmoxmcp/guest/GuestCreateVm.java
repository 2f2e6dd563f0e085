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
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_create_vm}: a new QEMU VM from structured fields, assembled into Proxmox property strings. */
final class GuestCreateVm {

    @Serdeable
    enum Bios { seabios, ovmf }

    @Serdeable
    enum Ostype { other, wxp, w2k, w2k3, w2k8, wvista, win7, win8, win10, win11, l24, l26, solaris }

    @Serdeable
    enum Model { virtio, e1000, rtl8139, vmxnet3 }

    @Serdeable
    record Input(
            @PveId(NODE) String node,
            @JsonPropertyDescription("Default next free") @PveId(VMID) Integer vmid,
            String name,
            @Min(1) Integer cores,
            @Min(1) Integer sockets,
            @JsonPropertyDescription("MiB") @Min(16) Integer memory,
            @JsonPropertyDescription("Min MiB; 0 disables") @Min(0) Integer balloon,
            @JsonPropertyDescription("e.g. host") String cpu,
            String machine,
            @JsonPropertyDescription("ovmf adds efidisk0") Bios bios,
            @Pattern(regexp = "lsi|lsi53c810|virtio-scsi-pci|virtio-scsi-single|megasas|pvscsi") String scsihw,
            @PveId(STORAGE) String storage,
            @JsonPropertyDescription("scsi0 GiB") @Min(1) Integer diskSize,
            @JsonPropertyDescription("e.g. local:iso/x.iso") String iso,
            @JsonPropertyDescription("Default vmbr0; none: no NIC") @PveId(BRIDGE) String bridge,
            Model model,
            @Min(1) @Max(4094) Integer vlan,
            Boolean firewall,
            Boolean agent,
            Ostype ostype,
            List<@PveId(TAG) String> tags,
            @PveId(POOL) String pool,
            Boolean onboot,
            Boolean start,
            @JsonProperty("wait") Boolean waitForTask,
            @Min(1) Integer timeout) implements TaskInput {
    }

    private GuestCreateVm() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_create_vm",
                "Create a QEMU VM: scsi0 disk on storage, ISO cdrom, net0 from bridge/model/vlan/firewall.",
                Input.class, ToolHints.WRITE, GuestCreateVm::handle);
    }

    /** Machine types as Proxmox accepts them; checked here rather than in the schema, which the agent pays for. */
    private static final java.util.regex.Pattern MACHINE = java.util.regex.Pattern.compile(
            "(pc|pc(-i440fx)?-\\d+(\\.\\d+)+(\\+pve\\d+)?(\\.pxe)?|q35|pc-q35-\\d+(\\.\\d+)+(\\+pve\\d+)?(\\.pxe)?"
                    + "|virt(-\\d+(\\.\\d+)+)?(\\+pve\\d+)?)");

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        if (input.diskSize() != null && input.storage() == null) {
            throw new ToolInputException("diskSize needs storage");
        }
        if (input.machine() != null && !MACHINE.matcher(input.machine()).matches()) {
            throw new ToolInputException("machine must be pc, q35, virt or a versioned type such as pc-q35-10.1 or pc-i440fx-9.2+pve1");
        }
        String bridge = input.bridge() == null ? "vmbr0" : input.bridge();
        return Nodes.forNewGuest(input.node(), context).flatMap(place -> GuestNextId.orNext(input.vmid(), context)
                .flatMap(vmid -> {
            String node = place.node();
            Params form = Params.create()
                    .put("vmid", vmid)
                    .put("name", input.name())
                    .put("cores", input.cores())
                    .put("sockets", input.sockets())
                    .put("memory", input.memory())
                    .put("balloon", input.balloon())
                    .put("cpu", input.cpu())
                    .put("machine", input.machine())
                    .put("bios", input.bios())
                    .put("efidisk0", input.bios() == Bios.ovmf && input.storage() != null
                            ? input.storage() + ":1,efitype=4m,pre-enrolled-keys=1" : null)
                    .put("scsihw", input.scsihw())
                    .put("scsi0", input.diskSize() == null ? null : input.storage() + ":" + input.diskSize())
                    .put("ide2", input.iso() == null ? null : input.iso() + ",media=cdrom")
                    .put("net0", bridge.equals("none") ? null : (input.model() == null ? "virtio" : input.model().name())
                            + ",bridge=" + bridge
                            + (input.vlan() == null ? "" : ",tag=" + input.vlan())
                            + (Boolean.TRUE.equals(input.firewall()) ? ",firewall=1" : ""))
                    .put("agent", input.agent() == null ? null : input.agent() ? "enabled=1" : "enabled=0")
                    .put("ostype", input.ostype())
                    .put("tags", input.tags() == null ? null : String.join(";", input.tags()))
                    .put("pool", input.pool())
                    .put("onboot", input.onboot())
                    .put("start", input.start());
            return Tasks.finish(context.bean(GuestClient.class).create(node, "qemu", form.map()), input, context,
                    "creation of VM " + vmid + " on " + node);
        }).map(place::explain));
    }
}
