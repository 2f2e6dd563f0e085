package io.github.proxmoxmcp.sandbox;

import io.github.proxmoxmcp.sandbox.ConfigCollection.Op;
import io.github.proxmoxmcp.sandbox.ConfigCollection.Refusal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Cluster-wide configuration: pools, backup jobs (jobs.cfg), storage replication jobs and their status on the nodes,
 * resource mappings (PCI, USB, directories) and external metric servers.
 */
final class ClusterCollections {

    static final String POOLS = "/pools";
    static final String BACKUP = "/cluster/backup";
    static final String REPLICATION = "/cluster/replication";
    private static final String BACKUP_OPTIONS = "all:bool bwlimit:int(0..) comment compress:0|1|gzip|lzo|zstd dow enabled:bool "
            + "exclude exclude-path fleecing ionice:int(0..8) lockwait:int(0..) mailnotification:always|failure mailto "
            + "mode:snapshot|suspend|stop node:pve-node notes-template notification-mode:auto|legacy-sendmail|notification-system "
            + "pbs-change-detection-mode:legacy|data|metadata performance pigz:int pool protected:bool prune-backups "
            + "quiet:bool remove:bool repeat-missed:bool schedule script starttime stdexcludes:bool stop:bool "
            + "stopwait:int(0..) storage:pve-storage-id tmpdir vmid zstd:int";

    private ClusterCollections() {
    }

    static void register(Router r, Cluster c) {
        Views views = new Views(c);
        pools(r, c, views);
        backupJobs(r, c);
        replication(r, c);
        corosyncNodes(r, c);
        ClusterSetupApi.register(r, c);
        r.get("/cluster/jobs/schedule-analyze", "schedule* iterations:int(1..100) starttime:int",
                q -> scheduleAnalyze(q.str("schedule"), q.integer("iterations", 10),
                        q.has("starttime") ? Long.parseLong(q.str("starttime")) : c.now()));
        r.get("/cluster/backup-info/not-backed-up", "", q -> notBackedUp(c));
        r.get("/cluster/mapping", "", q -> NodeApi.names("dir", "pci", "usb"));
        for (String kind : List.of("pci", "usb", "dir")) {
            ConfigCollection.keyed("/cluster/mapping/" + kind, "id:pve-configid")
                    .fields("description map*:list" + (kind.equals("pci") ? " mdev:bool live-migration-capable:bool" : ""))
                    .params(Op.LIST, "check-node:pve-node").insert(ConfigCollection.Insert.SORTED).digest()
                    .duplicate(Refusal.fail(kind + " ID '{id}' already defined"))
                    .missing(Refusal.fail(kind + " ID '{id}' does not exist"))
                    .failures("create hardware mapping failed: ", "update hardware mapping failed: ", "delete hardware mapping failed: ")
                    .view((q, row, out) -> out.putIfAbsent("description", ""))
                    .register(r, c);
        }
        r.get("/cluster/metrics", "", q -> NodeApi.names("export", "server"));
        ConfigCollection.keyed("/cluster/metrics/server", "id:pve-configid")
                .createAtItem()
                .fields("type*:graphite|influxdb|opentelemetry server* port*:int(1..65536) disable:bool mtu:int(512..65536) "
                        + "timeout:int(0..) path proto:udp|tcp influxdbproto:udp|http|https organization bucket token! "
                        + "api-path-prefix max-body-size:int(1..) verify-certificate:bool")
                .fixed("type").insert(ConfigCollection.Insert.SORTED).digest()
                .duplicate(Refusal.fail("Metric server '{id}' already exists"))
                .missing(Refusal.fail("status server entry '{id}' does not exist"))
                .failures("create metric server failed: ", "update metric server failed: ", "delete metric server failed: ")
                .view((q, row, out) -> {
                    if (q.path.equals("/cluster/metrics/server")) {
                        out.keySet().retainAll(List.of("id", "type", "server", "port", "disable"));
                        out.putIfAbsent("disable", 0);
                    }
                })
                .register(r, c);
        seed(c);
    }

