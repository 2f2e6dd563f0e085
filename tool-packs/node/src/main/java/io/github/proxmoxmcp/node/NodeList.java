package io.github.proxmoxmcp.node;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Format;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Comparator;
import reactor.core.publisher.Mono;

/** {@code proxmox_node_list}: every node of the cluster with its state and load. */
final class NodeList {

    @Serdeable
    record Input() {
    }

    private NodeList() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_node_list",
                "List cluster nodes: status, CPU, memory, uptime.",
                Input.class, NodeList::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        return context.bean(NodeClient.class).nodes().map(response -> {
            Table table = Table.of("NODE", "STATUS", "CPU", "MEM", "UPTIME");
            response.list().stream()
                    .sorted(Comparator.comparing(n -> Json.text(n, "node", "")))
                    .forEach(n -> table.row(
                            Json.text(n, "node"),
                            Json.text(n, "status"),
                            Format.percent(Json.decimal(n, "cpu").orElse(null)),
                            Format.usage(Json.number(n, "mem").orElse(null), Json.number(n, "maxmem").orElse(null)),
                            Format.duration(Json.number(n, "uptime").orElse(null))));
            return ToolResult.ok(table.render());
        });
    }
}
