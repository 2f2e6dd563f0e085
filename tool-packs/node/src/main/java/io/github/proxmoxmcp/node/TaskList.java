package io.github.proxmoxmcp.node;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Format;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import reactor.core.publisher.Mono;

/** {@code proxmox_node_task_list}: recent or running tasks of a node, filtered. */
final class TaskList {

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
                "List node tasks, newest first, filtered.",
                Input.class, TaskList::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String node = context.node(input.node());
        var params = Params.create()
                .put("vmid", input.vmid()).put("typefilter", input.typefilter()).put("statusfilter", input.statusfilter())
                .put("source", input.source()).put("errors", input.errors()).put("userfilter", input.userfilter())
                .put("since", input.since()).put("until", input.until()).put("start", input.start())
                .put("limit", input.limit())
                .map();
        return context.bean(NodeClient.class).tasks(node, params).map(response -> {
            Table table = Table.of("START", "TYPE", "ID", "USER", "STATUS", "UPID");
            response.list().forEach(t -> table.row(Format.time(Json.number(t, "starttime").orElse(null)),
                    Json.text(t, "type"), Json.text(t, "id", ""), Json.text(t, "user"),
                    Json.text(t, "status", "running"), Json.text(t, "upid")));
            return ToolResult.ok(table.size() == 0 ? "no tasks" : table.render());
        });
    }
}
