package io.github.proxmoxmcp.node;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.UPID;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Format;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import reactor.core.publisher.Mono;

/** {@code proxmox_node_task_get}: one task's status and log (by default the tail of the log). */
final class TaskGet {

    static final int DEFAULT_LINES = 50;
    /** Enough for the log of nearly every task; the tail is cut from it. */
    static final int TAIL_WINDOW = 5000;

    @Serdeable
    record Input(@NotNull @PveId(UPID) String upid,
                 @PveId(NODE) String node,
                 @JsonPropertyDescription("Default: tail") Integer start,
                 @Min(1) Integer limit) {
    }

    private TaskGet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_node_task_get",
                "Task status and log (tail by default).",
                Input.class, TaskGet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String node = Tasking.nodeOf(input.upid(), input.node(), context);
        int limit = input.limit() == null ? DEFAULT_LINES : input.limit();
        boolean tail = input.start() == null;
        var logParams = Params.create().put("start", tail ? 0 : input.start()).put("limit", tail ? TAIL_WINDOW : limit).map();
        NodeClient client = context.bean(NodeClient.class);
        return client.taskStatus(node, input.upid()).flatMap(status -> client.taskLog(node, input.upid(), logParams)
                .map(log -> ToolResult.ok(status(status.data()) + "\n" + log(log.list(), tail, limit, input.start()))));
    }

    private static String status(JsonNode s) {
        String state = Json.text(s, "status", "?");
        String exit = Json.text(s, "exitstatus");
        return String.join("\n",
                "upid: " + Json.text(s, "upid", "-"),
                "type: " + Json.text(s, "type", "-") + " " + Json.text(s, "id", ""),
                "user: " + Json.text(s, "user", "-"),
                "started: " + Format.time(Json.number(s, "starttime").orElse(null)),
                "status: " + state + (exit == null ? "" : " (" + exit + ")")).replace(" \n", "\n");
    }

    private static String log(List<JsonNode> entries, boolean tail, int limit, Integer start) {
        List<String> lines = entries.stream().map(l -> Json.text(l, "t", "")).toList();
        if (lines.isEmpty()) {
            return "log: (empty)";
        }
        if (tail) {
            int from = Math.max(0, lines.size() - limit);
            String header = from == 0 ? "log:" : "log (last " + (lines.size() - from) + " of " + lines.size() + " lines):";
            return header + "\n" + String.join("\n", lines.subList(from, lines.size()));
        }
        return "log (from line " + start + "):\n" + String.join("\n", lines);
    }
}
