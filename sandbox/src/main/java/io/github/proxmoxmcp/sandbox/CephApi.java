package io.github.proxmoxmcp.sandbox;

import io.github.proxmoxmcp.sandbox.ConfigCollection.Op;
import io.github.proxmoxmcp.sandbox.ConfigCollection.Refusal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hyper-converged Ceph cluster on the three nodes: status and health (warnings follow the flags and the OSDs),
 * monitors, managers and metadata servers, OSDs with their in/up state, the CephFS, the cluster flags, the log, the
 * CRUSH map and the configuration; the pools are a collection whose writes are tasks, as {@code pveceph} runs them.
 * Creating and destroying daemons and OSDs, starting and stopping them, are tasks too.
 */
final class CephApi {

    static final String POOLS = "/ceph/pools";
    static final String OSDS = "/ceph/osds";
    static final String DAEMONS = "/ceph/daemons";
    static final String FS = "/ceph/fs";
    static final String FLAGS_TABLE = "/ceph/flags";
    private static final long TIB = 1L << 40;
    private static final long OSD_SIZE = 2 * TIB - (1L << 30) * 40;
    private static final Map<String, String> FLAG_TEXTS = Map.ofEntries(
            Map.entry("nobackfill", "Backfilling of PGs is suspended."),
            Map.entry("nodeep-scrub", "Deep Scrubbing is disabled."),
            Map.entry("nodown", "OSD failure reports are being ignored, such that the monitors will not mark OSDs down."),
            Map.entry("noin", "OSDs that were previously marked out will not be marked back in when they start."),
            Map.entry("noout", "OSDs will not automatically be marked out after the configured interval."),
            Map.entry("norebalance", "Rebalancing of PGs is suspended."),
            Map.entry("norecover", "Recovery of PGs is suspended."),
            Map.entry("noscrub", "Scrubbing is disabled."),
            Map.entry("notieragent", "Cache tiering activity is suspended."),
            Map.entry("noup", "OSDs are not allowed to start."),
            Map.entry("pause", "Pauses read and writes."));
    private static final String[] FLAGS = {"nobackfill", "nodeep-scrub", "nodown", "noin", "noout", "norebalance",
            "norecover", "noscrub", "notieragent", "noup", "pause"};

    private final Cluster cluster;
    private final String fsid;

