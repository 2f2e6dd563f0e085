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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** {@code proxmox_storage_get}: storage configuration (write-only settings hidden), or one storage's RRD history. */
final class StorageGet {

    @Serdeable
    enum View { config, rrd }

    @Serdeable
    enum Timeframe { hour, day, week, month, year }

    @Serdeable
    record Input(@PveId(STORAGE) String storage,
                 View view,
                 @PveId(NODE) String node,
                 Timeframe timeframe) {
    }

    private StorageGet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_storage_get",
                "Storage config (all if no storage; secrets hidden) or RRD history.",
                Input.class, StorageGet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        StorageClient client = context.bean(StorageClient.class);
        if (input.view() != View.rrd) {
            if (input.node() != null || input.timeframe() != null) {
                throw new ToolInputException("node and timeframe are for view=rrd");
            }
            return input.storage() == null
                    ? client.configs(Params.create().map()).map(r -> ToolResult.ok(configs(r.list())))
                    : client.config(input.storage()).map(r -> ToolResult.ok(StorageConfig.shown(r.dataOrNull())));
        }
        if (input.storage() == null) {
            throw new ToolInputException("storage is required for view=rrd");
        }
        Timeframe timeframe = input.timeframe() == null ? Timeframe.hour : input.timeframe();
        return StorageNode.of(input.storage(), input.node(), context).flatMap(node -> client.rrddata(node, input.storage(),
                        Params.create().put("timeframe", timeframe).put("cf", "AVERAGE").map())
                .map(r -> ToolResult.ok(rrd(input.storage(), node, timeframe, r.list()))));
    }

    private static String configs(List<JsonNode> storages) {
        Table table = Table.of("STORAGE", "TYPE", "SOURCE", "CONTENT", "NODES", "SHARED", "DISABLED");
        storages.stream()
                .sorted(Comparator.comparing(s -> Json.text(s, "storage", "")))
                .forEach(s -> table.row(Json.text(s, "storage"), Json.text(s, "type"), StorageConfig.source(s),
                        Json.text(s, "content"), Json.text(s, "nodes", "all"), Json.flag(s, "shared") ? "yes" : "no",
                        Json.flag(s, "disable") ? "yes" : "no"));
        return table.size() == 0 ? "no storage configured" : table.render();
    }

    private static String rrd(String storage, String node, Timeframe timeframe, List<JsonNode> points) {
        List<JsonNode> filled = points.stream().filter(p -> Json.field(p, "used") != null || Json.field(p, "total") != null).toList();
        if (filled.isEmpty()) {
            return "no RRD data for " + storage + " on " + node + " over the last " + timeframe;
        }
        Table table = Table.of("METRIC", "MIN", "AVG", "MAX", "LAST");
        for (String metric : List.of("used", "total")) {
            List<Long> values = filled.stream().map(p -> Json.number(p, metric)).flatMap(Optional::stream).toList();
            if (!values.isEmpty()) {
                table.row(metric, Format.bytes(values.stream().mapToLong(Long::longValue).min().orElse(0)),
                        Format.bytes(Math.round(values.stream().mapToLong(Long::longValue).average().orElse(0))),
                        Format.bytes(values.stream().mapToLong(Long::longValue).max().orElse(0)), Format.bytes(values.getLast()));
            }
        }
        return storage + " on " + node + ", last " + timeframe + " (average): " + filled.size() + " points, "
                + Format.time(Json.number(filled.getFirst(), "time").orElse(0L)) + " to "
                + Format.time(Json.number(filled.getLast(), "time").orElse(0L)) + "\n" + table.render();
    }
}
