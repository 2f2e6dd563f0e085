package io.github.proxmoxmcp.node;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;
import reactor.core.publisher.Mono;

/** {@code proxmox_node_apt_refresh}: refresh the package index (apt-get update); installs nothing. */
final class AptRefresh {

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @JsonProperty("wait") Boolean waitForTask,
                 Integer timeout) implements TaskInput {
    }

    private AptRefresh() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_node_apt_refresh",
                "Refresh the node's package index (apt update); installs nothing.",
                Input.class, ToolHints.IDEMPOTENT_WRITE, AptRefresh::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String node = context.node(input.node());
        return Tasks.finish(context.bean(NodeClient.class).aptRefresh(node, Map.of()), input, context,
                "package index refresh on " + node);
    }
}
