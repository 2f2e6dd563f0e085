package io.github.proxmoxmcp.cluster;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Format;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_cluster_schedule_analyze}: when a calendar event (the schedule of backup, replication and
 * realm-sync jobs) fires next, as Proxmox computes it.
 */
final class ScheduleAnalyze {

    static final int DEFAULT_RUNS = 5;

    @Serdeable
    record Input(@NotBlank String schedule, Integer limit) {
    }

    private ScheduleAnalyze() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_cluster_schedule_analyze",
                "Next runs of a calendar event (job schedule), e.g. mon..fri 21:00.",
                Input.class, ScheduleAnalyze::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        if (input.schedule().length() > 128) {
            throw new ToolInputException("schedule has at most 128 characters");
        }
        int runs = input.limit() == null ? DEFAULT_RUNS : input.limit();
        if (runs < 1 || runs > 100) {
            throw new ToolInputException("limit must be between 1 and 100");
        }
        return context.bean(ClusterClient.class)
                .scheduleAnalyze(Params.create().put("schedule", input.schedule()).put("iterations", runs).map())
                .map(r -> ToolResult.ok(runs(input.schedule(), r.list())));
    }

    static String runs(String schedule, List<JsonNode> runs) {
        if (runs.isEmpty()) {
            return "'" + schedule + "' does not fire again";
        }
        return "next runs of '" + schedule + "' (UTC):\n"
                + String.join("\n", runs.stream().map(r -> Format.time(Json.number(r, "timestamp").orElse(null))).toList());
    }
}
