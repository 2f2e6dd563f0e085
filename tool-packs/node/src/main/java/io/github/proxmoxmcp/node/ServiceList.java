package io.github.proxmoxmcp.node;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Comparator;
import reactor.core.publisher.Mono;

/** {@code proxmox_node_service_list}: the Proxmox-managed system services of a node and their state. */
final class ServiceList {

    @Serdeable
    record Input(@PveId(NODE) String node) {
    }

    private ServiceList() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_node_service_list",
                "List node system services with state.",
                Input.class, ServiceList::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String node = context.node(input.node());
        return context.bean(NodeClient.class).services(node).map(response -> {
            Table table = Table.of("SERVICE", "STATE", "ACTIVE", "UNIT", "DESCRIPTION");
            response.list().stream()
                    .sorted(Comparator.comparing(s -> Json.text(s, "name", Json.text(s, "service", ""))))
                    .forEach(s -> table.row(Json.text(s, "name", Json.text(s, "service")), Json.text(s, "state"),
                            Json.text(s, "active-state"), Json.text(s, "unit-state"), Json.text(s, "desc")));
            return ToolResult.ok(table.render());
        });
    }
}
