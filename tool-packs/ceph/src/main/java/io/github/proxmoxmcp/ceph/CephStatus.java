package io.github.proxmoxmcp.ceph;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Format;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_ceph_status}: how Ceph is doing, cluster-wide (health and its checks, monitors, OSDs, placement
 * groups, usage, I/O) or as one node sees it; the daemons' versions, the cluster flags, the Ceph log, the CRUSH map
 * and rules, and the configuration (ceph.conf, the config database, single values).
 */
final class CephStatus {

    enum View { health, node, versions, flags, log, crush, rules, config, configdb }

    static final int DEFAULT_LOG_LINES = 50;
    /** section:key pairs, as {@code /ceph/cfg/value} takes them. */
    private static final String CONFIG_KEYS = "(?i)[0-9a-z._-]+:[0-9a-z_-]+([;, ][0-9a-z._-]+:[0-9a-z_-]+)*";

    @Serdeable
    record Input(View view,
                 @PveId(NODE) String node,
                 @Min(1) @Max(5000) Integer limit,
                 String keys) {
    }

    private CephStatus() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_ceph_status",
                "Ceph health, checks, OSDs, PGs, usage, I/O; or a view (log: limit; config: keys a:b).",
                Input.class, CephStatus::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        View view = input.view() == null ? View.health : input.view();
        if (input.limit() != null && view != View.log) {
            throw new ToolInputException("limit is for view=log");
        }
        if (input.keys() != null && (view != View.config || !input.keys().matches(CONFIG_KEYS))) {
            throw new ToolInputException(view != View.config ? "keys is for view=config"
                    : "keys: give section:key pairs, comma-separated, e.g. global:fsid,mon:mon_allow_pool_delete");
        }
        CephClient client = context.bean(CephClient.class);
        return switch (view) {
            case health -> client.status().map(r -> ToolResult.ok(health(r.dataOrNull())));
            case versions -> client.metadata(Map.of("scope", "all")).map(r -> ToolResult.ok(versions(r.dataOrNull())));
            case flags -> client.flags().map(r -> ToolResult.ok(flags(r.list())));
            default -> node(view, input, context.node(input.node()), client);
        };
    }

    private static Mono<ToolResult> node(View view, Input input, String node, CephClient client) {
        return switch (view) {
            case node -> client.nodeStatus(node).map(r -> ToolResult.ok(node + ": " + health(r.dataOrNull())));
            case log -> {
                int limit = input.limit() == null ? DEFAULT_LOG_LINES : input.limit();
                yield client.log(node, Params.create().put("limit", limit).map()).map(r -> ToolResult.ok(log(r.list(), limit)));
            }
            case crush -> client.crush(node).map(r -> ToolResult.ok(Format.head(text(r.string()), 8000)));
            case rules -> client.rules(node).map(r -> ToolResult.ok(names("RULE", r.list())));
            case config -> input.keys() == null
                    ? client.configRaw(node).map(r -> ToolResult.ok(Format.head(text(r.string()), 8000)))
                    : client.configValue(node, Map.of("config-keys", input.keys())).map(r -> ToolResult.ok(values(r.dataOrNull())));
            default -> client.configDb(node).map(r -> ToolResult.ok(configDb(r.list())));
        };
    }

    // ceph status

    static String health(JsonNode status) {
        JsonNode health = Json.field(status, "health");
        List<String> lines = new ArrayList<>();
        lines.add("health: " + Json.text(health, "status", "unknown"));
        JsonNode checks = Json.field(health, "checks");
        if (checks != null && checks.isObject()) {
            checks.entries().forEach(check -> {
                JsonNode value = check.getValue();
                lines.add("  " + check.getKey() + " (" + Json.text(value, "severity", "-")
                        + (Json.flag(value, "muted") ? ", muted" : "") + "): "
                        + Json.text(Json.field(value, "summary"), "message", "-"));
                JsonNode detail = Json.field(value, "detail");
                if (detail != null && detail.isArray()) {
                    detail.values().forEach(d -> lines.add("    " + Json.text(d, "message", "")));
                }
            });
        }
        JsonNode monmap = Json.field(status, "monmap");
        JsonNode quorum = Json.field(status, "quorum_names");
        List<String> names = new ArrayList<>();
        if (quorum != null && quorum.isArray()) {
            quorum.values().forEach(n -> names.add(n.coerceStringValue()));
        }
        lines.add("mons: " + Json.text(monmap, "num_mons", String.valueOf(names.size())) + ", quorum "
                + (names.isEmpty() ? "none" : String.join(",", names)));
        JsonNode mgrmap = Json.field(status, "mgrmap");
        if (mgrmap != null) {
            lines.add("mgr: " + (Json.flag(mgrmap, "available") ? "available" : "NOT available") + ", "
                    + Json.text(mgrmap, "num_standbys", "0") + " standby");
        }
        JsonNode osdmap = Json.field(status, "osdmap");
        JsonNode osds = Json.field(osdmap, "osdmap") != null ? Json.field(osdmap, "osdmap") : osdmap;
        lines.add("osds: " + Json.text(osds, "num_osds", "0") + " total, " + Json.text(osds, "num_up_osds", "0") + " up, "
                + Json.text(osds, "num_in_osds", "0") + " in" + (Json.number(osds, "num_remapped_pgs").orElse(0L) > 0
                ? ", " + Json.text(osds, "num_remapped_pgs") + " remapped pgs" : ""));
        JsonNode pgmap = Json.field(status, "pgmap");
        if (pgmap != null) {
            List<String> states = new ArrayList<>();
            JsonNode byState = Json.field(pgmap, "pgs_by_state");
            if (byState != null && byState.isArray()) {
                byState.values().forEach(s -> states.add(Json.text(s, "count", "0") + " " + Json.text(s, "state_name", "-")));
            }
            lines.add("pgs: " + Json.text(pgmap, "num_pgs", "0") + (states.isEmpty() ? "" : " (" + String.join(", ", states) + ")")
                    + " in " + Json.text(pgmap, "num_pools", "0") + " pools");
            lines.add("usage: " + Format.usage(Json.number(pgmap, "bytes_used").orElse(null),
                    Json.number(pgmap, "bytes_total").orElse(null)) + ", " + Json.text(pgmap, "num_objects", "0") + " objects");
            lines.add("io: read " + rate(pgmap, "read_bytes_sec") + ", write " + rate(pgmap, "write_bytes_sec") + ", "
                    + Json.text(pgmap, "read_op_per_sec", "0") + " rd/" + Json.text(pgmap, "write_op_per_sec", "0") + " wr op/s");
        }
        JsonNode fsmap = Json.field(status, "fsmap");
        JsonNode ranks = Json.field(fsmap, "by_rank");
        if (ranks != null && ranks.isArray() && ranks.size() > 0) {
            List<String> mds = new ArrayList<>();
            ranks.values().forEach(r -> mds.add(Json.text(r, "name", "-") + " " + Json.text(r, "status", "-")));
            lines.add("mds: " + String.join(", ", mds) + ", " + Json.text(fsmap, "up:standby", "0") + " standby");
        }
        return String.join("\n", lines);
    }

    private static String rate(JsonNode pgmap, String field) {
        return Format.bytes(Json.number(pgmap, field).orElse(0L)) + "/s";
    }

    // metadata: {mon: {id: {...}}, mgr, mds, osd, node: {name: {version: {str}}}}

    static String versions(JsonNode metadata) {
        Table table = Table.of("DAEMON", "HOST", "VERSION");
        for (String type : List.of("mon", "mgr", "mds", "osd")) {
            JsonNode daemons = Json.field(metadata, type);
            if (daemons == null) {
                continue;
            }
            Map<String, JsonNode> sorted = new TreeMap<>(CephStatus::byNumberThenName);
            if (daemons.isObject()) {
                daemons.entries().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            } else if (daemons.isArray()) {
                daemons.values().forEach(d -> sorted.put(Json.text(d, "id", Json.text(d, "name", "?")), d));
            }
            sorted.forEach((id, d) -> table.row(type + "." + id, Json.text(d, "hostname"),
                    Json.text(d, "ceph_version_short", Json.text(d, "ceph_release"))));
        }
        JsonNode nodes = Json.field(metadata, "node");
        if (nodes != null && nodes.isObject()) {
            new TreeMap<>(toMap(nodes)).forEach((name, n) -> table.row("node", name, Json.text(Json.field(n, "version"), "str")));
        }
        return table.size() == 0 ? "no Ceph daemons" : table.render();
    }

    private static int byNumberThenName(String a, String b) {
        boolean na = a.matches("[0-9]+");
        boolean nb = b.matches("[0-9]+");
        return na && nb ? Long.compare(Long.parseLong(a), Long.parseLong(b)) : na != nb ? (na ? -1 : 1) : a.compareTo(b);
    }

    static String flags(List<JsonNode> flags) {
        List<String> set = new ArrayList<>();
        List<String> clear = new ArrayList<>();
        flags.forEach(f -> (Json.flag(f, "value") ? set : clear).add(Json.text(f, "name", "?")));
        return "set: " + (set.isEmpty() ? "none" : String.join(",", set)) + "\nclear: " + String.join(",", clear);
    }

    private static String log(List<JsonNode> lines, int limit) {
        List<String> text = new ArrayList<>();
        lines.forEach(l -> text.add(Json.text(l, "t", "")));
        return Format.lines(text, limit);
    }

    private static String names(String header, List<JsonNode> items) {
        Table table = Table.of(header);
        items.forEach(i -> table.row(Json.text(i, "name")));
        return table.render();
    }

    private static String configDb(List<JsonNode> entries) {
        Table table = Table.of("SECTION", "NAME", "VALUE", "LEVEL", "MASK", "RUNTIME");
        entries.forEach(e -> table.row(Json.text(e, "section"), Json.text(e, "name"), Json.text(e, "value"),
                Json.text(e, "level"), Json.text(e, "mask"), Json.field(e, "can_update_at_runtime") == null ? null
                        : Json.flag(e, "can_update_at_runtime") ? "yes" : "no"));
        return table.size() == 0 ? "the config database is empty" : table.render();
    }

    /** {section: {key: value}} as {@code section:key = value} lines. */
    private static String values(JsonNode data) {
        List<String> lines = new ArrayList<>();
        if (data != null && data.isObject()) {
            new TreeMap<>(toMap(data)).forEach((section, keys) -> new TreeMap<>(toMap(keys)).forEach((key, value) ->
                    lines.add(section + ":" + key + " = " + (value.isValueNode() ? value.coerceStringValue() : value.toString()))));
        }
        return lines.isEmpty() ? "none of these keys is set" : String.join("\n", lines);
    }

    private static String text(String value) {
        return value == null || value.isEmpty() ? "(empty)" : value.stripTrailing();
    }

    static Map<String, JsonNode> toMap(JsonNode object) {
        Map<String, JsonNode> map = new TreeMap<>();
        if (object != null && object.isObject()) {
            object.entries().forEach(e -> map.put(e.getKey(), e.getValue()));
        }
        return map;
    }
}
