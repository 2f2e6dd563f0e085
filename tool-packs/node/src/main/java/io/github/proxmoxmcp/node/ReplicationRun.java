package io.github.proxmoxmcp.node;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.REPLICATION_JOB;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import reactor.core.publisher.Mono;

/** {@code proxmox_node_replication_run}: schedule a replication job to run as soon as possible. */
final class ReplicationRun {

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @NotNull @PveId(REPLICATION_JOB) String id) {
    }

    private ReplicationRun() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_node_replication_run",
                "Run a replication job now.",
                Input.class, ToolHints.IDEMPOTENT_WRITE, ReplicationRun::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String node = context.node(input.node());
        return context.bean(NodeClient.class).replicationScheduleNow(node, input.id(), Map.of())
                .thenReturn(ToolResult.ok("replication job " + input.id() + " on " + node + " scheduled to run now"));
    }
}
