package io.github.proxmoxmcp.ceph;

import static io.github.proxmoxmcp.core.id.PveFormat.CEPH_POOL;
import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Compact;
import io.github.proxmoxmcp.core.text.Format;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_ceph_list}: the OSD tree with usage and state (or one OSD's devices), the monitors, managers and
 * metadata servers, the pools with usage and autoscaling (or one pool's settings), the CephFS file systems.
 */
final class CephList {

    enum What { osd, mon, mgr, mds, pool, fs }

    @Serdeable
    record Input(@NotNull What what,
                 @PveId(NODE) String node,
                 Integer osd,
                 @PveId(CEPH_POOL) String pool) {
    }

    private CephList() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_ceph_list",
                "Ceph OSDs (osd: its devices), mons, mgrs, MDS, pools with usage (pool: settings), CephFS.",
                Input.class, CephList::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        if (input.osd() != null && input.what() != What.osd) {
            throw new ToolInputException("osd is for what=osd");
        }
        if (input.osd() != null && input.osd() < 0) {
            throw new ToolInputException("osd: must be an OSD number, 0 or more");
        }
        if (input.pool() != null && input.what() != What.pool) {
            throw new ToolInputException("pool is for what=pool");
        }
        CephClient client = context.bean(CephClient.class);
        String node = context.node(input.node());
        return switch (input.what()) {
            case osd -> input.osd() == null ? client.osdTree(node).map(r -> ToolResult.ok(osdTree(r.dataOrNull())))
                    : client.osdMetadata(node, input.osd()).zipWith(client.osdLvInfo(node, input.osd(), Map.of()))
                            .map(t -> ToolResult.ok(osd(input.osd(), t.getT1().dataOrNull(), t.getT2().dataOrNull())));
            case mon -> client.daemons(node, "mon").map(r -> ToolResult.ok(mons(r.list())));
            case mgr, mds -> client.daemons(node, input.what().name()).map(r -> ToolResult.ok(daemons(r.list())));
            case pool -> input.pool() == null ? client.pools(node).map(r -> ToolResult.ok(pools(r.list())))
                    : client.pool(node, input.pool(), Map.of("verbose", "1")).map(r -> ToolResult.ok(pool(r.dataOrNull())));
            case fs -> client.filesystems(node).map(r -> ToolResult.ok(filesystems(r.list())));
        };
    }

    // the OSD tree: {root: {children: [root: {children: [host: {children: [osd]}]}]}, flags}

    static String osdTree(JsonNode data) {
        List<JsonNode> osds = new ArrayList<>();
        collect(Json.field(data, "root"), osds);
        if (osds.isEmpty()) {
            return "no OSDs (create one with proxmox_ceph_osd_manage action=create)";
        }
        osds.sort((a, b) -> Long.compare(Json.number(a, "id").orElse(0L), Json.number(b, "id").orElse(0L)));
        Table table = Table.of("OSD", "HOST", "CLASS", "STATE", "USAGE", "WEIGHT", "REWEIGHT", "LATENCY");
        osds.forEach(o -> table.row(Json.text(o, "name"), Json.text(o, "host"), Json.text(o, "device_class"), state(o),
                Format.usage(Json.number(o, "bytes_used").orElse(null), Json.number(o, "total_space").orElse(null)),
                Json.decimal(o, "crush_weight").map(Format::number).orElse(null),
                Json.decimal(o, "reweight").map(Format::number).orElse(null),
                Json.text(o, "commit_latency_ms") == null ? null : Json.text(o, "commit_latency_ms") + " ms"));
        String flags = Json.text(data, "flags");
        return table.render() + (flags == null || flags.isEmpty() ? "" : "\nflags: " + flags);
    }

    /** {@code up/in}, {@code down/out}, ... */
    static String state(JsonNode osd) {
        return Json.text(osd, "status", "?") + "/" + (Json.flag(osd, "in") ? "in" : "out");
    }

    /** Every OSD under a tree node, depth first. */
    static void collect(JsonNode node, List<JsonNode> osds) {
        if (node == null) {
            return;
        }
        if ("osd".equals(Json.text(node, "type"))) {
            osds.add(node);
        }
        JsonNode children = Json.field(node, "children");
        if (children != null && children.isArray()) {
            children.values().forEach(c -> collect(c, osds));
        }
    }

    private static String osd(int id, JsonNode metadata, JsonNode lv) {
        JsonNode osd = Json.field(metadata, "osd");
        List<String> lines = new ArrayList<>();
        lines.add("osd." + id + " on " + Json.text(osd, "hostname", "?") + ": " + Json.text(osd, "osd_objectstore", "-")
                + ", version " + Json.text(osd, "version", "-") + ", pid " + Json.text(osd, "pid", "-") + ", memory "
                + Format.bytes(Json.number(osd, "mem_usage").orElse(null)));
        lines.add("data: " + Json.text(osd, "osd_data", "-") + ", front " + Json.text(osd, "front_addr", "-") + ", back "
                + Json.text(osd, "back_addr", "-"));
        Table devices = Table.of("DEVICE", "NODE", "DISKS", "SIZE", "TYPE", "DISCARD");
        JsonNode list = Json.field(metadata, "devices");
        if (list != null && list.isArray()) {
            list.values().forEach(d -> devices.row(Json.text(d, "device"), Json.text(d, "dev_node"), Json.text(d, "devices"),
                    Format.bytes(Json.number(d, "size").orElse(null)), Json.text(d, "type"),
                    Json.flag(d, "support_discard") ? "yes" : "no"));
        }
        if (devices.size() > 0) {
            lines.add(devices.render());
        }
        if (Json.text(lv, "lv_name") != null) {
            lines.add("block LV: " + Json.text(lv, "vg_name", "?") + "/" + Json.text(lv, "lv_name") + " ("
                    + Format.bytes(Json.number(lv, "lv_size").orElse(null)) + ", created " + Json.text(lv, "creation_time", "-") + ")");
        }
        return String.join("\n", lines);
    }

    private static String mons(List<JsonNode> mons) {
        Table table = Table.of("MON", "HOST", "ADDRESS", "STATE", "QUORUM", "VERSION");
        mons.forEach(m -> table.row(Json.text(m, "name"), Json.text(m, "host"), Json.text(m, "addr"), Json.text(m, "state"),
                Json.field(m, "quorum") == null ? null : Json.flag(m, "quorum") ? "yes" : "no", Json.text(m, "ceph_version_short")));
        return table.size() == 0 ? "no monitors" : table.render();
    }

    private static String daemons(List<JsonNode> daemons) {
        Table table = Table.of("NAME", "HOST", "ADDRESS", "STATE", "RANK");
        daemons.forEach(d -> table.row(Json.text(d, "name"), Json.text(d, "host"), Json.text(d, "addr"), Json.text(d, "state"),
                Json.text(d, "rank")));
        return table.size() == 0 ? "none" : table.render();
    }

    static String pools(List<JsonNode> pools) {
        Table table = Table.of("POOL", "ID", "SIZE", "PGS", "AUTOSCALE", "USED", "APPLICATION", "RULE", "TYPE");
        pools.forEach(p -> {
            String pgs = Json.text(p, "pg_num", "-");
            String target = Json.text(p, "pg_num_final");
            table.row(Json.text(p, "pool_name"), Json.text(p, "pool"), Json.text(p, "size", "-") + "/" + Json.text(p, "min_size", "-"),
                    target == null || target.equals(pgs) ? pgs : pgs + "->" + target, Json.text(p, "pg_autoscale_mode"),
                    Format.bytes(Json.number(p, "bytes_used").orElse(null)) + " (" + Format.percent(Json.decimal(p, "percent_used")
                            .orElse(null)) + ")", applications(Json.field(p, "application_metadata")), Json.text(p, "crush_rule_name"),
                    Json.text(p, "type"));
        });
        return table.size() == 0 ? "no pools" : table.render();
    }

    private static String applications(JsonNode metadata) {
        if (metadata == null || !metadata.isObject()) {
            return null;
        }
        StringJoiner names = new StringJoiner(",");
        metadata.entries().forEach(e -> names.add(e.getKey()));
        return names.length() == 0 ? null : names.toString();
    }

    private static String pool(JsonNode data) {
        List<String> lines = new ArrayList<>();
        CephStatus.toMap(data).forEach((key, value) -> {
            if (!key.equals("statistics") && !key.equals("autoscale_status")) {
                lines.add(key + ": " + (value.isValueNode() ? value.coerceStringValue() : value.toString()));
            }
        });
        JsonNode stats = Json.field(data, "statistics");
        if (stats != null) {
            lines.add("usage: " + Format.bytes(Json.number(stats, "bytes_used").orElse(null)) + " used ("
                    + Format.percent(Json.decimal(stats, "percent_used").orElse(null)) + "), "
                    + Format.bytes(Json.number(stats, "stored").orElse(null)) + " stored, "
                    + Format.bytes(Json.number(stats, "max_avail").orElse(null)) + " available");
        }
        JsonNode autoscale = Json.field(data, "autoscale_status");
        if (autoscale != null && autoscale.isObject()) {
            lines.add("autoscale: " + Compact.json(autoscale));
        }
        return String.join("\n", lines);
    }

    private static String filesystems(List<JsonNode> list) {
        Table table = Table.of("CEPHFS", "METADATA POOL", "DATA POOL");
        list.forEach(f -> table.row(Json.text(f, "name"), Json.text(f, "metadata_pool"), Json.text(f, "data_pool")));
        return table.size() == 0 ? "no CephFS (create one with proxmox_ceph_pool_manage fs=NAME)" : table.render();
    }
}
