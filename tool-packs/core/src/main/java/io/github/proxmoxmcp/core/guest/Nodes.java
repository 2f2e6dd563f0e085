package io.github.proxmoxmcp.core.guest;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.ProxmoxApiException;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Format;
import io.micronaut.json.tree.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The cluster's nodes as {@code GET /cluster/resources?type=node} reports them (one request, any node answers): the
 * online ones, and where a new guest goes when no node is given.
 */
public final class Nodes {

    /** Where a new guest goes; {@code why} is null when the node was given or configured, else says why it was chosen. */
    public record Placement(String node, String why) {

        /** The result with the reason for the choice first, when the node was chosen here. */
        public ToolResult explain(ToolResult result) {
            return why == null ? result : new ToolResult(why + "\n" + result.text(), result.error());
        }
    }

    private Nodes() {
    }

    /** Names of the online nodes, sorted. */
    public static Mono<List<String>> online(ToolContext context) {
        return onlineResources(context).map(nodes -> nodes.stream().map(n -> Json.text(n, "node")).sorted().toList());
    }

    /** The node given, else PROXMOX_DEFAULT_NODE, else the online node with the most free memory. */
    public static Mono<Placement> forNewGuest(String node, ToolContext context) {
        if (node != null) {
            return Mono.just(new Placement(node, null));
        }
        if (context.defaultNode().isPresent()) {
            return Mono.just(new Placement(context.defaultNode().get(), null));
        }
        return onlineResources(context).flatMap(nodes -> nodes.stream()
                .max(Comparator.comparingLong(Nodes::freeMemory)
                        .thenComparing(n -> Json.text(n, "node"), Comparator.reverseOrder()))
                .map(n -> Mono.just(new Placement(Json.text(n, "node"), "node " + Json.text(n, "node")
                        + " chosen: the online node with the most free memory (" + Format.bytes(freeMemory(n)) + ")")))
                .orElseGet(() -> Mono.error(new ProxmoxApiException(ProxmoxApiException.Kind.NOT_FOUND, 0,
                        "no node is online to place the guest on (see proxmox_node_list)", Map.of()))));
    }

    private static Mono<List<JsonNode>> onlineResources(ToolContext context) {
        return context.bean(ClusterResourcesClient.class).resources("node").map(response -> response.list().stream()
                .filter(n -> "online".equals(Json.text(n, "status")) && Json.text(n, "node") != null)
                .toList());
    }

    private static long freeMemory(JsonNode node) {
        return Math.max(0, Json.number(node, "maxmem").orElse(0L) - Json.number(node, "mem").orElse(0L));
    }
}