    // ---- pools: the config is a collection, guest membership lives on the guests ----

    private static void pools(Router r, Cluster c, Views views) {
        ConfigCollection pools = ConfigCollection.keyed(POOLS, "poolid:pve-poolid").fields("comment")
                .filter("poolid:pve-poolid type:qemu|lxc|storage", (q, row) -> !q.has("poolid") || q.str("poolid").equals(row.get("poolid")))
                .params(Op.READ, "type:qemu|lxc|storage").params(Op.UPDATE, "vms storage delete:bool allow-move:bool")
                .noDelete().insert(ConfigCollection.Insert.SORTED)
                .duplicate(Refusal.fail("pool '{id}' already exists"))
                .missing(Refusal.fail("pool '{id}' does not exist"))
                .failures("create pool failed: ", "update pools failed: ", "delete pool failed: ")
                .validate(w -> {
                    String pool = w.id();
                    if (w.before() == null && pool.contains("/")) {
                        String parent = pool.substring(0, pool.lastIndexOf('/'));
                        if (!poolExists(c, parent)) {
                            throw ApiException.fail("create pool failed: parent '" + parent + "' of pool '" + pool + "' does not exist");
                        }
                    }
                    if (w.before() != null) {
                        changeMembers(c, w.request(), pool, w.item());
                    }
                })
                .beforeDelete(w -> {
                    for (Guest guest : c.guests.values()) {
                        if (w.id().equals(guest.pool)) {
                            throw ApiException.fail("delete pool failed: pool '" + w.id() + "' is not empty (contains VM " + guest.vmid + ")");
                        }
                    }
                    for (String storage : GuestApi.splitList(w.before().getOrDefault("storage", ""))) {
                        throw ApiException.fail("delete pool failed: pool '" + w.id() + "' is not empty (contains storage '" + storage + "')");
                    }
                })
                .view((q, row, out) -> {
                    out.remove("storage");
                    boolean item = !q.path.equals(POOLS);
                    if (item || q.has("poolid")) {
                        out.put("members", members(c, views, row, q.str("type")));
                    }
                    if (item) {
                        out.remove("poolid");
                    }
                })
                .register(r, c);
        // PVE 8.1 added these, naming the pool in a parameter so nested pools (a/b) can be addressed.
        r.put(POOLS, "poolid*:pve-poolid comment vms storage delete:bool allow-move:bool", q -> pools.handle(Op.UPDATE,
                new Request("PUT", POOLS + "/" + q.str("poolid"), Map.of("poolid", q.str("poolid")), q.params, q.user)));
        r.delete(POOLS, "poolid*:pve-poolid", q -> pools.handle(Op.DELETE,
                new Request("DELETE", POOLS + "/" + q.str("poolid"), Map.of("poolid", q.str("poolid")), Map.of(), q.user)));
    }

    static boolean poolExists(Cluster c, String pool) {
        return c.tables.table(POOLS, null).rows.stream().anyMatch(row -> row.get("poolid").equals(pool));
    }

    /** {@code PUT /pools}: adds or (with {@code delete}) removes guests and storages, as PVE::API2::Pool does. */
    private static void changeMembers(Cluster c, Request q, String pool, Map<String, String> row) {
        String prefix = "update pools failed: ";
        boolean remove = q.flag("delete");
        for (String id : GuestApi.splitList(q.str("vms"))) {
            Guest guest = id.matches("\\d+") ? c.guests.get(Integer.parseInt(id)) : null;
            if (remove) {
                if (guest == null || !pool.equals(guest.pool)) {
                    throw ApiException.fail(prefix + "VM " + id + " is not a pool member");
                }
                guest.pool = null;
            } else {
                if (guest != null && pool.equals(guest.pool)) {
                    throw ApiException.fail(prefix + "VM " + id + " is already a pool member");
                }
                if (guest != null && guest.pool != null && !q.flag("allow-move")) {
                    throw ApiException.fail(prefix + "VM " + id + " belongs already to pool '" + guest.pool
                            + "' and 'allow-move' is not set");
                }
                if (guest != null) {
                    guest.pool = pool;
                }
            }
        }
        TreeSet<String> storages = new TreeSet<>(GuestApi.splitList(row.getOrDefault("storage", "")));
        for (String storage : GuestApi.splitList(q.str("storage"))) {
            if (remove && !storages.remove(storage)) {
                throw ApiException.fail(prefix + "Storage '" + storage + "' is not a pool member");
            }
            if (!remove && !storages.add(storage)) {
                throw ApiException.fail(prefix + "Storage '" + storage + "' is already a pool member");
            }
        }
        if (storages.isEmpty()) {
            row.remove("storage");
        } else {
            row.put("storage", String.join(",", storages));
        }
    }

