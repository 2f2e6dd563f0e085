package io.github.proxmoxmcp.sandbox;

import io.github.proxmoxmcp.sandbox.ConfigCollection.Op;
import io.github.proxmoxmcp.sandbox.ConfigCollection.Refusal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hyper-converged Ceph cluster on the three nodes: status and health, monitors, managers, OSDs, the CephFS and its
 * metadata servers (plain reads), and the pools (a collection whose writes are tasks, as {@code pveceph} runs them).
 */
final class CephApi {

    static final String POOLS = "/ceph/pools";
    private static final long TIB = 1L << 40;
    private static final long OSD_SIZE = 2 * TIB - (1L << 30) * 40;
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
        r.get("/nodes/{node}/ceph", "", q -> NodeApi.names("cfg", "cmd-safety", "crush", "fs", "init", "log", "mds",
                "mgr", "mon", "osd", "pool", "restart", "rules", "start", "status", "stop"));
        r.get("/nodes/{node}/ceph/mon", "", q -> daemons("mon"));
        r.get("/nodes/{node}/ceph/mgr", "", q -> daemons("mgr"));
        r.get("/nodes/{node}/ceph/mds", "", q -> daemons("mds"));
        r.get("/nodes/{node}/ceph/osd", "", q -> osdTree());
        r.get("/nodes/{node}/ceph/fs", "", q -> List.of(Map.of("name", "cephfs", "metadata_pool", "cephfs_metadata",
                "data_pool", "cephfs_data")));
        r.get("/nodes/{node}/ceph/rules", "", q -> List.of(Map.of("name", "replicated_rule")));
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
                .beforeDelete(w -> {
                    for (StorageDef storage : cluster.storages()) {
                        if (storage.type().equals("rbd") && w.id().equals(poolOfStorage(storage.id()))
                                && !w.request().flag("remove_storages")) {
                            throw ApiException.fail("ceph pool '" + w.id() + "' still in use by storage '" + storage.id() + "'");
                        }
                    }
                })
                .view((q, row, out) -> pool(q, row, out))
                .register(r, cluster);
        seed();
    }

    private String poolOfStorage(String storage) {
        for (Map<String, String> row : cluster.tables.table(StorageCollections.PATH, null).rows) {
            if (row.get("storage").equals(storage)) {
                return row.getOrDefault("pool", storage);
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
        Map<String, String> set = cluster.tables.table("/ceph/flags", null).rows.isEmpty() ? Map.of()
                : cluster.tables.table("/ceph/flags", null).rows.getFirst();
        for (String flag : FLAGS) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", flag);
            m.put("description", flag);
            m.put("value", Request.isTrue(set.getOrDefault(flag, "0")) ? 1 : 0);
            out.add(m);
        }
        return out;
    }

    private List<Map<String, Object>> daemons(String kind) {
        List<Map<String, Object>> out = new ArrayList<>();
        int rank = 0;
        for (NodeState node : cluster.nodes.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", node.name);
            m.put("host", node.name);
            m.put("addr", node.ip + (kind.equals("mon") ? ":6789/0" : ":6801/" + (1000 + node.index)));
            boolean up = node.online;
            switch (kind) {
                case "mon" -> {
                    m.put("rank", rank);
                    m.put("quorum", up ? 1 : 0);
                    m.put("state", up ? "running" : "stopped");
                    m.put("direxists", 1);
                    m.put("service", 1);
                }
                case "mgr" -> m.put("state", !up ? "stopped" : rank == 0 ? "active" : "standby");
                default -> {
                    m.put("state", !up ? "stopped" : rank == 0 ? "up:active" : "up:standby");
                    if (rank == 0) {
                        m.put("rank", 0);
                    }
                    m.put("standby_replay", 0);
                }
            }
            m.put("ceph_version", cluster.pve.cephVersionText());
            m.put("ceph_version_short", cluster.pve.ceph());
            out.add(m);
            rank++;
        }
        return out;
    }

    /** {@code GET /nodes/{node}/ceph/osd}: the CRUSH tree, default root with a host per node and two OSDs each. */
    private Map<String, Object> osdTree() {
        List<Map<String, Object>> hosts = new ArrayList<>();
        int osd = 0;
        for (NodeState node : cluster.nodes.values()) {
            List<Map<String, Object>> osds = new ArrayList<>();
            for (int i = 0; i < 2; i++, osd++) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", osd);
                m.put("name", "osd." + osd);
                m.put("type", "osd");
                m.put("host", node.name);
                m.put("status", node.online ? "up" : "down");
                m.put("in", 1);
                m.put("device_class", "ssd");
                m.put("crush_weight", 1.8188);
                m.put("reweight", 1);
                m.put("total_space", OSD_SIZE);
                m.put("bytes_used", OSD_SIZE / 5 + osd * 1_234_567_890L);
                m.put("percent_used", Views.round(100.0 * (OSD_SIZE / 5 + osd * 1_234_567_890L) / OSD_SIZE));
                m.put("commit_latency_ms", node.online ? 1 + osd % 3 : 0);
                m.put("apply_latency_ms", node.online ? 1 + osd % 3 : 0);
                m.put("osdtype", "bluestore");
                m.put("blfsdev", "/dev/nvme" + i + "n1");
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
        out.put("flags", "sortbitwise,recovery_deletes,purged_snapdirs,pglog_hardlimit");
        return out;
    }

    /** {@code ceph status}, trimmed to what the GUI and tools read. */
    private Map<String, Object> status() {
        long online = cluster.nodes.values().stream().filter(n -> n.online).count();
        int total = cluster.nodes.size();
        boolean healthy = online == total;
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", healthy ? "HEALTH_OK" : "HEALTH_WARN");
        Map<String, Object> checks = new LinkedHashMap<>();
        if (!healthy) {
            long down = total - online;
            checks.put("MON_DOWN", Map.of("severity", "HEALTH_WARN", "muted", false,
                    "summary", Map.of("message", down + "/" + total + " mons down, quorum " + quorumNames(), "count", down)));
            checks.put("OSD_DOWN", Map.of("severity", "HEALTH_WARN", "muted", false,
                    "summary", Map.of("message", 2 * down + " osds down", "count", 2 * down)));
        }
        health.put("checks", checks);
        health.put("mutes", List.of());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fsid", fsid);
        out.put("health", health);
        out.put("election_epoch", 42);
        out.put("quorum", quorumRanks());
        out.put("quorum_names", quorumNames());
        out.put("quorum_age", cluster.now() - cluster.nodes.values().iterator().next().bootTime);
        out.put("monmap", Map.of("epoch", 3, "min_mon_release_name", cluster.pve.cephCodename(), "num_mons", total));
        out.put("osdmap", Map.of("epoch", 211, "num_osds", 2 * total, "num_up_osds", 2 * online, "osd_up_since", cluster.now() - 86_400,
                "num_in_osds", 2 * total, "osd_in_since", cluster.now() - 86_400 * 30, "num_remapped_pgs", 0));
        long used = 0;
        long pgs = 0;
        for (Map<String, String> pool : cluster.tables.table(POOLS, null).rows) {
            used += Long.parseLong(pool.getOrDefault("used", "0"));
            pgs += Long.parseLong(pool.get("pg_num"));
        }
        Map<String, Object> pgmap = new LinkedHashMap<>();
        pgmap.put("pgs_by_state", List.of(Map.of("state_name", healthy ? "active+clean" : "active+undersized+degraded", "count", pgs)));
        pgmap.put("num_pgs", pgs);
        pgmap.put("num_pools", cluster.tables.table(POOLS, null).rows.size());
        pgmap.put("num_objects", used / 4_194_304);
        pgmap.put("data_bytes", used / 3);
        pgmap.put("bytes_used", used);
        pgmap.put("bytes_avail", 6 * OSD_SIZE - used);
        pgmap.put("bytes_total", 6 * OSD_SIZE);
        pgmap.put("read_bytes_sec", 1_843_200);
        pgmap.put("write_bytes_sec", 4_505_600);
        pgmap.put("read_op_per_sec", 61);
        pgmap.put("write_op_per_sec", 187);
        out.put("pgmap", pgmap);
        out.put("fsmap", Map.of("epoch", 12, "id", 1, "up", 1, "in", 1, "max", 1,
                "by_rank", List.of(Map.of("filesystem_id", 1, "rank", 0, "name", "pve1", "status", "up:active", "gid", 24_151)),
                "up:standby", total - 1));
        out.put("mgrmap", Map.of("available", true, "num_standbys", total - 1, "modules", List.of("iostat", "nfs", "restful")));
        out.put("servicemap", Map.of("epoch", 5, "modified", "2025-01-01T00:00:00.000000+0000", "services", Map.of()));
        return out;
    }

    private List<Integer> quorumRanks() {
        List<Integer> out = new ArrayList<>();
        int rank = 0;
        for (NodeState node : cluster.nodes.values()) {
            if (node.online) {
                out.add(rank);
            }
            rank++;
        }
        return out;
    }

    private List<String> quorumNames() {
        return cluster.nodes.values().stream().filter(n -> n.online).map(n -> n.name).toList();
    }

    // ---- seed: the manager pool, an RBD pool for VM disks and the two pools of the CephFS ----

    private void seed() {
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
