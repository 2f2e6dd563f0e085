package io.github.proxmoxmcp.node;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

/** {@code proxmox_node_power_control}: reboot or shut down a node. */
final class PowerControl {

    enum Command { reboot, shutdown }

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @NotNull Command command,
                 Boolean confirm)
            implements Confirmable {
    }

    private PowerControl() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_node_power_control",
                "Reboot or shut down a node (guests stop per their config); needs confirm.",
                Input.class, ToolHints.DESTRUCTIVE, PowerControl::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String node = context.node(input.node());
        return context.bean(NodeClient.class).power(node, Params.create().put("command", input.command()).map())
                .thenReturn(ToolResult.ok(input.command() + " of node " + node + " requested"));
    }
}
