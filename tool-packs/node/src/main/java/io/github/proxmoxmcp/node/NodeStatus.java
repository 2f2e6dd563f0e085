package io.github.proxmoxmcp.node;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import reactor.core.publisher.Mono;

/** {@code proxmox_node_status}: one node's versions, CPU, memory, disk and load. */
final class NodeStatus {

    @Serdeable
    record Input(@JsonPropertyDescription("Node name; default PROXMOX_DEFAULT_NODE") String node) {
    }

    private NodeStatus() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_node_status",
                "Node status: PVE and kernel version, CPU, load, memory, swap, root disk, uptime.",
                Input.class, NodeStatus::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String node = context.node(input.node());
        return context.bean(NodeClient.class).status(node).map(response -> ToolResult.ok(render(node, response.data())));
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
                "load: " + (load == null ? "-" : io.github.proxmoxmcp.core.text.Compact.json(load)),
                "memory: " + Format.usage(Json.number(memory, "used").orElse(null), Json.number(memory, "total").orElse(null)),
                "swap: " + Format.usage(Json.number(swap, "used").orElse(null), Json.number(swap, "total").orElse(null)),
                "rootfs: " + Format.usage(Json.number(root, "used").orElse(null), Json.number(root, "total").orElse(null)),
                "uptime: " + Format.duration(Json.number(s, "uptime").orElse(null)));
    }
}
