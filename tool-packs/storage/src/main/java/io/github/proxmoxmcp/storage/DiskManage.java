package io.github.proxmoxmcp.storage;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.STORAGE;

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
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_storage_disk_manage}: on a node's unused disks, create a ZFS pool, an LVM volume group, an LVM thin
 * pool or a directory (optionally added as storage), or delete one (confirm).
 */
final class DiskManage {

    @Serdeable
    enum Action { create, delete }

    @Serdeable
    enum Type { zfs, lvm, lvmthin, directory }

    static final Set<String> RAID_LEVELS = Set.of("single", "mirror", "raid10", "raidz", "raidz2", "raidz3", "draid", "draid2",
            "draid3");

    /** Options beyond the fields, by Proxmox name, per action and type. */
    private static final Set<String> ZFS_OPTIONS = Set.of("ashift", "compression", "draid-config");
    private static final Set<String> DIRECTORY_OPTIONS = Set.of("filesystem");
    private static final Set<String> DELETE_OPTIONS = Set.of("cleanup-config", "cleanup-disks");

    @Serdeable
    record Input(@NotNull Action action,
                 @PveId(NODE) String node,
                 Type type,
                 @PveId(STORAGE) String name,
                 List<String> devices,
                 String raidlevel,
                 @JsonProperty("add_storage") Boolean addStorage,
                 @JsonProperty("volume-group") @PveId(STORAGE) String volumeGroup,
                 @JsonPropertyDescription("e.g. ashift, cleanup-disks") Map<String, Object> options,
                 Boolean confirm) implements Confirmable {
    }

    private DiskManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_storage_disk_manage",
                "Create or delete (confirm) a zpool, LVM VG, thin pool or directory on disks.",
                Input.class, ToolHints.DESTRUCTIVE, DiskManage::handle)
                .confirmWhen(in -> in.action() == Action.delete);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        StorageClient client = context.bean(StorageClient.class);
        return switch (input.action()) {
            case create -> create(input, client, context);
            case delete -> {
                Type type = typeAndName(input);
                if (input.devices() != null || input.raidlevel() != null || input.addStorage() != null) {
                    throw new ToolInputException("action=delete takes type, name, volume-group (lvmthin) and options");
                }
                if ((type == Type.lvmthin) != (input.volumeGroup() != null)) {
                    throw new ToolInputException(type == Type.lvmthin ? "volume-group is required to delete a thin pool"
                            : "volume-group is for type=lvmthin");
                }
                String node = context.node(input.node());
                yield Tasks.finish(client.deleteDiskStorage(node, type.name(), input.name(), Params.create()
                                .put("volume-group", input.volumeGroup()).putAll(options(input, DELETE_OPTIONS)).map()),
                        Waiting.DEFAULT, context, "deletion of " + type + " " + input.name() + " on " + node);
            }
        };
    }

    private static Mono<ToolResult> create(Input input, StorageClient client, ToolContext context) {
        Type type = typeAndName(input);
        if (input.volumeGroup() != null) {
            throw new ToolInputException("volume-group is for action=delete");
        }
        Params form = Params.create().put("name", input.name());
        if (type == Type.zfs) {
            if (input.devices() == null || input.devices().isEmpty() || input.raidlevel() == null) {
                throw new ToolInputException("type=zfs needs devices and raidlevel");
            }
            if (!RAID_LEVELS.contains(input.raidlevel())) {
                throw new ToolInputException("raidlevel must be one of " + new TreeSet<>(RAID_LEVELS));
            }
            input.devices().forEach(d -> Disks.checked("devices", d));
            form.put("devices", input.devices()).put("raidlevel", input.raidlevel()).putAll(options(input, ZFS_OPTIONS));
        } else {
            if (input.raidlevel() != null) {
                throw new ToolInputException("raidlevel is for type=zfs");
            }
            form.put("device", oneDevice(input)).putAll(options(input, type == Type.directory ? DIRECTORY_OPTIONS : Set.of()));
        }
        form.put("add_storage", input.addStorage());
        String node = context.node(input.node());
        return Tasks.finish(client.createDiskStorage(node, type.name(), form.map()), Waiting.DEFAULT, context,
                "creation of " + type + " " + input.name() + " on " + node);
    }

    private static Type typeAndName(Input input) {
        if (input.type() == null || input.name() == null) {
            throw new ToolInputException("type and name are required for action=" + input.action());
        }
        return input.type();
    }

    private static String oneDevice(Input input) {
        if (input.devices() == null || input.devices().size() != 1) {
            throw new ToolInputException("devices must hold exactly one disk for action=" + input.action()
                    + (input.type() == null ? "" : " type=" + input.type()));
        }
        return Disks.checked("devices", input.devices().getFirst());
    }

    /** The options given, checked against those this action and type take. */
    private static Map<String, Object> options(Input input, Set<String> allowed) {
        if (input.options() == null) {
            return Map.of();
        }
        Set<String> unknown = new TreeSet<>(input.options().keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw new ToolInputException("options " + unknown + " do not apply here" + (allowed.isEmpty() ? ""
                    : "; this takes " + new TreeSet<>(allowed)));
        }
        return input.options();
    }
}
