package io.github.proxmoxmcp.cluster;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.PveResponse;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.KeyValues;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_cluster_status}: "is my cluster healthy?" in one answer: quorum, nodes online and the votes they
 * bring ({@code /cluster/status} with the corosync node list and the qdevice state).
 */
final class ClusterStatus {

    @Serdeable
    record Input() {
    }

    private ClusterStatus() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_cluster_status",
                "Cluster health: quorum, nodes online, votes.",
                Input.class, ClusterStatus::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        ClusterClient client = context.bean(ClusterClient.class);
        return Mono.zip(client.status(), optional(client.corosyncNodes()), optional(client.qdevice()))
                .map(r -> ToolResult.ok(health(r.getT1().list(), r.getT2().map(PveResponse::list),
                        r.getT3().map(PveResponse::dataOrNull))));
    }

    /** A read the answer can do without: empty when it fails, so that the main answer still comes. */
    private static Mono<Optional<PveResponse>> optional(Mono<PveResponse> read) {
        return read.map(Optional::of).onErrorResume(e -> Mono.just(Optional.empty()));
    }

    static String health(List<JsonNode> status, Optional<List<JsonNode>> corosync, Optional<JsonNode> qdevice) {
        JsonNode cluster = status.stream().filter(e -> "cluster".equals(Json.text(e, "type"))).findFirst().orElse(null);
        List<JsonNode> nodes = status.stream().filter(e -> "node".equals(Json.text(e, "type")))
                .sorted(Comparator.comparing(n -> Json.text(n, "name", ""))).toList();
        if (cluster == null) {
            return "standalone node " + nodes.stream().map(n -> Json.text(n, "name")).findFirst().orElse("?") + " (not in a cluster)";
        }
        Map<String, Long> votes = new TreeMap<>();
        corosync.ifPresent(list -> list.forEach(n -> votes.put(Json.text(n, "name", Json.text(n, "node", "")),
                Json.number(n, "quorum_votes").orElse(1L))));
        long online = nodes.stream().filter(n -> Json.flag(n, "online")).count();
        List<String> lines = new ArrayList<>();
        boolean quorate = Json.flag(cluster, "quorate");
        StringBuilder summary = new StringBuilder("cluster " + Json.text(cluster, "name", "?") + ": ")
                .append(quorate ? "quorate" : "NOT QUORATE").append(", ")
                .append(online).append('/').append(Json.number(cluster, "nodes").orElse((long) nodes.size()))
                .append(" nodes online");
        boolean withQdevice = qdevice.map(q -> q.isObject() && q.size() > 0).orElse(false);
        if (corosync.isPresent()) {
            long total = votes.values().stream().mapToLong(Long::longValue).sum();
            long present = nodes.stream().filter(n -> Json.flag(n, "online"))
                    .mapToLong(n -> votes.getOrDefault(Json.text(n, "name", ""), 0L)).sum();
            summary.append(", votes ").append(present).append('/').append(total);
            if (withQdevice) {
                summary.append(" + qdevice");
            } else if (qdevice.isPresent()) {
                summary.append(" (quorum ").append(total / 2 + 1).append(')');
            }
        }
        summary.append(", config version ").append(Json.text(cluster, "version", "?"));
        lines.add(summary.toString());
        if (!quorate) {
            lines.add("without quorum /etc/pve is read-only: no config changes, guests cannot be started or migrated");
        }
        if (corosync.isEmpty()) {
            lines.add("votes: unknown (cannot read /cluster/config/nodes)");
        }
        if (withQdevice) {
            lines.add("qdevice: " + inline(qdevice.get()));
        }
        Table table = Table.of("NODE", "ID", "ONLINE", "VOTES", "IP", "LOCAL");
        nodes.forEach(n -> table.row(Json.text(n, "name"), Json.text(n, "nodeid"), Json.flag(n, "online") ? "yes" : "no",
                votes.get(Json.text(n, "name", "")), Json.text(n, "ip"), Json.flag(n, "local") ? "yes" : null));
        lines.add(table.render());
        return String.join("\n", lines);
    }

    private static String inline(JsonNode object) {
        return String.join(", ", KeyValues.of(object).lines().toList());
    }
}
