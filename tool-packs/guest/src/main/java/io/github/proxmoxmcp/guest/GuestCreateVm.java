package io.github.proxmoxmcp.guest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Params;
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
            @JsonPropertyDescription("Node; default PROXMOX_DEFAULT_NODE") String node,
            @JsonPropertyDescription("VMID (default: next free)") @Min(100) Integer vmid,
            @JsonPropertyDescription("VM name (DNS name)") String name,
            @JsonPropertyDescription("Cores per socket (default 1)") @Min(1) Integer cores,
            @JsonPropertyDescription("Sockets (default 1)") @Min(1) Integer sockets,
            @JsonPropertyDescription("Memory MiB (default 512)") @Min(16) Integer memory,
            @JsonPropertyDescription("Balloon minimum MiB; 0 disables") @Min(0) Integer balloon,
            @JsonPropertyDescription("CPU type, e.g. host, x86-64-v2-AES") String cpu,
            @JsonPropertyDescription("Machine, e.g. q35, pc") String machine,
            @JsonPropertyDescription("seabios or ovmf (UEFI; adds efidisk0)") Bios bios,
            @JsonPropertyDescription("SCSI controller, e.g. virtio-scsi-single")
            @Pattern(regexp = "lsi|lsi53c810|virtio-scsi-pci|virtio-scsi-single|megasas|pvscsi") String scsihw,
            @JsonPropertyDescription("Storage for disk (and EFI disk)") String storage,
            @JsonPropertyDescription("scsi0 size in GiB (needs storage)") @Min(1) Integer diskSize,
            @JsonPropertyDescription("ISO volid for ide2 cdrom, e.g. local:iso/x.iso") String iso,
            @JsonPropertyDescription("net0 bridge (default vmbr0; none = no NIC)") String bridge,
            @JsonPropertyDescription("net0 model (default virtio)") Model model,
            @JsonPropertyDescription("net0 VLAN tag") @Min(1) @Max(4094) Integer vlan,
            @JsonPropertyDescription("net0 firewall") Boolean firewall,
            @JsonPropertyDescription("Enable QEMU guest agent") Boolean agent,
            @JsonPropertyDescription("Guest OS: l26, win11, other...") Ostype ostype,
            @JsonPropertyDescription("Tags") List<String> tags,
            @JsonPropertyDescription("Pool") String pool,
            @JsonPropertyDescription("Start at host boot") Boolean onboot,
            @JsonPropertyDescription("Start after creation") Boolean start,
            @JsonProperty("wait") @JsonPropertyDescription(Docs.WAIT) Boolean waitForTask,
            @JsonPropertyDescription(Docs.TIMEOUT) @Min(1) Integer timeout) implements TaskInput {
    }

    private GuestCreateVm() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_create_vm",
                "Create a QEMU VM: CPU, memory, BIOS, one disk on a storage, ISO cdrom, one NIC, agent, tags, pool.",
                Input.class, ToolHints.WRITE, GuestCreateVm::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String node = context.node(input.node());
        if (input.diskSize() != null && input.storage() == null) {
            throw new ToolInputException("diskSize needs storage");
        }
        String bridge = input.bridge() == null ? "vmbr0" : input.bridge();
        return GuestNextId.orNext(input.vmid(), context).flatMap(vmid -> {
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
        });
    }
}
