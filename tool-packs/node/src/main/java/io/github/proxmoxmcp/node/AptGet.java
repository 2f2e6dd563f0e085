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

/** {@code proxmox_node_apt_get}: installed Proxmox package versions, or the pending package updates. */
final class AptGet {

    static final int MAX_ROWS = 300;

    enum View { updates, versions }

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @JsonPropertyDescription("Default updates") View view) {
    }

    private AptGet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_node_apt_get",
                "Pending package updates of a node, or Proxmox package versions.",
                Input.class, AptGet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String node = context.node(input.node());
        NodeClient client = context.bean(NodeClient.class);
        if (input.view() == View.versions) {
            return client.aptVersions(node).map(response -> {
                Table table = Table.of("PACKAGE", "VERSION", "STATE");
                response.list().forEach(p -> table.row(Json.text(p, "Package"), Json.text(p, "Version", Json.text(p, "OldVersion")),
                        Json.text(p, "CurrentState")));
                return ToolResult.ok(table.render(MAX_ROWS));
            });
        }
        return client.aptUpdates(node).map(response -> {
            Table table = Table.of("PACKAGE", "CURRENT", "NEW", "ORIGIN");
            response.list().stream()
                    .sorted(Comparator.comparing(p -> Json.text(p, "Package", "")))
                    .forEach(p -> table.row(Json.text(p, "Package"), Json.text(p, "OldVersion"), Json.text(p, "Version"),
                            Json.text(p, "Origin")));
            return ToolResult.ok(table.size() == 0 ? "no pending updates (refresh with proxmox_node_apt_refresh)"
                    : table.size() + " updates\n" + table.render(MAX_ROWS));
        });
    }
}
