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
import java.util.Optional;
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
        return given(node, context).map(Mono::just).orElseGet(() -> context.bean(ClusterResourcesClient.class).resources("node")
                .flatMap(response -> mostFreeMemory(response.list())));
    }

    /**
     * For a restore: the node given, else PROXMOX_DEFAULT_NODE, else the node the VMID is on when it exists (a restore
     * over it runs there), else the online node with the most free memory. One {@code GET /cluster/resources}.
     */
    public static Mono<Placement> forRestore(String node, int vmid, ToolContext context) {
        return given(node, context).map(Mono::just).orElseGet(() -> context.bean(ClusterResourcesClient.class).resources(null)
                .flatMap(response -> response.list().stream()
                        .filter(r -> Json.number(r, "vmid").orElse(-1L) == vmid && Json.text(r, "node") != null)
                        .findFirst()
                        .map(r -> Mono.just(new Placement(Json.text(r, "node"), "node " + Json.text(r, "node")
                                + " chosen: VMID " + vmid + " is there")))
                        .orElseGet(() -> mostFreeMemory(response.list()))));
    }

    private static Optional<Placement> given(String node, ToolContext context) {
        return Optional.ofNullable(node).or(context::defaultNode).map(n -> new Placement(n, null));
    }

    private static Mono<Placement> mostFreeMemory(List<JsonNode> resources) {
        return online(resources).stream()
                .max(Comparator.comparingLong(Nodes::freeMemory)
                        .thenComparing(n -> Json.text(n, "node"), Comparator.reverseOrder()))
                .map(n -> Mono.just(new Placement(Json.text(n, "node"), "node " + Json.text(n, "node")
                        + " chosen: the online node with the most free memory (" + Format.bytes(freeMemory(n)) + ")")))
                .orElseGet(() -> Mono.error(new ProxmoxApiException(ProxmoxApiException.Kind.NOT_FOUND, 0,
                        "no node is online to place the guest on (see proxmox_node_list)", Map.of())));
    }

    private static Mono<List<JsonNode>> onlineResources(ToolContext context) {
        return context.bean(ClusterResourcesClient.class).resources("node").map(response -> online(response.list()));
    }

    private static List<JsonNode> online(List<JsonNode> resources) {
        return resources.stream()
                .filter(n -> "node".equals(Json.text(n, "type", "node")) && "online".equals(Json.text(n, "status"))
                        && Json.text(n, "node") != null && n.get("vmid") == null)
                .toList();
    }

    private static long freeMemory(JsonNode node) {
        return Math.max(0, Json.number(node, "maxmem").orElse(0L) - Json.number(node, "mem").orElse(0L));
    }
}