    private CephApi(Cluster cluster) {
        this.cluster = cluster;
        this.fsid = Configs.sha1("ceph-fsid-" + cluster.seed).replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12}).*", "$1-$2-$3-$4-$5");
    }

    static void register(Router r, Cluster c) {
        new CephApi(c).routes(r);
    }

    private void routes(Router r) {
        r.get("/cluster/ceph", "", q -> NodeApi.names("flags", "metadata", "status"));
        r.get("/cluster/ceph/status", "", q -> status());
        r.get("/nodes/{node}/ceph/status", "", q -> status());
        r.get("/cluster/ceph/flags", "", q -> flags());
        r.put("/cluster/ceph/flags", String.join(":bool ", FLAGS) + ":bool", this::setFlags);
        r.get("/cluster/ceph/flags/{flag}", "", q -> flagSet(flag(q)) ? 1 : 0);
        r.put("/cluster/ceph/flags/{flag}", "value*:bool", q -> {
            setFlag(flag(q), q.flag("value"));
            return null;
        });
        r.get("/cluster/ceph/metadata", "scope:all|versions", q -> metadata());
        r.get("/nodes/{node}/ceph", "", q -> NodeApi.names("cfg", "cmd-safety", "crush", "fs", "init", "log", "mds",
                "mgr", "mon", "osd", "pool", "restart", "rules", "start", "status", "stop"));
        for (String type : List.of("mon", "mgr", "mds")) {
            String var = type.equals("mon") ? "monid" : type.equals("mgr") ? "id" : "name";
            r.get("/nodes/{node}/ceph/" + type, "", q -> daemons(type));
            r.post("/nodes/{node}/ceph/" + type + "/{" + var + "}", type.equals("mon") ? "mon-address"
                    : type.equals("mds") ? "hotstandby:bool" : "", q -> createDaemon(q, type, q.var(var)));
            r.delete("/nodes/{node}/ceph/" + type + "/{" + var + "}", "", q -> destroyDaemon(q, type, q.var(var)));
        }
        r.get("/nodes/{node}/ceph/osd", "", q -> osdTree());
        r.post("/nodes/{node}/ceph/osd", "dev* db_dev db_dev_size:num wal_dev wal_dev_size:num encrypted:bool "
                + "crush-device-class osds-per-device:int(1..)", this::createOsd);
        r.get("/nodes/{node}/ceph/osd/{osdid}", "", q -> NodeApi.names("lv-info", "metadata"));
        r.get("/nodes/{node}/ceph/osd/{osdid}/metadata", "", this::osdMetadata);
        r.get("/nodes/{node}/ceph/osd/{osdid}/lv-info", "type:block|db|wal", this::lvInfo);
        r.post("/nodes/{node}/ceph/osd/{osdid}/in", "", q -> {
            osd(q).put("in", "1");
            return null;
        });
        r.post("/nodes/{node}/ceph/osd/{osdid}/out", "", q -> {
            osd(q).put("in", "0");
            return null;
        });
        r.post("/nodes/{node}/ceph/osd/{osdid}/scrub", "deep:bool", q -> {
            osd(q).put(q.flag("deep") ? "deep_scrub_stamp" : "scrub_stamp", String.valueOf(cluster.now()));
            return null;
        });
        r.delete("/nodes/{node}/ceph/osd/{osdid}", "cleanup:bool", this::destroyOsd);
        for (String command : List.of("start", "stop", "restart")) {
            r.post("/nodes/{node}/ceph/" + command, "service", q -> service(q, command));
        }
        r.get("/nodes/{node}/ceph/cmd-safety", "service*:osd|mon|mds id* action*:stop|destroy", this::cmdSafety);
        r.post("/nodes/{node}/ceph/init", "network:CIDR cluster-network:CIDR size:int(1..7) min_size:int(1..7) "
                + "pg_bits:int(6..14) disable_cephx:bool", q -> {
                    cluster.node(q.node());
                    return null;
                });
        r.get("/nodes/{node}/ceph/log", "limit:int(0..) start:int(0..)", this::log);
        r.get("/nodes/{node}/ceph/crush", "", q -> crushMap());
        r.get("/nodes/{node}/ceph/cfg", "", q -> NodeApi.names("db", "raw", "value"));
        r.get("/nodes/{node}/ceph/cfg/raw", "", q -> cephConf());
        r.get("/nodes/{node}/ceph/cfg/db", "", q -> configDb());
        r.get("/nodes/{node}/ceph/cfg/value", "config-keys*", this::configValues);
        r.get("/nodes/{node}/ceph/fs", "", q -> filesystems());
        r.post("/nodes/{node}/ceph/fs/{name}", "add-storage:bool pg_num:int(8..32768)", this::createFs);
        r.get("/nodes/{node}/ceph/rules", "", q -> List.of(Map.of("name", "replicated_rule")));
        r.get("/nodes/{node}/ceph/pool/{name}/status", "verbose:bool", q -> {
            Map<String, Object> out = new LinkedHashMap<>();
            pool(q, poolRow(q.var("name")), out);
            return out;
        });
        ConfigCollection.keyed("/nodes/{node}/ceph/pool", "name").storedAt(POOLS)
                .fields("size:int(1..7) min_size:int(1..7) pg_num:int(1..32768) pg_num_min:int(..32768) "
                        + "pg_autoscale_mode:on|off|warn crush_rule application:rbd|cephfs|rgw target_size target_size_ratio:num")
                .params(Op.CREATE, "add_storages:bool erasure-coding")
                .params(Op.DELETE, "force:bool remove_ecprofile:bool remove_storages:bool")
                .storedDefaults("size=3 min_size=2 pg_num=128 pg_autoscale_mode=warn crush_rule=replicated_rule application=rbd")
                .task("cephcreatepool", "cephsetpool", "cephdestroypool")
                .duplicate(Refusal.fail("pool '{id}' already exists"))
                .missing(Refusal.fail("pool '{id}' does not exist"))
                .validate(w -> {
                    if (w.before() == null && !w.id().matches("[^:/\\s]+")) {
                        throw ApiException.parameter("name", "value does not match the regex pattern");
                    }
                    if (w.before() == null) {
                        w.item().put("id", String.valueOf(nextPoolId(w.table())));
                    }
                })
                .validate(w -> {
                    if (w.before() == null && w.request().flag("add_storages")) {
                        for (StorageDef storage : cluster.storages()) {
                            if (storage.id().equals(w.id())) {
                                throw ApiException.fail("storage ID '" + w.id() + "' already defined");
                            }
                        }
                    }
                })
                .afterCreate(w -> {
                    if (w.request().flag("add_storages")) {
                        cluster.tables.table(StorageCollections.PATH, null).add("storage", w.id(), "type", "rbd", "pool", w.id(),
                                "content", "images,rootdir", "krbd", "0");
                    }
                })
                .beforeDelete(w -> {
                    for (StorageDef storage : cluster.storages()) {
                        if (storage.type().equals("rbd") && w.id().equals(poolOfStorage(storage.id()))
                                && !w.request().flag("remove_storages")) {
                            throw ApiException.fail("ceph pool '" + w.id() + "' still in use by storage '" + storage.id() + "'");
                        }
                    }
                })
                .afterDelete(w -> {
                    if (w.request().flag("remove_storages")) {
                        cluster.tables.table(StorageCollections.PATH, null).rows.removeIf(row -> "rbd".equals(row.get("type"))
                                && w.id().equals(row.getOrDefault("pool", "rbd")));
                    }
                })
                .view((q, row, out) -> pool(q, row, out))
                .register(r, cluster);
        seed();
    }

    private String poolOfStorage(String storage) {
        for (Map<String, String> row : cluster.tables.table(StorageCollections.PATH, null).rows) {
            if (row.get("storage").equals(storage)) {
                return row.getOrDefault("pool", "rbd");
            }
        }
        return null;
    }

    private static long nextPoolId(Tables.Table table) {
        long max = 0;
        for (Map<String, String> row : table.rows) {
            max = Math.max(max, Long.parseLong(row.getOrDefault("id", "0")));
        }
        return max + 1;
    }

    /** A pool row as {@code ceph osd dump} and {@code ceph df} describe it. */
    private void pool(Request q, Map<String, String> row, Map<String, Object> out) {
        long used = Long.parseLong(row.getOrDefault("used", "0"));
        long raw = 6 * OSD_SIZE;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pool", Long.parseLong(row.get("id")));
        m.put("pool_name", row.get("name"));
        m.put("size", Long.parseLong(row.get("size")));
        m.put("min_size", Long.parseLong(row.get("min_size")));
        m.put("pg_num", Long.parseLong(row.get("pg_num")));
        m.put("pg_num_final", Long.parseLong(row.get("pg_num")));
        m.put("crush_rule", 0);
        m.put("crush_rule_name", row.get("crush_rule"));
        m.put("pg_autoscale_mode", row.get("pg_autoscale_mode"));
        m.put("application_metadata", Map.of(row.get("application"), Map.of()));
        m.put("bytes_used", used);
        m.put("percent_used", Views.round((double) used / raw));
        m.put("type", "replicated");
        if (row.containsKey("target_size_ratio")) {
            m.put("target_size_ratio", Double.parseDouble(row.get("target_size_ratio")));
        }
        if (!q.path.endsWith("/ceph/pool")) {
            m = new LinkedHashMap<>(Map.of("id", m.get("pool"), "name", row.get("name"), "size", m.get("size"),
                    "min_size", m.get("min_size"), "pg_num", m.get("pg_num"), "pg_autoscale_mode", row.get("pg_autoscale_mode"),
                    "crush_rule", row.get("crush_rule"), "application", row.get("application"), "fast_read", 0, "nodelete", 0));
            m.put("statistics", Map.of("bytes_used", used, "percent_used", Views.round((double) used / raw),
                    "max_avail", raw / Long.parseLong(row.get("size")) - used, "stored", used / Long.parseLong(row.get("size"))));
        }
        out.clear();
        out.putAll(m);
    }

    private List<Map<String, Object>> flags() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String flag : FLAGS) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", flag);
            m.put("description", FLAG_TEXTS.get(flag));
            m.put("value", flagSet(flag) ? 1 : 0);
            out.add(m);
        }
        return out;
    }

    private Map<String, String> flagRow() {
        Tables.Table table = cluster.tables.table(FLAGS_TABLE, null);
        if (table.rows.isEmpty()) {
            table.add();
        }
        return table.rows.getFirst();
    }

    boolean flagSet(String flag) {
        return Request.isTrue(flagRow().getOrDefault(flag, "0"));
    }

    private void setFlag(String flag, boolean value) {
        flagRow().put(flag, value ? "1" : "0");
        log("cluster [INF] " + (value ? "set " : "unset ") + flag);
    }

    private static String flag(Request q) {
        String flag = q.var("flag");
        if (!List.of(FLAGS).contains(flag)) {
            throw ApiException.parameter("flag", "value '" + flag + "' does not have a value in the enumeration '"
                    + String.join(", ", FLAGS) + "'");
        }
        return flag;
    }

    /** {@code PUT /cluster/ceph/flags}: several flags at once, in a task. */
    private Object setFlags(Request q) {
        Map<String, Boolean> changes = new LinkedHashMap<>();
        for (String flag : FLAGS) {
            if (q.has(flag)) {
                changes.put(flag, q.flag(flag));
            }
        }
        if (changes.isEmpty()) {
            throw ApiException.fail("no flag specified");
        }
        return cluster.startTask(cluster.nodes.keySet().iterator().next(), "cephsetflags", "", q.user,
                t -> changes.forEach(this::setFlag));
    }

    // ---- monitors, managers, metadata servers: one row per daemon, type + id + host ----

    private List<Map<String, String>> daemonRows(String type) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> row : cluster.tables.table(DAEMONS, null).rows) {
            if (row.get("type").equals(type)) {
                out.add(row);
            }
        }
        return out;
    }

    private List<Map<String, Object>> daemons(String kind) {
        List<Map<String, Object>> out = new ArrayList<>();
        int rank = 0;
        boolean activeTaken = false;
        for (Map<String, String> row : daemonRows(kind)) {
            NodeState node = host(row.get("host"));
            boolean up = node.online && !"0".equals(row.get("running"));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", row.get("id"));
            m.put("host", node.name);
            m.put("addr", (row.containsKey("addr") ? row.get("addr") : node.ip) + (kind.equals("mon") ? ":6789/0"
                    : ":6801/" + (1000 + node.index)));
            switch (kind) {
                case "mon" -> {
                    m.put("rank", rank);
                    m.put("quorum", up ? 1 : 0);
                    m.put("state", up ? "running" : "stopped");
                    m.put("direxists", 1);
                    m.put("service", 1);
                }
                case "mgr" -> {
                    m.put("state", !up ? "stopped" : activeTaken ? "standby" : "active");
                    activeTaken |= up;
                }
                default -> {
                    m.put("state", !up ? "stopped" : activeTaken ? "up:standby" : "up:active");
                    if (up && !activeTaken) {
                        m.put("rank", 0);
                    }
                    activeTaken |= up;
                    m.put("standby_replay", Request.isTrue(row.getOrDefault("hotstandby", "0")) ? 1 : 0);
                }
            }
            m.put("ceph_version", cluster.pve.cephVersionText());
            m.put("ceph_version_short", cluster.pve.ceph());
            out.add(m);
            rank++;
        }
        return out;
    }

    private static String daemonName(String type) {
        return switch (type) {
            case "mon" -> "monitor";
            case "mgr" -> "manager";
            default -> "MDS";
        };
    }

    private Object createDaemon(Request q, String type, String id) {
        NodeState node = cluster.node(q.node());
        for (Map<String, String> row : daemonRows(type)) {
            if (row.get("id").equals(id)) {
                throw ApiException.fail(daemonName(type) + " '" + id + "' already exists");
            }
            if (type.equals("mon") && row.get("host").equals(node.name)) {
                throw ApiException.fail("monitor address '" + node.ip + "' already in use");
            }
        }
        String address = q.str("mon-address");
        return cluster.startTask(node.name, "ceph" + type, id, q.user, t -> {
            Map<String, String> row = cluster.tables.table(DAEMONS, null).add("type", type, "id", id, "host", node.name);
            if (address != null) {
                row.put("addr", address);
            }
            if (q.flag("hotstandby")) {
                row.put("hotstandby", "1");
            }
            log("cluster [INF] " + type + "." + id + " created on " + node.name);
        }, "creating " + daemonName(type) + " " + type + "." + id + " on " + node.name);
    }

    private Object destroyDaemon(Request q, String type, String id) {
        NodeState node = cluster.node(q.node());
        Map<String, String> found = daemonRows(type).stream().filter(row -> row.get("id").equals(id)).findFirst()
                .orElseThrow(() -> ApiException.fail("no such " + daemonName(type) + " id '" + id + "'"));
        if (!found.get("host").equals(node.name)) {
            throw ApiException.fail(daemonName(type) + " '" + id + "' is not on node '" + node.name + "'");
        }
        if (type.equals("mon") && daemonRows("mon").size() <= 1) {
            throw ApiException.fail("can't remove last monitor");
        }
        return cluster.startTask(node.name, "ceph" + type + "destroy", id, q.user, t -> {
            cluster.tables.table(DAEMONS, null).rows.remove(found);
            log("cluster [INF] " + type + "." + id + " destroyed");
        });
    }

    // ---- OSDs: one row per OSD, id + host + dev + in + up ----

    private List<Map<String, String>> osdRows() {
        return cluster.tables.table(OSDS, null).rows;
    }

    private Map<String, String> osd(Request q) {
        cluster.node(q.node());
        String id = q.var("osdid");
        for (Map<String, String> row : osdRows()) {
            if (row.get("id").equals(id)) {
                return row;
            }
        }
        throw ApiException.fail("OSD 'osd." + id + "' does not exist");
    }

    /** The node a daemon or OSD runs on, online or not. */
    private NodeState host(String name) {
        return cluster.nodes.get(name);
    }

    private boolean up(Map<String, String> osd) {
        return host(osd.get("host")).online && !"0".equals(osd.get("up")) && !flagSet("noup");
    }

    private long used(Map<String, String> osd) {
        return Request.isTrue(osd.get("in")) ? OSD_SIZE / 5 + Long.parseLong(osd.get("id")) * 1_234_567_890L : 0;
    }

    /** {@code GET /nodes/{node}/ceph/osd}: the CRUSH tree, default root with a host per node and its OSDs. */
    private Map<String, Object> osdTree() {
        List<Map<String, Object>> hosts = new ArrayList<>();
        for (NodeState node : cluster.nodes.values()) {
            List<Map<String, Object>> osds = new ArrayList<>();
            for (Map<String, String> row : osdRows()) {
                if (!row.get("host").equals(node.name)) {
                    continue;
                }
                int id = Integer.parseInt(row.get("id"));
                boolean up = up(row);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", id);
                m.put("name", "osd." + id);
                m.put("type", "osd");
                m.put("host", node.name);
                m.put("status", up ? "up" : "down");
                m.put("in", Request.isTrue(row.get("in")) ? 1 : 0);
                m.put("device_class", row.get("class"));
                m.put("crush_weight", 1.8188);
                m.put("reweight", Request.isTrue(row.get("in")) ? 1 : 0);
                m.put("total_space", OSD_SIZE);
                m.put("bytes_used", used(row));
                m.put("percent_used", Views.round(100.0 * used(row) / OSD_SIZE));
                m.put("commit_latency_ms", up ? 1 + id % 3 : 0);
                m.put("apply_latency_ms", up ? 1 + id % 3 : 0);
                m.put("osdtype", "bluestore");
                m.put("blfsdev", row.get("dev"));
                m.put("version", cluster.pve.ceph());
                m.put("leaf", 1);
                osds.add(m);
            }
            Map<String, Object> host = new LinkedHashMap<>();
            host.put("id", -2 - node.index);
            host.put("name", node.name);
            host.put("type", "host");
            host.put("children", osds);
            host.put("version", cluster.pve.ceph());
            hosts.add(host);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("id", -1);
        root.put("name", "default");
        root.put("type", "root");
        root.put("children", hosts);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("root", Map.of("leaf", 0, "children", List.of(root)));
        List<String> flags = new ArrayList<>();
        for (String flag : FLAGS) {
            if (flagSet(flag)) {
                flags.add(flag);
            }
        }
        flags.addAll(List.of("sortbitwise", "recovery_deletes", "purged_snapdirs", "pglog_hardlimit"));
        out.put("flags", String.join(",", flags));
        return out;
    }

    private Object createOsd(Request q) {
        NodeState node = cluster.node(q.node());
        String dev = q.str("dev");
        if (!dev.matches("/dev/[A-Za-z0-9_./-]+")) {
            throw ApiException.fail("invalid block device '" + dev + "'");
        }
        for (Map<String, String> row : osdRows()) {
            if (row.get("host").equals(node.name) && (dev.equals(row.get("dev")) || dev.equals(row.get("db_dev")))) {
                throw ApiException.fail("device '" + dev + "' is already in use");
            }
        }
        int id = 0;
        for (Map<String, String> row : osdRows()) {
            id = Math.max(id, Integer.parseInt(row.get("id")) + 1);
        }
        int osd = id;
        return cluster.startTask(node.name, "cephcreateosd", dev.substring(dev.lastIndexOf('/') + 1), q.user, t -> {
            Map<String, String> row = cluster.tables.table(OSDS, null).add("id", String.valueOf(osd), "host", node.name,
                    "dev", dev, "class", q.str("crush-device-class", dev.contains("nvme") ? "nvme" : "ssd"), "in",
                    flagSet("noin") ? "0" : "1", "up", "1");
            if (q.has("db_dev")) {
                row.put("db_dev", q.str("db_dev"));
            }
            if (q.flag("encrypted")) {
                row.put("encrypted", "1");
            }
            log("cluster [INF] osd." + osd + " created on " + node.name + " (" + dev + ")");
        }, "create OSD on " + dev + " (bluestore)");
    }

    private Object destroyOsd(Request q) {
        Map<String, String> osd = osd(q);
        String id = osd.get("id");
        if (!osd.get("host").equals(q.node())) {
            throw ApiException.fail("OSD 'osd." + id + "' is not on node '" + q.node() + "'");
        }
        if (Request.isTrue(osd.get("in"))) {
            throw ApiException.fail("osd is in use (in == 1)");
        }
        if (up(osd)) {
            throw ApiException.fail("osd is still running");
        }
        return cluster.startTask(q.node(), "cephdestroyosd", id, q.user, t -> {
            osdRows().remove(osd);
            log("cluster [INF] osd." + id + " destroyed" + (q.flag("cleanup") ? ", " + osd.get("dev") + " wiped" : ""));
        }, "destroy OSD osd." + id);
    }

    private Map<String, Object> osdMetadata(Request q) {
        Map<String, String> osd = osd(q);
        NodeState node = host(osd.get("host"));
        int id = Integer.parseInt(osd.get("id"));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("id", id);
        meta.put("hostname", node.name);
        meta.put("osd_objectstore", "bluestore");
        meta.put("version", cluster.pve.cephVersionText());
        meta.put("pid", 2200 + id);
        meta.put("mem_usage", 3L << 30);
        meta.put("osd_data", "/var/lib/ceph/osd/ceph-" + id);
        meta.put("front_addr", node.ip + ":" + (6802 + 2 * id) + "/" + (3000 + id));
        meta.put("back_addr", node.ip + ":" + (6803 + 2 * id) + "/" + (3000 + id));
        meta.put("hb_front_addr", node.ip + ":" + (6806 + 2 * id) + "/" + (3000 + id));
        meta.put("hb_back_addr", node.ip + ":" + (6807 + 2 * id) + "/" + (3000 + id));
        List<Map<String, Object>> devices = new ArrayList<>();
        String dev = osd.get("dev");
        devices.add(Map.of("device", "block", "dev_node", "/dev/dm-" + id, "devices", dev.substring(dev.lastIndexOf('/') + 1),
                "size", OSD_SIZE, "type", "ssd", "support_discard", 1));
        if (osd.containsKey("db_dev")) {
            String db = osd.get("db_dev");
            devices.add(Map.of("device", "db", "dev_node", "/dev/dm-" + (100 + id), "devices", db.substring(db.lastIndexOf('/') + 1),
                    "size", OSD_SIZE / 10, "type", "ssd", "support_discard", 1));
        }
        return Map.of("osd", meta, "devices", devices);
    }

    private Map<String, Object> lvInfo(Request q) {
        Map<String, String> osd = osd(q);
        String type = q.str("type", "block");
        if (!type.equals("block") && !(type.equals("db") && osd.containsKey("db_dev"))) {
            throw ApiException.fail("could not find logical volume of type '" + type + "' for osd." + osd.get("id"));
        }
        String uuid = Configs.sha1("osd-" + osd.get("id") + type).substring(0, 8);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("vg_name", "ceph-" + uuid);
        out.put("lv_name", "osd-" + type + "-" + uuid);
        out.put("lv_path", "/dev/ceph-" + uuid + "/osd-" + type + "-" + uuid);
        out.put("lv_size", type.equals("block") ? OSD_SIZE : OSD_SIZE / 10);
        out.put("lv_uuid", uuid);
        out.put("creation_time", "2025-01-01 10:00:00 +0000");
        return out;
    }

    // ---- services, safety checks ----

    /** {@code POST /nodes/{node}/ceph/start|stop|restart}: service {@code ceph}, a type, or {@code type.id}. */
    private Object service(Request q, String command) {
        NodeState node = cluster.node(q.node());
        String service = q.str("service", "ceph.target");
        if (!service.matches("(ceph|mon|mds|osd|mgr)(\\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)?|ceph\\.target")
                || command.equals("restart") && service.startsWith("ceph") && !service.equals("ceph.target")) {
            throw ApiException.parameter("service", "value does not match the regex pattern");
        }
        String type = service.contains(".") && !service.equals("ceph.target") ? service.substring(0, service.indexOf('.')) : service;
        String id = service.contains(".") && !service.equals("ceph.target") ? service.substring(service.indexOf('.') + 1) : null;
        List<Map<String, String>> matched = new ArrayList<>();
        for (Map<String, String> row : osdRows()) {
            if (row.get("host").equals(node.name) && (type.startsWith("ceph") || type.equals("osd") && (id == null || id.equals(row.get("id"))))) {
                matched.add(row);
            }
        }
        for (Map<String, String> row : cluster.tables.table(DAEMONS, null).rows) {
            if (row.get("host").equals(node.name) && (type.startsWith("ceph") || type.equals(row.get("type"))
                    && (id == null || id.equals(row.get("id"))))) {
                matched.add(row);
            }
        }
        if (id != null && matched.isEmpty()) {
            throw ApiException.fail("unable to find service '" + service + "' on node '" + node.name + "'");
        }
        String running = command.equals("stop") ? "0" : "1";
        String key = "srv" + command;
        return cluster.startTask(node.name, key, service, q.user, t -> {
            for (Map<String, String> row : matched) {
                row.put(row.containsKey("type") ? "running" : "up", running);
            }
        });
    }

    private Map<String, Object> cmdSafety(Request q) {
        cluster.node(q.node());
        String service = q.str("service");
        String id = q.str("id");
        String action = q.str("action");
        Map<String, Object> out = new LinkedHashMap<>();
        if (service.equals("osd")) {
            Map<String, String> osd = osdRows().stream().filter(row -> row.get("id").equals(id)).findFirst().orElse(null);
            long upIn = osdRows().stream().filter(row -> up(row) && Request.isTrue(row.get("in"))).count();
            // ok-to-stop: enough OSDs stay up and in for every PG; safe-to-destroy: no PG is mapped to it (it is out)
            boolean safe = osd == null || (action.equals("stop") ? upIn > 2 || !up(osd) : !Request.isTrue(osd.get("in")));
            out.put("safe", safe ? 1 : 0);
            if (!safe) {
                out.put("status", action.equals("stop") ? "OSD(s) " + id + " would leave PGs inactive"
                        : "OSD(s) " + id + " have " + pgsOn(osd) + " pgs currently mapped to them");
            }
            return out;
        }
        long up = daemonRows(service).stream().filter(row -> host(row.get("host")).online && !"0".equals(row.get("running")))
                .count();
        boolean safe = service.equals("mon") ? up - 1 > daemonRows("mon").size() / 2 : up > 1;
        out.put("safe", safe ? 1 : 0);
        if (!safe) {
            out.put("status", service.equals("mon") ? "not enough monitors would be available (" + (up - 1) + " of "
                    + daemonRows("mon").size() + ") after stopping mon." + id : "no standby MDS would be left for the CephFS");
        }
        return out;
    }

    private long pgsOn(Map<String, String> osd) {
        long pgs = 0;
        for (Map<String, String> pool : cluster.tables.table(POOLS, null).rows) {
            pgs += Long.parseLong(pool.get("pg_num")) * Long.parseLong(pool.get("size"));
        }
        return pgs / Math.max(1, osdRows().size());
    }

    // ---- log, CRUSH map, configuration ----

    private void log(String line) {
        Tables.Table log = cluster.tables.table("/ceph/log", null);
        log.add("t", java.time.Instant.ofEpochSecond(cluster.now()).toString().replace("Z", "") + " mon." + firstMon()
                + " (mon.0) " + (log.rows.size() + 1) + " : " + line);
    }

    private String firstMon() {
        List<Map<String, String>> mons = daemonRows("mon");
        return mons.isEmpty() ? "?" : mons.getFirst().get("id");
    }

    private List<Map<String, Object>> log(Request q) {
        cluster.node(q.node());
        List<Map<String, String>> rows = cluster.tables.table("/ceph/log", null).rows;
        int start = q.integer("start", 0);
        int limit = q.integer("limit", 50);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = start; i < rows.size() && out.size() < limit; i++) {
            out.add(Map.of("n", i + 1, "t", rows.get(i).get("t")));
        }
        return out;
    }

    private String crushMap() {
        StringBuilder out = new StringBuilder("# begin crush map\ntunable choose_local_tries 0\ntunable choose_local_fallback_tries 0\n"
                + "tunable choose_total_tries 50\ntunable chooseleaf_descend_once 1\ntunable chooseleaf_vary_r 1\n"
                + "tunable chooseleaf_stable 1\ntunable straw_calc_version 1\ntunable allowed_bucket_algs 54\n\n# devices\n");
        for (Map<String, String> row : osdRows()) {
            out.append("device ").append(row.get("id")).append(" osd.").append(row.get("id")).append(" class ")
                    .append(row.get("class")).append('\n');
        }
        out.append("\n# types\ntype 0 osd\ntype 1 host\ntype 11 root\n\n# buckets\n");
        for (NodeState node : cluster.nodes.values()) {
            out.append("host ").append(node.name).append(" {\n\tid ").append(-2 - node.index).append("\n\talg straw2\n\thash 0\n");
            for (Map<String, String> row : osdRows()) {
                if (row.get("host").equals(node.name)) {
                    out.append("\titem osd.").append(row.get("id")).append(" weight 1.819\n");
                }
            }
            out.append("}\n");
        }
        out.append("root default {\n\tid -1\n\talg straw2\n\thash 0\n");
        cluster.nodes.values().forEach(n -> out.append("\titem ").append(n.name).append('\n'));
        out.append("}\n\n# rules\nrule replicated_rule {\n\tid 0\n\ttype replicated\n\tstep take default\n"
                + "\tstep chooseleaf firstn 0 type host\n\tstep emit\n}\n\n# end crush map\n");
        return out.toString();
    }

    private String cephConf() {
        NodeState first = cluster.nodes.values().iterator().next();
        String network = first.ip.replaceFirst("\\.[0-9]+$", ".0") + "/24";
        StringBuilder out = new StringBuilder("[global]\n\tauth_client_required = cephx\n\tauth_cluster_required = cephx\n"
                + "\tauth_service_required = cephx\n\tcluster_network = " + network + "\n\tfsid = " + fsid + "\n"
                + "\tmon_allow_pool_delete = true\n\tmon_host =");
        daemonRows("mon").forEach(m -> out.append(' ').append(host(m.get("host")).ip));
        out.append("\n\tms_bind_ipv4 = true\n\tms_bind_ipv6 = false\n\tosd_pool_default_min_size = 2\n"
                + "\tosd_pool_default_size = 3\n\tpublic_network = " + network + "\n\n[client]\n"
                + "\tkeyring = /etc/pve/priv/$cluster.$name.keyring\n");
        for (Map<String, String> mon : daemonRows("mon")) {
            out.append("\n[mon.").append(mon.get("id")).append("]\n\tpublic_addr = ")
                    .append(host(mon.get("host")).ip).append('\n');
        }
        return out.toString();
    }

    private static List<Map<String, Object>> configDb() {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(Map.of("section", "global", "name", "osd_pool_default_pg_autoscale_mode", "value", "on", "level", "advanced",
                "mask", "", "can_update_at_runtime", 1));
        out.add(Map.of("section", "mon", "name", "auth_allow_insecure_global_id_reclaim", "value", "false", "level", "advanced",
                "mask", "", "can_update_at_runtime", 1));
        out.add(Map.of("section", "mgr", "name", "mgr/dashboard/ssl", "value", "false", "level", "advanced", "mask", "",
                "can_update_at_runtime", 0));
        return out;
    }

    /** {@code config-keys} {@code section:key} pairs, looked up in ceph.conf's text. */
    private Map<String, Object> configValues(Request q) {
        cluster.node(q.node());
        String keys = q.str("config-keys");
        if (!keys.matches("(?i)[0-9a-z._-]+:[0-9a-z_-]+([;, ][0-9a-z._-]+:[0-9a-z_-]+)*")) {
            throw ApiException.parameter("config-keys", "value does not match the regex pattern");
        }
        Map<String, Map<String, String>> conf = new LinkedHashMap<>();
        String section = null;
        for (String line : cephConf().split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("[")) {
                section = trimmed.substring(1, trimmed.length() - 1);
            } else if (section != null && trimmed.contains(" = ")) {
                conf.computeIfAbsent(section, k -> new LinkedHashMap<>()).put(trimmed.substring(0, trimmed.indexOf(" = ")),
                        trimmed.substring(trimmed.indexOf(" = ") + 3));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String pair : keys.split("[;, ]")) {
            String[] parts = pair.split(":", 2);
            String value = conf.getOrDefault(parts[0], Map.of()).get(parts[1]);
            if (value != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> values = (Map<String, Object>) out.computeIfAbsent(parts[0], k -> new LinkedHashMap<String, Object>());
                values.put(parts[1], value);
            }
        }
        return out;
    }

    // ---- CephFS ----

    private List<Map<String, Object>> filesystems() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, String> row : cluster.tables.table(FS, null).rows) {
            out.add(Map.of("name", row.get("name"), "metadata_pool", row.get("metadata_pool"), "data_pool", row.get("data_pool")));
        }
        return out;
    }

    private Object createFs(Request q) {
        NodeState node = cluster.node(q.node());
        String name = q.var("name");
        if (!name.matches("[^:/\\s]+")) {
            throw ApiException.parameter("name", "value does not match the regex pattern");
        }
        for (Map<String, String> row : cluster.tables.table(FS, null).rows) {
            if (row.get("name").equals(name)) {
                throw ApiException.fail("ceph fs '" + name + "' already exists");
            }
        }
        String data = name + "_data";
        String metadata = name + "_metadata";
        for (Map<String, String> row : cluster.tables.table(POOLS, null).rows) {
            if (row.get("name").equals(data) || row.get("name").equals(metadata)) {
                throw ApiException.fail("pool '" + row.get("name") + "' already exists");
            }
        }
        if (daemonRows("mds").isEmpty()) {
            throw ApiException.fail("no MDS found, create one first (pveceph mds create)");
        }
        if (q.flag("add-storage") && cluster.storages().stream().anyMatch(st -> st.id().equals(name))) {
            throw ApiException.fail("storage ID '" + name + "' already defined");
        }
        String pgs = String.valueOf(q.integer("pg_num", 128));
        return cluster.startTask(node.name, "cephfscreate", name, q.user, t -> {
            Tables.Table pools = cluster.tables.table(POOLS, null);
            pools.add("name", data, "id", String.valueOf(nextPoolId(pools)), "size", "3", "min_size", "2", "pg_num", pgs,
                    "pg_autoscale_mode", "on", "crush_rule", "replicated_rule", "application", "cephfs", "used", "0");
            pools.add("name", metadata, "id", String.valueOf(nextPoolId(pools)), "size", "3", "min_size", "2", "pg_num",
                    String.valueOf(Math.max(8, Integer.parseInt(pgs) / 4)), "pg_autoscale_mode", "on", "crush_rule",
                    "replicated_rule", "application", "cephfs", "used", "0");
            cluster.tables.table(FS, null).add("name", name, "data_pool", data, "metadata_pool", metadata);
            if (q.flag("add-storage")) {
                cluster.tables.table(StorageCollections.PATH, null).add("storage", name, "type", "cephfs", "fs-name", name,
                        "path", "/mnt/pve/" + name, "content", "vztmpl,iso,backup");
            }
            log("cluster [INF] new fs '" + name + "' created");
        }, "creating data pool '" + data + "'...", "creating metadata pool '" + metadata + "'...");
    }

    private Map<String, String> poolRow(String name) {
        for (Map<String, String> row : cluster.tables.table(POOLS, null).rows) {
            if (row.get("name").equals(name)) {
                return row;
            }
        }
        throw ApiException.fail("pool '" + name + "' does not exist");
    }

    // ---- metadata, status ----

    private Map<String, Object> metadata() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String type : List.of("mon", "mgr", "mds")) {
            Map<String, Object> byId = new LinkedHashMap<>();
            for (Map<String, String> row : daemonRows(type)) {
                byId.put(row.get("id"), daemonMeta(row.get("id"), row.get("host")));
            }
            out.put(type, byId);
        }
        Map<String, Object> osds = new LinkedHashMap<>();
        for (Map<String, String> row : osdRows()) {
            Map<String, Object> m = daemonMeta("osd." + row.get("id"), row.get("host"));
            m.put("id", Integer.parseInt(row.get("id")));
            m.put("osd_objectstore", "bluestore");
            osds.put(row.get("id"), m);
        }
        out.put("osd", osds);
        Map<String, Object> nodes = new LinkedHashMap<>();
        for (NodeState node : cluster.nodes.values()) {
            String[] parts = cluster.pve.ceph().split("[.-]");
            nodes.put(node.name, Map.of("buildcommit", Configs.sha1("ceph-build").substring(0, 16), "version",
                    Map.of("str", cluster.pve.ceph(), "parts", List.of(parts[0], parts[1], parts[2]))));
        }
        out.put("node", nodes);
        return out;
    }

    private Map<String, Object> daemonMeta(String name, String host) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("hostname", host);
        m.put("addr", host(host).ip);
        m.put("ceph_release", cluster.pve.cephCodename());
        m.put("ceph_version", cluster.pve.cephVersionText());
        m.put("ceph_version_short", cluster.pve.ceph());
        m.put("mem_total_kb", 65_843_232);
        m.put("mem_swap_kb", 8_388_604);
        return m;
    }

    /** {@code ceph status}, trimmed to what the GUI and tools read; health follows the flags and the OSDs. */
    private Map<String, Object> status() {
        List<Map<String, String>> mons = daemonRows("mon");
        long monsUp = mons.stream().filter(m -> host(m.get("host")).online && !"0".equals(m.get("running"))).count();
        long osdsUp = osdRows().stream().filter(this::up).count();
        long osdsIn = osdRows().stream().filter(o -> Request.isTrue(o.get("in"))).count();
        long downIn = osdRows().stream().filter(o -> !up(o) && Request.isTrue(o.get("in"))).count();
        Map<String, Object> checks = new LinkedHashMap<>();
        if (monsUp < mons.size()) {
            checks.put("MON_DOWN", check(mons.size() - monsUp + "/" + mons.size() + " mons down, quorum " + String.join(",", quorumNames()),
                    mons.size() - monsUp));
        }
        List<String> flags = new ArrayList<>();
        for (String flag : FLAGS) {
            if (flagSet(flag)) {
                flags.add(flag);
            }
        }
        if (!flags.isEmpty()) {
            checks.put("OSDMAP_FLAGS", check(String.join(",", flags) + " flag(s) set", flags.size()));
        }
        long down = osdRows().size() - osdsUp;
        if (down > 0) {
            checks.put("OSD_DOWN", check(down + " osds down", down));
        }
        long pgs = 0;
        long used = 0;
        for (Map<String, String> pool : cluster.tables.table(POOLS, null).rows) {
            used += Long.parseLong(pool.getOrDefault("used", "0"));
            pgs += Long.parseLong(pool.get("pg_num"));
        }
        long degraded = downIn == 0 ? 0 : Math.max(1, pgs * downIn / Math.max(1, osdsIn));
        if (degraded > 0) {
            checks.put("PG_DEGRADED", check("Degraded data redundancy: " + degraded + " pgs degraded", degraded));
        }
        if (daemonRows("mgr").stream().noneMatch(m -> host(m.get("host")).online && !"0".equals(m.get("running")))) {
            checks.put("MGR_DOWN", check("no active mgr", 1));
        }
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", checks.isEmpty() ? "HEALTH_OK" : "HEALTH_WARN");
        health.put("checks", checks);
        health.put("mutes", List.of());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fsid", fsid);
        out.put("health", health);
        out.put("election_epoch", 42);
        out.put("quorum", quorumRanks());
        out.put("quorum_names", quorumNames());
        out.put("quorum_age", cluster.now() - cluster.nodes.values().iterator().next().bootTime);
        out.put("monmap", Map.of("epoch", 3, "min_mon_release_name", cluster.pve.cephCodename(), "num_mons", mons.size()));
        out.put("osdmap", Map.of("epoch", 211, "num_osds", osdRows().size(), "num_up_osds", osdsUp, "osd_up_since",
                cluster.now() - 86_400, "num_in_osds", osdsIn, "osd_in_since", cluster.now() - 86_400 * 30, "num_remapped_pgs", 0));
        Map<String, Object> pgmap = new LinkedHashMap<>();
        List<Map<String, Object>> states = new ArrayList<>();
        if (pgs - degraded > 0) {
            states.add(Map.of("state_name", "active+clean", "count", pgs - degraded));
        }
        if (degraded > 0) {
            states.add(Map.of("state_name", "active+undersized+degraded", "count", degraded));
        }
        long total = osdsIn * OSD_SIZE;
        pgmap.put("pgs_by_state", states);
        pgmap.put("num_pgs", pgs);
        pgmap.put("num_pools", cluster.tables.table(POOLS, null).rows.size());
        pgmap.put("num_objects", used / 4_194_304);
        pgmap.put("data_bytes", used / 3);
        pgmap.put("bytes_used", used);
        pgmap.put("bytes_avail", Math.max(0, total - used));
        pgmap.put("bytes_total", total);
        boolean paused = flagSet("pause");
        pgmap.put("read_bytes_sec", paused ? 0 : 1_843_200);
        pgmap.put("write_bytes_sec", paused ? 0 : 4_505_600);
        pgmap.put("read_op_per_sec", paused ? 0 : 61);
        pgmap.put("write_op_per_sec", paused ? 0 : 187);
        out.put("pgmap", pgmap);
        List<Map<String, Object>> ranks = new ArrayList<>();
        long standby = 0;
        for (Map<String, Object> mds : daemons("mds")) {
            if ("up:active".equals(mds.get("state")) && !cluster.tables.table(FS, null).rows.isEmpty()) {
                ranks.add(Map.of("filesystem_id", 1, "rank", 0, "name", mds.get("name"), "status", "up:active", "gid", 24_151));
            } else if (!"stopped".equals(mds.get("state"))) {
                standby++;
            }
        }
        out.put("fsmap", Map.of("epoch", 12, "id", 1, "up", ranks.size(), "in", ranks.size(), "max", 1, "by_rank", ranks,
                "up:standby", standby));
        long mgrs = daemons("mgr").stream().filter(m -> !"stopped".equals(m.get("state"))).count();
        out.put("mgrmap", Map.of("available", mgrs > 0, "num_standbys", Math.max(0, mgrs - 1), "modules",
                List.of("iostat", "nfs", "restful")));
        out.put("servicemap", Map.of("epoch", 5, "modified", "2025-01-01T00:00:00.000000+0000", "services", Map.of()));
        return out;
    }

    private static Map<String, Object> check(String message, long count) {
        return Map.of("severity", "HEALTH_WARN", "muted", false, "summary", Map.of("message", message, "count", count));
    }

    private List<Integer> quorumRanks() {
        List<Integer> out = new ArrayList<>();
        int rank = 0;
        for (Map<String, String> mon : daemonRows("mon")) {
            if (host(mon.get("host")).online && !"0".equals(mon.get("running"))) {
                out.add(rank);
            }
            rank++;
        }
        return out;
    }

    private List<String> quorumNames() {
        List<String> out = new ArrayList<>();
        for (Map<String, String> mon : daemonRows("mon")) {
            if (host(mon.get("host")).online && !"0".equals(mon.get("running"))) {
                out.add(mon.get("id"));
            }
        }
        return out;
    }

    // ---- seed: a monitor, a manager and an MDS per node, two OSDs each, the manager pool, an RBD pool for VM
    // disks and the two pools of the CephFS ----

    private void seed() {
        Tables.Table daemons = cluster.tables.table(DAEMONS, null);
        Tables.Table osds = cluster.tables.table(OSDS, null);
        int osd = 0;
        for (NodeState node : cluster.nodes.values()) {
            for (String type : List.of("mon", "mgr", "mds")) {
                daemons.add("type", type, "id", node.name, "host", node.name);
            }
            for (int i = 0; i < 2; i++, osd++) {
                osds.add("id", String.valueOf(osd), "host", node.name, "dev", "/dev/nvme" + i + "n1", "class", "ssd", "in", "1",
                        "up", "1");
            }
        }
        cluster.tables.table(FS, null).add("name", "cephfs", "data_pool", "cephfs_data", "metadata_pool", "cephfs_metadata");
        Tables.Table log = cluster.tables.table("/ceph/log", null);
        long start = cluster.now() - 3600;
        String mon = cluster.nodes.keySet().iterator().next();
        for (String line : List.of("cluster [INF] overall HEALTH_OK", "cluster [DBG] pgmap v48211: 177 pgs: 177 active+clean",
                "cluster [INF] osd.3 scrub ok", "cluster [INF] overall HEALTH_OK")) {
            log.add("t", java.time.Instant.ofEpochSecond(start).toString().replace("Z", "") + " mon." + mon + " (mon.0) "
                    + (log.rows.size() + 1) + " : " + line);
            start += 900;
        }
        Tables.Table pools = cluster.tables.table(POOLS, null);
        pools.add("name", ".mgr", "id", "1", "size", "3", "min_size", "2", "pg_num", "1", "pg_autoscale_mode", "on",
                "crush_rule", "replicated_rule", "application", "mgr", "used", "3244032");
        pools.add("name", "vm-pool", "id", "2", "size", "3", "min_size", "2", "pg_num", "128", "pg_autoscale_mode", "on",
                "crush_rule", "replicated_rule", "application", "rbd", "used", String.valueOf(412L << 30));
        pools.add("name", "cephfs_data", "id", "3", "size", "3", "min_size", "2", "pg_num", "32", "pg_autoscale_mode", "on",
                "crush_rule", "replicated_rule", "application", "cephfs", "used", String.valueOf(57L << 30));
        pools.add("name", "cephfs_metadata", "id", "4", "size", "3", "min_size", "2", "pg_num", "16", "pg_autoscale_mode", "on",
                "crush_rule", "replicated_rule", "application", "cephfs", "used", String.valueOf(96L << 20));
    }
}
