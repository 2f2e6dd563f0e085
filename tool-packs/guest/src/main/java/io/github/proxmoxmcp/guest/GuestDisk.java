package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.STORAGE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.OptionKeys;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.guest.GuestLocator;
import io.github.proxmoxmcp.core.guest.GuestTarget;
import io.github.proxmoxmcp.core.guest.GuestType;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.id.Shown;
import io.github.proxmoxmcp.core.spi.Confirmable;
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
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_disk}: resize, move to another storage, or unlink a guest disk. */
final class GuestDisk {

    @Serdeable
    enum Action { resize, move, unlink }

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @InInstructions @PveId(NODE) String node,
            @InInstructions GuestType type,
            @NotNull Action action,
            @NotNull String disk,
            @JsonPropertyDescription("64G or +10G") String size,
            @PveId(STORAGE) String storage,
            @JsonPropertyDescription("force, delete, format...") Map<String, Object> options,
            Boolean confirm,
            @JsonProperty("wait") Boolean waitForTask,
            @Min(value = 1, groups = Unlisted.class) Integer timeout) implements GuestTarget, Confirmable, TaskInput {
    }

    private static final String DISK = "(ide|sata|scsi|virtio|unused|mp)\\d+|efidisk0|tpmstate0|rootfs";
    private static final String SIZE = "\\+?\\d+(\\.\\d+)?[KMGT]?";

    /** The keys of {@code options}: parameters of the resize, move_disk (VM) and move_volume (container) endpoints. */
    private static final OptionKeys RESIZE = OptionKeys.of("options", "action=resize").text("digest", "[0-9a-f]{1,64}", "a config digest");
    private static final OptionKeys MOVE_QEMU = moveKeys(true);
    private static final OptionKeys MOVE_LXC = moveKeys(false);
    private static final OptionKeys UNLINK = OptionKeys.of("options", "action=unlink").bool("force");

    private static OptionKeys moveKeys(boolean qemu) {
        OptionKeys keys = OptionKeys.of("options", "action=move of a " + (qemu ? "VM" : "container") + " disk")
                .bool("delete").integer("bwlimit", 0, Long.MAX_VALUE).text("digest", "[0-9a-f]{1,64}", "a config digest");
        return qemu ? keys.oneOf("format", "raw", "qcow2", "vmdk") : keys;
    }

    private GuestDisk() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_disk",
                        "Change a disk; unlink with force destroys it and needs confirm.",
                        Input.class, ToolHints.DESTRUCTIVE, GuestDisk::handle)
                .confirmWhen(in -> in.action() == Action.unlink && in.options() != null
                        && List.of(true, 1).contains(in.options().get("force")));
    }

    /** The disk keys each guest type has for each action, as Proxmox lists them; null when the key fits. */
    static String diskKeyMismatch(boolean qemu, Action action, String disk) {
        String allowed = qemu
                ? (action == Action.move ? "(ide|sata|scsi|virtio|unused)\\d+|efidisk0|tpmstate0" : "(ide|sata|scsi|virtio)\\d+|efidisk0|tpmstate0")
                : (action == Action.move ? "rootfs|(mp|unused)\\d+" : "rootfs|mp\\d+");
        if (action == Action.unlink || disk.matches(allowed)) {
            return null;
        }
        return qemu
                ? disk + " is not a VM disk key for " + action + ": use scsiN, virtioN, sataN, ideN, efidisk0 or tpmstate0"
                        + (action == Action.move ? " (or unusedN)" : "")
                : disk + " is not a container volume for " + action + ": use rootfs or mpN" + (action == Action.move ? " (or unusedN)" : "");
    }

    private static OptionKeys options(Action action, boolean qemu) {
        return switch (action) {
            case resize -> RESIZE;
            case move -> qemu ? MOVE_QEMU : MOVE_LXC;
            case unlink -> UNLINK;
        };
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        if (!input.disk().matches(DISK)) {
            throw new ToolInputException("disk must be a disk key such as scsi0, virtio1, efidisk0, rootfs, mp0 or unused0; got "
                    + Shown.quoted(input.disk()));
        }
        if (input.size() != null && !input.size().matches(SIZE)) {
            throw new ToolInputException("size must be a size such as 64G, or +10G to grow by; got " + Shown.quoted(input.size()));
        }
        options(input.action(), input.type() != GuestType.lxc).wire(input.options());
        switch (input.action()) {
            case resize -> require(input.size(), "size is required for action=resize");
            case move -> require(input.storage(), "storage is required for action=move");
            case unlink -> {
                if (input.type() == GuestType.lxc) {
                    throw new ToolInputException("unlink is QEMU-only; for a container delete the mpN key with proxmox_guest_config_update");
                }
            }
        }
        GuestClient client = context.bean(GuestClient.class);
        return GuestLocator.locate(input, context).flatMap(g -> {
            String mismatch = diskKeyMismatch(g.qemu(), input.action(), input.disk());
            if (mismatch != null) {
                return Mono.error(new ToolInputException(mismatch));
            }
            Map<String, String> options = options(input.action(), g.qemu()).wire(input.options());
            String what = input.action() + " of " + g.label() + " " + input.disk();
            return switch (input.action()) {
                case resize -> Tasks.finish(client.resize(g.node(), g.path(), g.vmid(), Params.create()
                        .put("disk", input.disk()).put("size", input.size()).putAll(options).map()), input, context, what);
                case move -> Tasks.finish(g.qemu()
                        ? client.moveDisk(g.node(), g.vmid(), Params.create().put("disk", input.disk()).put("storage", input.storage())
                                .putAll(options).map())
                        : client.moveVolume(g.node(), g.vmid(), Params.create().put("volume", input.disk()).put("storage", input.storage())
                                .putAll(options).map()),
                        input, context, what + " to " + input.storage());
                case unlink -> g.qemu()
                        ? Tasks.finish(client.unlink(g.node(), g.vmid(), Params.create()
                                .put("idlist", input.disk()).putAll(options).map()), input, context, what)
                        : Mono.just(ToolResult.error(g.label() + " is a container: unlink is QEMU-only. Nothing was changed."));
            };
        });
    }

    private static void require(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new ToolInputException(message);
        }
    }
}
