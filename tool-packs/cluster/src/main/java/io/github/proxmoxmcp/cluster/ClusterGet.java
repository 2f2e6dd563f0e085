package io.github.proxmoxmcp.cluster;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Format;
import io.github.proxmoxmcp.core.text.KeyValues;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_cluster_get}: cluster-wide reads besides health: the corosync configuration, join information, the
 * cluster log and tasks, resources, datacenter options, metrics, and the guests no backup job covers.
 */
final class ClusterGet {

    /** {@code vm}, {@code storage}, {@code node} and {@code sdn} are the resources of one type. */
    enum View { corosync, join, log, tasks, resources, vm, storage, node, sdn, options, metrics, not_backed_up }

    @Serdeable
    record Input(@NotNull View view,
                 @PveId(NODE) String node,
                 Integer limit) {
    }

    private static final Pattern PROXY_CREDENTIALS = Pattern.compile("//[^/@]*@");

    private ClusterGet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_cluster_get",
                "Cluster-wide reads (vm/storage/node/sdn: resources of one type; not_backed_up: guests no backup job covers).",
                Input.class, ClusterGet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        View view = input.view();
        if (input.limit() != null && (input.limit() < 1 || input.limit() > 5000)) {
            throw new ToolInputException("limit must be between 1 and 5000");
        }
        only(input.node() != null, "node", view, View.join, View.metrics);
        only(input.limit() != null, "limit", view, View.log, View.tasks, View.resources, View.vm, View.storage, View.node,
                View.sdn, View.metrics);
        ClusterClient client = context.bean(ClusterClient.class);
        return switch (view) {
            case corosync -> Mono.zip(client.corosyncNodes(), client.totem(), client.qdevice(), client.joinApiVersion())
                    .map(r -> ToolResult.ok(corosync(r.getT1().list(), r.getT2().data(), r.getT3().data(), r.getT4().string())));
            case join -> client.joinInfo(Params.create().put("node", input.node()).map())
                    .map(r -> ToolResult.ok(join(r.dataOrNull())));
            case log -> {
                int limit = limit(input, 50);
                yield client.log(Params.create().put("max", limit).map()).map(r -> ToolResult.ok(log(r.list(), limit)));
            }
            case tasks -> client.tasks().map(r -> ToolResult.ok(tasks(r.list(), limit(input, 50))));
            case resources, vm, storage, node, sdn -> client.resources(Params.create()
                            .put("type", view == View.resources ? null : view).map())
                    .map(r -> ToolResult.ok(resources(r.list(), limit(input, 100))));
            case options -> client.options().map(r -> ToolResult.ok(options(r.dataOrNull())));
            case metrics -> context.bean(MetricsClient.class).metricsExport(Params.create().put("node-list", input.node()).map())
                    .map(r -> ToolResult.ok(metrics(r.dataOrNull(), limit(input, 100))));
            case not_backed_up -> client.notBackedUp().map(r -> ToolResult.ok(uncovered(r.list())));
        };
    }

    private static void only(boolean given, String field, View view, View... views) {
        Set<View> allowed = EnumSet.of(views[0], views);
        if (given && !allowed.contains(view)) {
            throw new ToolInputException(field + " is for view=" + String.join("|", allowed.stream().map(View::name).toList())
                    + ", not view=" + view);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static int limit(Input input, int fallback) {
        return input.limit() == null ? fallback : input.limit();
    }

    static String corosync(List<JsonNode> nodes, JsonNode totem, JsonNode qdevice, String apiVersion) {
        if (nodes.isEmpty() && (totem == null || totem.isNull())) {
            return "not in a cluster: no corosync configuration";
        }
        Table table = Table.of("NODE", "ID", "VOTES", "LINKS");
        nodes.stream().sorted(Comparator.comparing(n -> Json.text(n, "name", Json.text(n, "node", ""))))
                .forEach(n -> table.row(Json.text(n, "name", Json.text(n, "node")), Json.text(n, "nodeid"),
                        Json.text(n, "quorum_votes", "1"), links(n)));
        return "corosync nodes:\n" + table.render()
                + "\ntotem:\n" + indent(KeyValues.of(totem))
                + (qdevice == null || !qdevice.isObject() || qdevice.size() == 0 ? "\nqdevice: none" : "\nqdevice:\n" + indent(KeyValues.of(qdevice)))
                + "\njoin API version: " + (apiVersion == null ? "-" : apiVersion);
    }

    static String join(JsonNode info) {
        Table table = Table.of("NODE", "ID", "VOTES", "ADDRESS", "LINKS", "FINGERPRINT");
        List<JsonNode> nodes = new ArrayList<>();
        JsonNode list = Json.field(info, "nodelist");
        if (list != null && list.isArray()) {
            list.values().forEach(nodes::add);
        }
        nodes.stream().sorted(Comparator.comparing(n -> Json.text(n, "name", "")))
                .forEach(n -> table.row(Json.text(n, "name"), Json.text(n, "nodeid"), Json.text(n, "quorum_votes", "1"),
                        Json.text(n, "pve_addr"), links(n), Json.text(n, "pve_fp")));
        return "join information (preferred node " + Json.text(info, "preferred_node", "-") + ", config digest "
                + Json.text(info, "config_digest", "-") + "):\n" + table.render()
                + "\nto join a node to this cluster: proxmox_cluster_setup action=join with hostname = a member's ADDRESS, "
                + "fingerprint = its FINGERPRINT, and its root password";
    }

    /** The corosync link addresses of a node entry ({@code ring0_addr}, {@code ring1_addr}...), link 0 first. */
    private static String links(JsonNode node) {
        Map<Integer, String> links = new TreeMap<>();
        for (var entry : node.entries()) {
            var matcher = Pattern.compile("ring(\\d)_addr").matcher(entry.getKey());
            if (matcher.matches() && entry.getValue().isValueNode()) {
                links.put(Integer.parseInt(matcher.group(1)), entry.getValue().coerceStringValue());
            }
        }
        return links.isEmpty() ? null : String.join(",", links.values());
    }

    static String log(List<JsonNode> entries, int limit) {
        List<String> lines = entries.stream().map(e -> Format.time(Json.number(e, "time").orElse(null)) + " "
                + Json.text(e, "node", "-") + " " + Json.text(e, "tag", "-") + " " + Json.text(e, "user", "-") + ": "
                + Json.text(e, "msg", "")).toList();
        return lines.isEmpty() ? "cluster log is empty" : Format.lines(lines, limit);
    }

    static String tasks(List<JsonNode> tasks, int limit) {
        Table table = Table.of("START", "NODE", "TYPE", "ID", "USER", "STATUS", "UPID");
        tasks.stream().sorted(Comparator.comparingLong((JsonNode t) -> Json.number(t, "starttime").orElse(0L)).reversed())
                .forEach(t -> table.row(Format.time(Json.number(t, "starttime").orElse(null)), Json.text(t, "node"),
                        Json.text(t, "type"), blankToNull(Json.text(t, "id")), Json.text(t, "user"),
                        Json.text(t, "status", "running"), Json.text(t, "upid")));
        return table.size() == 0 ? "no recent tasks" : table.render(limit);
    }

    static String resources(List<JsonNode> resources, int limit) {
        Table table = Table.of("ID", "NODE", "STATUS", "NAME", "CPU", "MEM", "DISK");
        resources.stream().sorted(Comparator.comparing(r -> Json.text(r, "id", "")))
                .forEach(r -> table.row(Json.text(r, "id"), Json.text(r, "node"), Json.text(r, "status"),
                        Json.text(r, "name", Json.text(r, "storage", Json.text(r, "sdn"))),
                        Json.field(r, "cpu") == null ? null : Format.percent(Json.decimal(r, "cpu").orElse(null))
                                + " of " + Json.text(r, "maxcpu", "?"),
                        Json.field(r, "maxmem") == null ? null
                                : Format.usage(Json.number(r, "mem").orElse(null), Json.number(r, "maxmem").orElse(null)),
                        Json.field(r, "maxdisk") == null ? null
                                : Format.usage(Json.number(r, "disk").orElse(null), Json.number(r, "maxdisk").orElse(null))));
        return table.size() == 0 ? "no resources" : table.render(limit);
    }

    /** The options, with the credentials an {@code http_proxy} URL may carry hidden. */
    static String options(JsonNode options) {
        String text = KeyValues.of(options);
        return text.lines().map(line -> line.startsWith("http_proxy: ") ? PROXY_CREDENTIALS.matcher(line).replaceFirst("//***@") : line)
                .reduce((a, b) -> a + "\n" + b).orElse(text);
    }

    static String metrics(JsonNode export, int limit) {
        Table table = Table.of("ID", "METRIC", "VALUE", "TYPE", "TIME");
        JsonNode data = Json.field(export, "data");
        List<JsonNode> points = new ArrayList<>();
        if (data != null && data.isArray()) {
            data.values().forEach(points::add);
        }
        points.stream().sorted(Comparator.comparing((JsonNode m) -> Json.text(m, "id", "")).thenComparing(m -> Json.text(m, "metric", "")))
                .forEach(m -> table.row(Json.text(m, "id"), Json.text(m, "metric"),
                        Json.decimal(m, "value").map(Format::number).orElse(null), Json.text(m, "type"),
                        Format.time(Json.number(m, "timestamp").orElse(null))));
        return table.size() == 0 ? "no metrics" : table.render(limit);
    }

    static String uncovered(List<JsonNode> guests) {
        Table table = Table.of("VMID", "TYPE", "NAME");
        guests.stream().sorted(Comparator.comparingLong(g -> Json.number(g, "vmid").orElse(0L)))
                .forEach(g -> table.row(Json.text(g, "vmid"), Json.text(g, "type"), Json.text(g, "name")));
        return table.size() == 0 ? "every guest is in a backup job" : "guests in no backup job:\n" + table.render();
    }

    private static String indent(String text) {
        return text.lines().map(l -> "  " + l).reduce((a, b) -> a + "\n" + b).orElse("  (empty)");
    }
}
