package io.github.proxmoxmcp.node;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.guest.Nodes;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Format;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code proxmox_node_task_list}: recent or running tasks of a node, filtered. */
final class TaskList {

    /** Proxmox's own default per node. */
    static final int DEFAULT_LIMIT = 50;

    enum Source { archive, active, all }

    enum Status { ok, error, warning, unknown }

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @PveId(VMID) Integer vmid,
                 @JsonPropertyDescription("e.g. vzdump") String typefilter,
                 List<Status> statusfilter,
                 Source source,
                 @JsonPropertyDescription("Only failed") Boolean errors,
                 String userfilter,
                 @JsonPropertyDescription("Epoch") Long since,
                 @JsonPropertyDescription("Epoch") Long until,
                 Integer start,
                 @Min(1) Integer limit) {
    }

    private TaskList() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_node_task_list",
                "List tasks of a node (default: all online nodes), newest first, filtered.",
                Input.class, TaskList::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        var params = Params.create()
                .put("vmid", input.vmid()).put("typefilter", input.typefilter()).put("statusfilter", input.statusfilter())
                .put("source", input.source()).put("errors", input.errors()).put("userfilter", input.userfilter())
                .put("since", input.since()).put("until", input.until()).put("start", input.start())
                .put("limit", input.limit())
                .map();
        NodeClient client = context.bean(NodeClient.class);
        String node = input.node() != null ? input.node() : context.defaultNode().orElse(null);
        if (node != null) {
            return client.tasks(node, params).map(response -> ToolResult.ok(render(
                    response.list().stream().map(task -> new Row(node, task)).toList(), false, Integer.MAX_VALUE)));
        }
        // every online node, newest first across them; each node applies the filters and the limit itself
        int limit = input.limit() == null ? DEFAULT_LIMIT : input.limit();
        return Nodes.online(context).flatMapMany(Flux::fromIterable)
                .concatMap(n -> client.tasks(n, params).flatMapIterable(response -> response.list().stream()
                        .map(task -> new Row(n, task)).toList()))
                .collectList()
                .map(rows -> ToolResult.ok(render(rows.stream()
                        .sorted(Comparator.comparingLong(Row::start).reversed())
                        .toList(), true, limit)));
    }

    private record Row(String node, JsonNode task) {

        long start() {
            return Json.number(task, "starttime").orElse(0L);
        }
    }

    private static String render(List<Row> rows, boolean withNode, int limit) {
        Table table = withNode ? Table.of("START", "NODE", "TYPE", "ID", "USER", "STATUS", "UPID")
                : Table.of("START", "TYPE", "ID", "USER", "STATUS", "UPID");
        rows.stream().limit(limit).forEach(row -> {
            JsonNode t = row.task();
            List<Object> cells = new ArrayList<>(List.of(Format.time(Json.number(t, "starttime").orElse(null)),
                    Json.text(t, "type"), Json.text(t, "id", ""), Json.text(t, "user"),
                    Json.text(t, "status", "running"), Json.text(t, "upid")));
            if (withNode) {
                cells.add(1, row.node());
            }
            table.row(cells.toArray());
        });
        if (table.size() == 0) {
            return "no tasks";
        }
        return rows.size() > limit ? table.render() + "\n… " + (rows.size() - limit) + " more tasks" : table.render();
    }
}
