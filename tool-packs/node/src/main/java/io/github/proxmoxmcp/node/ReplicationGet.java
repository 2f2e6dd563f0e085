package io.github.proxmoxmcp.node;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.REPLICATION_JOB;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Comparator;
import reactor.core.publisher.Mono;

/** {@code proxmox_node_replication_get}: state of the node's replication jobs, or one job's log. */
final class ReplicationGet {

    static final int DEFAULT_LINES = 100;

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @PveId(REPLICATION_JOB) @JsonPropertyDescription("Show this job's log") String id,
                 @PveId(VMID) Integer guest,
                 Integer start,
                 @Min(1) Integer limit) {
    }

    private ReplicationGet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_node_replication_get",
                "Replication jobs of a node (last/next sync, errors), or one job's log.",
                Input.class, ReplicationGet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String node = context.node(input.node());
        NodeClient client = context.bean(NodeClient.class);
        if (input.id() != null) {
            if (input.guest() != null) {
                throw new ToolInputException("guest filters the list; leave it out with id");
            }
            int limit = input.limit() == null ? DEFAULT_LINES : input.limit();
            var params = Params.create().put("start", input.start()).put("limit", limit).map();
            return client.replicationLog(node, input.id(), params).map(response -> ToolResult.ok(
                    Format.lines(response.list().stream().map(l -> Json.text(l, "t", "")).toList(), limit)));
        }
        if (input.start() != null || input.limit() != null) {
            throw new ToolInputException("start and limit page a job log; give id");
        }
        return client.replications(node, Params.create().put("guest", input.guest()).map()).map(response -> {
            Table table = Table.of("ID", "GUEST", "TARGET", "SCHEDULE", "LAST SYNC", "NEXT SYNC", "DURATION", "FAILS", "STATE");
            response.list().stream()
                    .sorted(Comparator.comparing(j -> Json.text(j, "id", "")))
                    .forEach(j -> table.row(Json.text(j, "id"), Json.text(j, "guest"), Json.text(j, "target"),
                            Json.text(j, "schedule", "*/15"), Format.time(Json.number(j, "last_sync").orElse(null)),
                            Format.time(Json.number(j, "next_sync").orElse(null)),
                            Json.decimal(j, "duration").map(d -> Format.number(d) + "s").orElse(null),
                            Json.text(j, "fail_count", "0"), state(j)));
            return ToolResult.ok(table.size() == 0 ? "no replication jobs" : table.render());
        });
    }

    private static String state(JsonNode job) {
        String error = Json.text(job, "error");
        if (error != null) {
            return "error: " + error;
        }
        return Json.flag(job, "disable") ? "disabled" : Json.text(job, "state", "ok");
    }
}
