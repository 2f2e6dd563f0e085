package io.github.proxmoxmcp.node;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;
import reactor.core.publisher.Mono;

/** {@code proxmox_node_network_apply}: apply the staged network changes (ifreload), or throw them away. */
final class NetworkApply {

    enum Action { apply, revert }

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @JsonPropertyDescription("Default apply") Action action,
                 Boolean confirm,
                 @JsonProperty("wait") Boolean waitForTask,
                 Integer timeout) implements Confirmable, TaskInput {
    }

    private NetworkApply() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_node_network_apply",
                "Apply pending node network changes (live reload) or revert them (needs confirm).",
                Input.class, ToolHints.DESTRUCTIVE, NetworkApply::handle)
                .confirmWhen(in -> in.action() == Action.revert);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String node = context.node(input.node());
        NodeClient client = context.bean(NodeClient.class);
        if (input.action() == Action.revert) {
            return client.revertNetwork(node).thenReturn(ToolResult.ok("pending network changes on " + node + " reverted"));
        }
        return Tasks.finish(client.applyNetwork(node, Map.of()), input, context, "network apply on " + node);
    }
}
