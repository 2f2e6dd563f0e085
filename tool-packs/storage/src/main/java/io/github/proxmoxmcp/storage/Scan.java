package io.github.proxmoxmcp.storage;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_storage_scan}: what a node can see to add as storage: NFS exports, CIFS shares, PBS datastores,
 * iSCSI targets, local LVM volume groups and thin pools, ZFS pools.
 */
final class Scan {

    @Serdeable
    enum Type { nfs, cifs, pbs, iscsi, lvm, lvmthin, zfs }

    /** Per type: the fields it needs, the fields it may take, and the columns of its answer. An iSCSI portal is a server. */
    private record Kind(List<String> required, List<String> optional, List<String> columns) {
    }

    private static final Map<Type, Kind> KINDS = Map.of(
            Type.nfs, new Kind(List.of("server"), List.of(), List.of("path", "options")),
            Type.cifs, new Kind(List.of("server"), List.of("username", "password"), List.of("share", "description")),
            Type.pbs, new Kind(List.of("server", "username", "password"), List.of("fingerprint"), List.of("store", "comment")),
            Type.iscsi, new Kind(List.of("server"), List.of(), List.of("target", "portal")),
            Type.lvm, new Kind(List.of(), List.of(), List.of("vg")),
            Type.lvmthin, new Kind(List.of("vg"), List.of(), List.of("lv")),
            Type.zfs, new Kind(List.of(), List.of(), List.of("pool")));

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @NotNull Type type,
                 String server,
                 String username,
                 String password,
                 String fingerprint,
                 String vg) {

        Map<String, Object> given() {
            Map<String, Object> given = new java.util.LinkedHashMap<>();
            given.put("server", server);
            given.put("username", username);
            given.put("password", password);
            given.put("fingerprint", fingerprint);
            given.put("vg", vg);
            given.values().removeIf(java.util.Objects::isNull);
            return given;
        }
    }

    private Scan() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_storage_scan",
                "Scan for storage to add: NFS, CIFS, PBS, iSCSI; local LVM, thin pools, zpools.",
                Input.class, Scan::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Kind kind = KINDS.get(input.type());
        Map<String, Object> given = input.given();
        List<String> missing = kind.required().stream().filter(f -> !given.containsKey(f)).toList();
        if (!missing.isEmpty()) {
            throw new ToolInputException("type=" + input.type() + " needs " + String.join(" and ", missing));
        }
        List<String> stray = new ArrayList<>(given.keySet());
        stray.removeAll(kind.required());
        stray.removeAll(kind.optional());
        if (!stray.isEmpty()) {
            throw new ToolInputException(String.join(", ", stray) + " do(es) not apply to type=" + input.type());
        }
        if (input.type() == Type.iscsi) {
            given.put("portal", given.remove("server"));
        }
        String node = context.node(input.node());
        return context.bean(StorageClient.class).scan(node, input.type().name(), Params.create().putAll(given).map())
                .map(r -> ToolResult.ok(table(input.type(), kind, node, r.list())));
    }

    private static String table(Type type, Kind kind, String node, List<JsonNode> found) {
        if (found.isEmpty()) {
            return "no " + type + " storage found from " + node;
        }
        Table table = Table.of(kind.columns().stream().map(c -> c.toUpperCase(java.util.Locale.ROOT)).toArray(String[]::new));
        found.forEach(f -> table.row(kind.columns().stream().map(c -> Json.text(f, c)).toArray()));
        return table.render();
    }
}
