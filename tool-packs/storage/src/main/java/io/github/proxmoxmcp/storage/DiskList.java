package io.github.proxmoxmcp.storage;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.STORAGE;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Format;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_storage_disk_list}: a node's disks (usage, health, wearout), or the LVM volume groups, thin pools,
 * ZFS pools (one pool's vdevs and errors) and directory mounts made on its disks.
 */
final class DiskList {

    @Serdeable
    enum View { disks, lvm, lvmthin, zfs, directory }

    @Serdeable
    record Input(@PveId(NODE) String node,
                 View view,
                 @PveId(STORAGE) String name) {
    }

    private DiskList() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_storage_disk_list",
                "A node's disks (health, wearout), LVM VGs, thin pools, zpools, directories.",
                Input.class, DiskList::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        View view = input.view() == null ? View.disks : input.view();
        if (input.name() != null && view != View.zfs) {
            throw new ToolInputException("name is for view=zfs");
        }
        String node = context.node(input.node());
        StorageClient client = context.bean(StorageClient.class);
        return switch (view) {
            case disks -> client.disks(node, Params.create().map())
                    .map(r -> ToolResult.ok(disks(node, r.list())));
            case zfs -> input.name() == null
                    ? client.diskStorages(node, "zfs").map(r -> ToolResult.ok(zpools(node, r.list())))
                    : client.zpool(node, input.name()).map(r -> ToolResult.ok(zpool(r.dataOrNull())));
            case lvm -> client.diskStorages(node, "lvm").map(r -> ToolResult.ok(volumeGroups(node, r.dataOrNull())));
            case lvmthin -> client.diskStorages(node, "lvmthin").map(r -> ToolResult.ok(thinPools(node, r.list())));
            case directory -> client.diskStorages(node, "directory").map(r -> ToolResult.ok(directories(node, r.list())));
        };
    }

    private static String disks(String node, List<JsonNode> disks) {
        if (disks.isEmpty()) {
            return "no disks on " + node;
        }
        Table table = Table.of("DEVICE", "TYPE", "SIZE", "MODEL", "SERIAL", "USED", "HEALTH", "WEAROUT", "GPT");
        disks.stream().sorted(Comparator.comparing(d -> Json.text(d, "devpath", ""))).forEach(d -> table.row(
                Json.text(d, "devpath"), Json.text(d, "type"), Format.bytes(Json.number(d, "size").orElse(null)),
                Json.text(d, "model"), Json.text(d, "serial"), Json.text(d, "used", "unused"), Json.text(d, "health"),
                wearout(d), Json.flag(d, "gpt") ? "yes" : "no"));
        return table.render();
    }

    /** Proxmox reports the life left in percent ({@code 100} is new), or {@code N/A}. */
    private static String wearout(JsonNode disk) {
        String wearout = Json.text(disk, "wearout");
        return wearout == null || !wearout.matches("\\d+(\\.\\d+)?") ? wearout : wearout + "% left";
    }

    private static String zpools(String node, List<JsonNode> pools) {
        if (pools.isEmpty()) {
            return "no ZFS pools on " + node;
        }
        Table table = Table.of("POOL", "HEALTH", "SIZE", "ALLOC", "FREE", "FRAG", "DEDUP");
        pools.forEach(p -> table.row(Json.text(p, "name"), Json.text(p, "health"), Format.bytes(Json.number(p, "size").orElse(null)),
                Format.bytes(Json.number(p, "alloc").orElse(null)), Format.bytes(Json.number(p, "free").orElse(null)),
                Json.text(p, "frag") == null ? "-" : Json.text(p, "frag") + "%",
                Json.decimal(p, "dedup").map(Format::number).orElse(null)));
        return table.render();
    }

    /** A pool's state, the advice ZFS gives, and its vdev tree indented by depth. */
    private static String zpool(JsonNode pool) {
        List<String> lines = new ArrayList<>();
        lines.add(Json.text(pool, "name", "?") + ": " + Json.text(pool, "state", "?"));
        for (String field : List.of("status", "action", "scan", "errors")) {
            String value = Json.text(pool, field);
            if (value != null && !value.isBlank()) {
                lines.add(field + ": " + value.strip().replace("\n", " "));
            }
        }
        Table table = Table.of("VDEV", "STATE", "READ", "WRITE", "CKSUM", "MSG");
        vdevs(table, Json.field(pool, "children"), 0);
        if (table.size() > 0) {
            lines.add(table.render());
        }
        return String.join("\n", lines);
    }

    private static void vdevs(Table table, JsonNode children, int depth) {
        if (children == null || !children.isArray()) {
            return;
        }
        for (JsonNode vdev : children.values()) {
            table.row("  ".repeat(depth) + Json.text(vdev, "name"), Json.text(vdev, "state"), Json.text(vdev, "read"),
                    Json.text(vdev, "write"), Json.text(vdev, "cksum"), Json.text(vdev, "msg"));
            vdevs(table, Json.field(vdev, "children"), depth + 1);
        }
    }

    private static String volumeGroups(String node, JsonNode lvm) {
        JsonNode groups = Json.field(lvm, "children");
        if (groups == null || !groups.isArray() || groups.size() == 0) {
            return "no LVM volume groups on " + node;
        }
        Table table = Table.of("VG", "SIZE", "FREE", "PVS");
        groups.values().forEach(vg -> {
            List<String> pvs = new ArrayList<>();
            JsonNode children = Json.field(vg, "children");
            if (children != null && children.isArray()) {
                children.values().forEach(pv -> pvs.add(Json.text(pv, "name")));
            }
            table.row(Json.text(vg, "name"), Format.bytes(Json.number(vg, "size").orElse(null)),
                    Format.bytes(Json.number(vg, "free").orElse(null)), pvs.isEmpty() ? "-" : String.join(" ", pvs));
        });
        return table.render();
    }

    private static String thinPools(String node, List<JsonNode> pools) {
        if (pools.isEmpty()) {
            return "no LVM thin pools on " + node;
        }
        Table table = Table.of("POOL", "VG", "USAGE", "METADATA");
        pools.forEach(p -> table.row(Json.text(p, "lv"), Json.text(p, "vg"),
                Format.usage(Json.number(p, "used").orElse(null), Json.number(p, "lv_size").orElse(null)),
                Format.usage(Json.number(p, "metadata_used").orElse(null), Json.number(p, "metadata_size").orElse(null))));
        return table.render();
    }

    private static String directories(String node, List<JsonNode> mounts) {
        if (mounts.isEmpty()) {
            return "no directory storages made on disks of " + node;
        }
        Table table = Table.of("PATH", "DEVICE", "TYPE", "OPTIONS", "UNIT");
        mounts.forEach(m -> table.row(Json.text(m, "path"), Json.text(m, "device"), Json.text(m, "type"),
                Json.text(m, "options"), Json.text(m, "unitfile")));
        return table.render();
    }
}