    private static List<Map<String, Object>> members(Cluster c, Views views, Map<String, String> pool, String type) {
        String poolid = pool.get("poolid");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Guest guest : c.guests.values()) {
            if (poolid.equals(guest.pool) && (type == null || type.equals(guest.type))) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", guest.type + "/" + guest.vmid);
                m.put("type", guest.type);
                m.put("node", guest.node);
                m.putAll(views.guestSummary(guest, !c.nodes.get(guest.node).online));
                out.add(m);
            }
        }
        if (type == null || type.equals("storage")) {
            String node = c.nodes.keySet().iterator().next();
            for (String id : GuestApi.splitList(pool.getOrDefault("storage", ""))) {
                for (StorageDef storage : c.storages()) {
                    if (storage.id().equals(id)) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("id", "storage/" + node + "/" + id);
                        m.put("type", "storage");
                        m.put("storage", id);
                        m.put("node", node);
                        m.put("status", "available");
                        m.put("plugintype", storage.type());
                        m.put("content", storage.contentList());
                        m.put("shared", storage.shared() ? 1 : 0);
                        m.put("disk", c.used(storage, node));
                        m.put("maxdisk", storage.total());
                        out.add(m);
                    }
                }
            }
        }
        return out;
    }

    // ---- backup jobs ----

    private static void backupJobs(Router r, Cluster c) {
        ConfigCollection.keyed(BACKUP, "id:pve-configid").fields(BACKUP_OPTIONS + " type:vzdump")
                .storedDefaults("type=vzdump enabled=1").insert(ConfigCollection.Insert.APPEND)
                .duplicate(Refusal.fail("Job '{id}' already exists"))
                .missing(Refusal.param("id", "No such job '{id}'"))
                .deleteRefusals(Refusal.param("delete", "unknown option '{key}'"), Refusal.param("delete", "unknown option '{key}'"), null)
                .idFrom(q -> q.has("id") ? q.str("id") : c.uuid())
                .params(Op.CREATE, "id:pve-configid")
                .validate(w -> {
                    Map<String, String> job = w.item();
                    if (job.containsKey("schedule") && job.containsKey("starttime")) {
                        throw ApiException.parameter("starttime", "'starttime' and 'schedule' cannot both be set");
                    }
                    if (!job.containsKey("schedule") && !job.containsKey("starttime")) {
                        throw ApiException.parameter("schedule", "neither 'starttime' nor 'schedule' were set");
                    }
                    for (String other : List.of("all", "exclude", "pool")) {
                        if (job.containsKey("vmid") && job.containsKey(other) && !"0".equals(job.get(other))) {
                            throw ApiException.parameter(other, "option conflicts with option 'vmid'");
                        }
                    }
                    if (job.containsKey("exclude") && !job.containsKey("pool")) {
                        job.put("all", "1");
                    }
                    if (!job.containsKey("vmid") && !Request.isTrue(job.getOrDefault("all", "0"))
                            && !Request.isTrue(job.getOrDefault("stop", "0")) && !job.containsKey("pool")) {
                        throw ApiException.parameter("vmid", "property is missing");
                    }
                })
                .view((q, row, out) -> {
                    Long next = nextRun(row.get("schedule"), c.now());
                    if (q.path.equals(BACKUP) && next != null && Request.isTrue(row.getOrDefault("enabled", "1"))) {
                        out.put("next-run", next);
                    }
                })
                .register(r, c);
        r.get(BACKUP + "/{id}/included_volumes", "id:pve-configid", q -> includedVolumes(c, q.var("id")));
    }

    /** The next start of a schedule after {@code now}, or null when the sandbox cannot compute it. */
    static Long nextRun(String schedule, long now) {
        try {
            return schedule == null ? null : CalendarEvent.parse(schedule).next(now);
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    /** The runs of a schedule after {@code start}. */
    private static List<Map<String, Object>> scheduleAnalyze(String schedule, long iterations, long start) {
        CalendarEvent event;
        try {
            event = CalendarEvent.parse(schedule);
        } catch (IllegalArgumentException unreadable) {
            throw ApiException.parameter("schedule", "value does not look like a valid calendar event: " + unreadable.getMessage());
        }
        List<Map<String, Object>> runs = new ArrayList<>();
        long from = start;
        for (long i = 0; i < iterations; i++) {
            Long next = event.next(from);
            if (next == null) {
                break;
            }
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("timestamp", next);
            run.put("utc", LocalDateTime.ofEpochSecond(next, 0, ZoneOffset.UTC).toString().replace('T', ' '));
            runs.add(run);
            from = next;
        }
        return runs;
    }

    /** Whether a backup job's selection (vmid list, pool, or all with excludes; on one node or all) takes the guest. */
    private static boolean selects(Map<String, String> job, Guest guest) {
        List<String> excluded = GuestApi.splitList(job.getOrDefault("exclude", ""));
        boolean selected = Request.isTrue(job.getOrDefault("all", "0"))
                ? !excluded.contains(String.valueOf(guest.vmid))
                : job.containsKey("pool") ? job.get("pool").equals(guest.pool)
                : GuestApi.splitList(job.getOrDefault("vmid", "")).contains(String.valueOf(guest.vmid));
        return selected && (!job.containsKey("node") || job.get("node").equals(guest.node));
    }

    /** The guests a job backs up, each with its volumes and whether vzdump includes them. */
    private static Map<String, Object> includedVolumes(Cluster c, String id) {
        Map<String, String> job = c.tables.table(BACKUP, null).rows.stream().filter(row -> row.get("id").equals(id))
                .findFirst().orElseThrow(() -> ApiException.parameter("id", "No such job '" + id + "'"));
        List<Map<String, Object>> guests = new ArrayList<>();
        for (Guest guest : c.guests.values()) {
            if (!selects(job, guest)) {
                continue;
            }
            List<Map<String, Object>> volumes = new ArrayList<>();
            for (Configs.Disk disk : Configs.disks(guest.config)) {
                if (disk.cdrom() || disk.key().startsWith("unused")) {
                    continue;
                }
                boolean included = !guest.config.get(disk.key()).matches(".*(^|,)backup=0(,|$).*");
                String reason = disk.key().equals("rootfs") ? "rootfs" : disk.key().startsWith("efidisk") ? "efidisk"
                        : disk.key().startsWith("tpmstate") ? "TPM state" : included ? "enabled" : "disabled";
                Map<String, Object> volume = new LinkedHashMap<>();
                volume.put("id", disk.key());
                volume.put("name", disk.volid());
                volume.put("included", included ? 1 : 0);
                volume.put("reason", reason);
                volumes.add(volume);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", guest.vmid);
            m.put("type", guest.type);
            if (guest.name() != null) {
                m.put("name", guest.name());
            }
            m.put("children", volumes);
            guests.add(m);
        }
        return Map.of("children", guests);
    }

    /** Guests that no enabled backup job selects, by vmid list, pool or all-with-excludes (PVE::API2::BackupInfo). */
    private static List<Map<String, Object>> notBackedUp(Cluster c) {
        TreeSet<Integer> covered = new TreeSet<>();
        for (Map<String, String> job : c.tables.table(BACKUP, null).rows) {
            if (!Request.isTrue(job.getOrDefault("enabled", "1"))) {
                continue;
            }
            for (Guest guest : c.guests.values()) {
                if (selects(job, guest)) {
                    covered.add(guest.vmid);
                }
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Guest guest : c.guests.values()) {
            if (!covered.contains(guest.vmid)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("vmid", guest.vmid);
                m.put("type", guest.type);
                if (guest.name() != null) {
                    m.put("name", guest.name());
                }
                out.add(m);
            }
        }
        out.sort(java.util.Comparator.comparingInt(m -> (Integer) m.get("vmid")));
        return out;
    }

    /** corosync.conf's node list: one vote each, ring0 on the node's address. */
    private static void corosyncNodes(Router r, Cluster c) {
        r.get("/cluster/config/nodes", "", q -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (NodeState node : ClusterSetupApi.members(c)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", node.name);
                m.put("node", node.name);
                m.put("nodeid", String.valueOf(node.index));
                m.put("quorum_votes", "1");
                m.put("ring0_addr", node.ip);
                out.add(m);
            }
            return out;
        });
    }

    // ---- replication ----

    private static void replication(Router r, Cluster c) {
        ConfigCollection jobs = ConfigCollection.keyed(REPLICATION, "id")
                .fields("type*:local target*:pve-node comment disable:bool rate:num(1..) remove_job:local|full schedule source:pve-node")
                .params(Op.DELETE, "force:bool keep:bool")
                .fixed("type", "target").insert(ConfigCollection.Insert.SORTED).digest()
                .duplicate(Refusal.fail("replication job '{id}' already exists"))
                .missing(Refusal.fail("no such replication job '{id}'"))
                .failures("", "", "")
                .shows("guest:int jobnum:int")
                .validate(w -> {
                    String id = w.id();
                    if (!id.matches("[1-9][0-9]{2,8}-\\d{1,9}")) {
                        throw ApiException.parameter("id", "invalid format - replication job id '" + id + "' is invalid\n");
                    }
                    if (w.before() != null) {
                        return;
                    }
                    String guestId = id.substring(0, id.indexOf('-'));
                    Guest guest = c.guests.get(Integer.parseInt(guestId));
                    if (guest == null) {
                        throw ApiException.fail("Guest '" + guestId + "' does not exist.");
                    }
                    String target = w.item().get("target");
                    if (!c.nodes.containsKey(target)) {
                        throw ApiException.fail("Target '" + target + "' does not exist.");
                    }
                    String source = w.item().getOrDefault("source", guest.node);
                    if (!source.equals(guest.node)) {
                        throw ApiException.fail("Source '" + source + "' does not match current node of guest '" + guestId
                                + "' (" + guest.node + ")");
                    }
                    if (source.equals(target)) {
                        throw ApiException.fail("Source and target must not be identical");
                    }
                    w.item().put("guest", guestId);
                    w.item().put("jobnum", id.substring(id.indexOf('-') + 1));
                })
                .register(r, c);
        r.get("/nodes/{node}/replication", "guest:int", q -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, String> job : c.tables.table(REPLICATION, null).rows) {
                Guest guest = c.guests.get(Integer.parseInt(job.get("guest")));
                if (guest != null && guest.node.equals(q.node())
                        && (!q.has("guest") || job.get("guest").equals(String.valueOf(q.integer("guest"))))) {
                    out.add(replicationStatus(c, job, guest));
                }
            }
            return out;
        });
        r.get("/nodes/{node}/replication/{id}", "", q -> {
            replicationJob(c, q.var("id"));
            return NodeApi.names("log", "schedule_now", "status");
        });
        r.get("/nodes/{node}/replication/{id}/status", "", q -> {
            Map<String, String> job = replicationJob(c, q.var("id"));
            return replicationStatus(c, job, c.guests.get(Integer.parseInt(job.get("guest"))));
        });
        r.get("/nodes/{node}/replication/{id}/log", "limit:int start:int", q -> {
            Map<String, String> job = replicationJob(c, q.var("id"));
            long last = lastSync(c);
            List<Map<String, Object>> lines = new ArrayList<>();
            String[] texts = {
                    "start replication job", "guest => VM " + job.get("guest") + ", running => 1",
                    "volumes => local-lvm:vm-" + job.get("guest") + "-disk-0", "end replication job"};
            for (int i = 0; i < texts.length; i++) {
                lines.add(Map.of("n", i + 1, "t", LocalDateTime.ofEpochSecond(last + i, 0, ZoneOffset.UTC)
                        .toString().replace('T', ' ') + " " + job.get("id") + ": " + texts[i]));
            }
            return lines;
        });
        r.post("/nodes/{node}/replication/{id}/schedule_now", "", q -> {
            Map<String, String> job = replicationJob(c, q.var("id"));
            return c.startTask(q.node(), "replicate", job.get("id"), q.user, t -> t.log.add("end replication job"));
        });
    }

    private static Map<String, String> replicationJob(Cluster c, String id) {
        for (Map<String, String> job : c.tables.table(REPLICATION, null).rows) {
            if (job.get("id").equals(id)) {
                return job;
            }
        }
        throw ApiException.fail("replication job '" + id + "' does not exist");
    }

    private static long lastSync(Cluster c) {
        return c.now() / 900 * 900;
    }

    private static Map<String, Object> replicationStatus(Cluster c, Map<String, String> job, Guest guest) {
        long last = lastSync(c);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", job.get("id"));
        m.put("jobnum", Long.parseLong(job.get("jobnum")));
        m.put("guest", Long.parseLong(job.get("guest")));
        m.put("type", job.get("type"));
        m.put("target", job.get("target"));
        m.put("source", guest == null ? null : guest.node);
        m.put("vmtype", guest == null ? null : guest.type);
        m.put("schedule", job.getOrDefault("schedule", "*/15"));
        m.put("last_sync", last);
        m.put("last_try", last);
        m.put("next_sync", last + 900);
        m.put("duration", 2.41);
        m.put("fail_count", 0);
        if (job.containsKey("comment")) {
            m.put("comment", job.get("comment"));
        }
        if (Request.isTrue(job.getOrDefault("disable", "0"))) {
            m.put("disable", 1);
        }
        return m;
    }

    // ---- seed: nightly backups of production, DNS replicated to pve3, a GPU mapping, an InfluxDB ----

    private static void seed(Cluster c) {
        Tables tables = c.tables;
        Tables.Table pools = tables.table(POOLS, null);
        pools.add("poolid", "development", "comment", "Development and build machines");
        pools.add("poolid", "production", "comment", "Production services", "storage", "nfs-shared");
        tables.table(BACKUP, null).add("id", "backup-prod-nightly", "type", "vzdump", "schedule", "02:00", "enabled", "1",
                "pool", "production", "storage", "nfs-shared", "mode", "snapshot", "compress", "zstd",
                "prune-backups", "keep-daily=7,keep-weekly=4", "notes-template", "{{guestname}}", "comment", "Production, nightly");
        tables.table(BACKUP, null).add("id", "backup-weekly-all", "type", "vzdump", "schedule", "sun 03:30", "enabled", "1",
                "all", "1", "exclude", "9000", "storage", "local", "mode", "stop", "compress", "zstd",
                "notification-mode", "notification-system");
        tables.table(REPLICATION, null).add("id", "103-0", "type", "local", "target", "pve3", "guest", "103", "jobnum", "0",
                "schedule", "*/15", "comment", "DNS standby on pve3");
        tables.table("/cluster/mapping/pci", null).add("id", "rtx4000", "description", "NVIDIA RTX 4000 on pve3",
                "map", "id=10de:1eb1,iommugroup=41,node=pve3,path=0000:41:00.0,subsystem-id=10de:12a0");
        tables.table("/cluster/metrics/server", null).add("id", "influx", "type", "influxdb", "server", "192.168.1.20",
                "port", "8089", "influxdbproto", "udp");
    }
}
