package io.github.proxmoxmcp.node;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Format;
import io.github.proxmoxmcp.core.text.KeyValues;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

/** {@code proxmox_node_settings_get}: the node's DNS resolver, /etc/hosts or clock and time zone. */
final class SettingsGet {

    enum View { dns, hosts, time }

    @Serdeable
    record Input(@PveId(NODE) String node, @NotNull View view) {
    }

    private SettingsGet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_node_settings_get",
                "Node DNS settings, /etc/hosts (with digest), or time and zone.",
                Input.class, SettingsGet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String node = context.node(input.node());
        NodeClient client = context.bean(NodeClient.class);
        return switch (input.view()) {
            case dns -> client.dns(node).map(r -> ToolResult.ok(KeyValues.of(r.data())));
            case hosts -> client.hosts(node).map(r -> ToolResult.ok(
                    "digest: " + Json.text(r.data(), "digest", "-") + "\n" + Json.text(r.data(), "data", "").stripTrailing()));
            case time -> client.time(node).map(r -> ToolResult.ok(time(r.data())));
        };
    }

    private static String time(JsonNode t) {
        return String.join("\n",
                "timezone: " + Json.text(t, "timezone", "-"),
                "time (UTC): " + Format.time(Json.number(t, "time").orElse(null)),
                "local time: " + Format.time(Json.number(t, "localtime").orElse(null)).replace("Z", ""));
    }
}
