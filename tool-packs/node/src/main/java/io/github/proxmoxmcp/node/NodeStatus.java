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
import reactor.core.publisher.Mono;

/** {@code proxmox_node_status}: one node's versions, CPU, memory, disk and load; or its subscription, or its report. */
final class NodeStatus {

    /** The system report is large (often 100+ KB): only its head is returned. */
    static final int REPORT_MAX_CHARS = 20_000;
    private static final java.util.Set<String> SUBSCRIPTION_SECRETS = java.util.Set.of("key", "signature");

    enum View { status, subscription, report }

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @JsonPropertyDescription("Default status; report: first 20k chars")
                 View view) {
    }

    private NodeStatus() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_node_status",
                "Node status (versions, CPU, memory, disk, load), subscription, or report.",
                Input.class, NodeStatus::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String node = context.node(input.node());
        NodeClient client = context.bean(NodeClient.class);
        return switch (input.view() == null ? View.status : input.view()) {
            case status -> client.status(node).map(response -> ToolResult.ok(render(node, response.data())));
            case subscription -> client.subscription(node).map(response -> ToolResult.ok(subscription(response.data())));
            case report -> client.report(node).map(response ->
                    ToolResult.ok(Format.head(String.valueOf(response.string()), REPORT_MAX_CHARS)));
        };
    }

    /** The subscription without its key and signature. */
    static String subscription(JsonNode s) {
        if (s == null || !s.isObject()) {
            return KeyValues.of(s);
        }
        java.util.Map<String, JsonNode> shown = new java.util.TreeMap<>();
        s.entries().forEach(e -> {
            if (!SUBSCRIPTION_SECRETS.contains(e.getKey())) {
                shown.put(e.getKey(), e.getValue());
            }
        });
        return KeyValues.of(JsonNode.createObjectNode(shown));
    }

    /** The 1, 5 and 15 minute load averages, which Proxmox sends as an array of strings. */
    private static String loadAverage(JsonNode load) {
        if (load == null || !load.isArray() || load.size() == 0) {
            return "-";
        }
        java.util.List<String> values = new java.util.ArrayList<>();
        load.values().forEach(v -> values.add(v.coerceStringValue()));
        return String.join(" ", values);
    }

    static String render(String node, JsonNode s) {
        JsonNode cpu = Json.field(s, "cpuinfo");
        JsonNode memory = Json.field(s, "memory");
        JsonNode swap = Json.field(s, "swap");
        JsonNode root = Json.field(s, "rootfs");
        JsonNode load = Json.field(s, "loadavg");
        return String.join("\n",
                "node: " + node,
                "pve: " + Json.text(s, "pveversion", "-"),
                "kernel: " + Json.text(Json.field(s, "current-kernel"), "release", Json.text(s, "kversion", "-")),
                "cpu: " + Format.percent(Json.decimal(s, "cpu").orElse(null)) + " of "
                        + Json.text(cpu, "cpus", "?") + " cpus (" + Json.text(cpu, "model", "?") + ")",
                "load: " + loadAverage(load),
                "memory: " + Format.usage(Json.number(memory, "used").orElse(null), Json.number(memory, "total").orElse(null)),
                "swap: " + Format.usage(Json.number(swap, "used").orElse(null), Json.number(swap, "total").orElse(null)),
                "rootfs: " + Format.usage(Json.number(root, "used").orElse(null), Json.number(root, "total").orElse(null)),
                "uptime: " + Format.duration(Json.number(s, "uptime").orElse(null)));
    }
}
