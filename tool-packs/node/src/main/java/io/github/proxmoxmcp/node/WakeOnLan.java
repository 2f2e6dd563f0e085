package io.github.proxmoxmcp.node;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import reactor.core.publisher.Mono;

/** {@code proxmox_node_wake}: send a wake-on-LAN packet to a powered-off cluster node. */
final class WakeOnLan {

    @Serdeable
    record Input(@NotNull @PveId(NODE) String node) {
    }

    private WakeOnLan() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_node_wake",
                "Send a wake-on-LAN packet to a powered-off cluster node.",
                Input.class, ToolHints.IDEMPOTENT_WRITE, WakeOnLan::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        return context.bean(NodeClient.class).wakeOnLan(input.node(), Map.of()).map(response -> ToolResult.ok(
                "wake-on-LAN packet sent for " + input.node()
                        + (response.string() == null ? "" : " (MAC " + response.string() + ")")));
    }
}
