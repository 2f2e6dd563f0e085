package io.github.proxmoxmcp.storage;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.STORAGE;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Format;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Comparator;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_storage_list}: storage usage and status, cluster-wide from {@code /cluster/resources} in one
 * request, or as one node sees its storages; one storage on one node in detail.
 */
final class StorageList {

    static final int MAX_ROWS = 200;

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @PveId(STORAGE) String storage) {
    }

    private StorageList() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_storage_list",
                "Storage usage and status: cluster-wide, or as one node sees it.",
                Input.class, StorageList::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        StorageClient client = context.bean(StorageClient.class);
        if (input.node() == null) {
            return client.clusterStorages().map(r -> {
                Table table = Table.of("STORAGE", "NODE", "TYPE", "SHARED", "STATUS", "USAGE", "CONTENT");
                r.list().stream()
                        .filter(s -> input.storage() == null || input.storage().equals(Json.text(s, "storage")))
                        .sorted(Comparator.comparing((JsonNode s) -> Json.text(s, "storage", ""))
                                .thenComparing(s -> Json.text(s, "node", "")))
                        .forEach(s -> table.row(Json.text(s, "storage"), Json.text(s, "node"), Json.text(s, "plugintype"),
                                yesNo(s, "shared"), Json.text(s, "status"),
                                Format.usage(Json.number(s, "disk").orElse(null), Json.number(s, "maxdisk").orElse(null)),
                                Json.text(s, "content")));
                return ToolResult.ok(table.size() == 0
                        ? "no storage" + (input.storage() == null ? "" : " named " + input.storage()) : table.render(MAX_ROWS));
            });
        }
        if (input.storage() != null) {
            return client.status(input.node(), input.storage())
                    .map(r -> ToolResult.ok(status(input.storage(), input.node(), r.dataOrNull())));
        }
        return client.statuses(input.node(), Params.create().map()).map(r -> {
            Table table = Table.of("STORAGE", "TYPE", "SHARED", "STATUS", "USAGE", "CONTENT");
            r.list().stream()
                    .sorted(Comparator.comparing(s -> Json.text(s, "storage", "")))
                    .forEach(s -> table.row(Json.text(s, "storage"), Json.text(s, "type"), yesNo(s, "shared"), state(s),
                            Format.usage(Json.number(s, "used").orElse(null), Json.number(s, "total").orElse(null)),
                            Json.text(s, "content")));
            return ToolResult.ok(table.size() == 0 ? "no storage on " + input.node() : table.render(MAX_ROWS));
        });
    }

    private static String yesNo(JsonNode storage, String field) {
        return Json.flag(storage, field) ? "yes" : "no";
    }

    /** active, inactive or disabled: the node's view of the storage. */
    private static String state(JsonNode storage) {
        if (Json.field(storage, "enabled") != null && !Json.flag(storage, "enabled")) {
            return "disabled";
        }
        return Json.flag(storage, "active") ? "active" : "inactive";
    }

    private static String status(String storage, String node, JsonNode s) {
        Long avail = Json.number(s, "avail").orElse(null);
        return String.join("\n",
                storage + " on " + node + ": " + Json.text(s, "type", "?") + ", " + state(s) + ", "
                        + (Json.flag(s, "shared") ? "shared" : "local"),
                "content: " + Json.text(s, "content", "-"),
                "usage: " + Format.usage(Json.number(s, "used").orElse(null), Json.number(s, "total").orElse(null))
                        + (avail == null ? "" : ", " + Format.bytes(avail) + " free"));
    }
}
