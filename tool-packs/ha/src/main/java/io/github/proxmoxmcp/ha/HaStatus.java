package io.github.proxmoxmcp.ha;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Format;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import reactor.core.publisher.Mono;

/** {@code proxmox_ha_status}: the HA state as the manager sees it now, or the manager's full state. */
final class HaStatus {

    enum View { current, manager }

    @Serdeable
    record Input(View view) {
    }

    private HaStatus() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_ha_status",
                "HA now: quorum, manager, fencing, node LRMs, resources; view=manager: full CRM state.",
                Input.class, HaStatus::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        HaClient client = context.bean(HaClient.class);
        return input.view() == View.manager
                ? client.managerStatus().map(r -> ToolResult.ok(manager(r.dataOrNull())))
                : client.currentStatus().map(r -> ToolResult.ok(current(r.list())));
    }

    // status/current: one entry per quorum, master, fencing, lrm:<node>, service:<sid>

    static String current(List<JsonNode> entries) {
        List<String> lines = new ArrayList<>();
        Table lrms = Table.of("NODE", "LRM", "UPDATED");
        List<JsonNode> services = new ArrayList<>();
        for (JsonNode entry : entries) {
            String type = Json.text(entry, "type", "");
            switch (type) {
                case "quorum" -> lines.add("quorum: " + Json.text(entry, "status", "-"));
                case "master" -> lines.add("master: " + Json.text(entry, "node", "-") + ", "
                        + inner(entry) + updated(entry));
                case "fencing" -> lines.add("fencing: " + Json.text(entry, "status", "-"));
                case "lrm" -> lrms.row(Json.text(entry, "node"), inner(entry),
                        Format.time(Json.number(entry, "timestamp").orElse(null)));
                case "service" -> services.add(entry);
                default -> lines.add(Json.text(entry, "id", type) + ": " + Json.text(entry, "status", "-"));
            }
        }
        if (!entries.stream().anyMatch(e -> "master".equals(Json.text(e, "type")))) {
            lines.add("master: none (no HA resources configured yet, or no manager elected)");
        }
        if (lrms.size() > 0) {
            lines.add(lrms.render());
        }
        lines.add(services.isEmpty() ? "no HA resources" : serviceTable(services));
        return String.join("\n", lines);
    }

    /** The status text without the leading node name, parentheses and local time Proxmox puts around it. */
    private static String inner(JsonNode entry) {
        String status = Json.text(entry, "status", "-");
        String node = Json.text(entry, "node", "");
        if (!status.startsWith(node + " (")) {
            return status;
        }
        int close = status.indexOf(')', node.length() + 2);
        if (close < 0) {
            return status;
        }
        String inside = status.substring(node.length() + 2, close);
        if (Json.field(entry, "timestamp") != null && inside.lastIndexOf(", ") >= 0) {
            inside = inside.substring(0, inside.lastIndexOf(", "));
        }
        return inside + status.substring(close + 1);
    }

    private static String updated(JsonNode entry) {
        return Json.number(entry, "timestamp").map(t -> ", updated " + Format.time(t)).orElse("");
    }

    private static String serviceTable(List<JsonNode> services) {
        return ResourceTable.render(services, List.of("SID", "NODE", "STATE", "REQUESTED", "RESTART", "RELOCATE"),
                s -> List.of(Json.text(s, "sid", "-"), Json.text(s, "node", "-"), Json.text(s, "state", "-"),
                        Json.text(s, "request_state", "-"), Json.text(s, "max_restart", "-"), Json.text(s, "max_relocate", "-")));
    }

    // manager_status: {manager_status: {master_node, timestamp, node_status, service_status, ...}, quorum, lrm_status}

    static String manager(JsonNode data) {
        JsonNode status = Json.field(data, "manager_status");
        JsonNode quorum = Json.field(data, "quorum");
        JsonNode lrm = Json.field(data, "lrm_status");
        List<String> lines = new ArrayList<>();
        lines.add("master: " + Json.text(status, "master_node", "none")
                + Json.number(status, "timestamp").map(t -> " (" + Format.time(t) + ")").orElse(""));
        lines.add("quorum: " + Json.text(quorum, "node", "-") + (Json.flag(quorum, "quorate") ? " quorate" : " NOT quorate"));
        JsonNode nodes = Json.field(status, "node_status");
        Table nodeTable = Table.of("NODE", "STATUS", "LRM MODE", "LRM STATE", "LRM UPDATED");
        if (nodes != null && nodes.isObject()) {
            new TreeMap<>(toMap(nodes)).forEach((node, state) -> {
                JsonNode l = Json.field(lrm, node);
                nodeTable.row(node, Text.value(state), Json.text(l, "mode"), Json.text(l, "state"),
                        Format.time(Json.number(l, "timestamp").orElse(null)));
            });
        }
        if (nodeTable.size() > 0) {
            lines.add(nodeTable.render());
        }
        JsonNode services = Json.field(status, "service_status");
        Table serviceTable = Table.of("SID", "NODE", "STATE", "TARGET", "FAILED ON");
        if (services != null && services.isObject()) {
            new TreeMap<>(toMap(services)).forEach((sid, s) -> serviceTable.row(sid, Json.text(s, "node"),
                    Json.text(s, "state"), Json.text(s, "target"), failedNodes(s)));
        }
        lines.add(serviceTable.size() == 0 ? "no HA resources" : serviceTable.render());
        if (status != null && status.isObject()) {
            status.entries().forEach(e -> {
                if (!List.of("master_node", "timestamp", "node_status", "service_status").contains(e.getKey())) {
                    lines.add(e.getKey() + ": " + Text.value(e.getValue()));
                }
            });
        }
        return String.join("\n", lines);
    }

    private static String failedNodes(JsonNode service) {
        JsonNode failed = Json.field(service, "failed_nodes");
        if (failed == null || !failed.isArray() || failed.size() == 0) {
            return null;
        }
        StringJoiner nodes = new StringJoiner(",");
        failed.values().forEach(n -> nodes.add(n.coerceStringValue()));
        return nodes.toString();
    }

    private static Map<String, JsonNode> toMap(JsonNode object) {
        Map<String, JsonNode> map = new TreeMap<>();
        object.entries().forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }
}
