package io.github.proxmoxmcp.node;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.UPID;

import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

/** {@code proxmox_node_task_stop}: abort a running task. */
final class TaskStop {

    @Serdeable
    record Input(@NotNull @PveId(UPID) String upid,
                 @PveId(NODE) String node,
                 Boolean confirm) implements Confirmable {
    }

    private TaskStop() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_node_task_stop",
                "Abort a running task by UPID (its work is not rolled back); needs confirm.",
                Input.class, ToolHints.DESTRUCTIVE, TaskStop::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String node = Tasking.nodeOf(input.upid(), input.node(), context);
        return context.bean(NodeClient.class).stopTask(node, input.upid())
                .thenReturn(ToolResult.ok("stop requested for task " + input.upid()
                        + "; check it with proxmox_node_task_get"));
    }
}
