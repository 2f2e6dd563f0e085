package io.github.proxmoxmcp.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster itself: datacenter options (datacenter.cfg), the cluster log, the corosync configuration and join
 * information, creating, joining and leaving (refused as Proxmox refuses them on a node that is already a member),
 * the metrics export, realm-sync jobs and, on PVE 9, the cluster-wide bulk guest actions.
 */
final class ClusterSetupApi {

    static final String OPTIONS = "/cluster/options";
    static final String REALM_SYNC = "/cluster/jobs/realm-sync";
    private static final String OPTION_FIELDS = "bwlimit consent-text console:applet|vv|html5|xtermjs crs description "
            + "email_from fencing:watchdog|hardware|both ha http_proxy "
            + "keyboard:de|de-ch|da|en-gb|en-us|es|fi|fr|fr-be|fr-ca|fr-ch|hu|is|it|ja|lt|mk|nl|no|pl|pt|pt-br|sv|sl|tr "
            + "language mac_prefix max_workers:int(1..) migration migration_unsecure:bool next-id notify registered-tags "
            + "replication tag-style u2f user-tag-access webauthn";
    /** The corosync config version of the seed, as /cluster/status shows it; removing a node raises it. */
    static final int CONFIG_VERSION = 3;
    private static final String LINKS = "link[n] nodeid:int(1..) votes:int(0..)";

    private ClusterSetupApi() {
    }

    static void register(Router r, Cluster c) {
        // datacenter.cfg reads back without a digest
        ConfigCollection.single(OPTIONS).fields(OPTION_FIELDS).view((q, row, out) -> out.remove("digest")).register(r, c);
        r.get("/cluster/log", "max:int(1..)", q -> log(c, q.integer("max", 50)));
        r.get("/cluster/config", "", q -> NodeApi.names("apiversion", "join", "nodes", "qdevice", "totem"));
        r.get("/cluster/config/apiversion", "", q -> 1);
        r.get("/cluster/config/totem", "", q -> totem(c));
        r.get("/cluster/config/qdevice", "", q -> Map.of());
        r.get("/cluster/config/join", "node:pve-node", q -> join(c, q.str("node", local(c).name)));
        r.post("/cluster/config", "clustername*:pve-node token-coefficient:int " + LINKS, q -> {
            throw ApiException.fail("cluster config '/etc/pve/corosync.conf' already exists");
        });
        r.post("/cluster/config/join", "fingerprint* hostname* password*! force:bool " + LINKS, q -> {
            throw ApiException.fail("detected the following error(s):\n"
                    + "* authentication key '/etc/corosync/authkey' already exists\n"
                    + "* cluster config '/etc/pve/corosync.conf' already exists\n"
                    + "* this host already contains virtual guests\n"
                    + "Check if node may join a cluster failed!");
        });
        r.delete("/cluster/config/nodes/{node}", "node:pve-node", q -> {
            removeNode(c, q.var("node"));
            return null;
        });
        r.get("/cluster/metrics/export", "history:bool local-only:bool node-list start-time:int",
                q -> Map.of("data", metrics(c, q.str("node-list"), q.flag("local-only"))));
        ConfigCollection.keyed(REALM_SYNC, "id:pve-configid").createAtItem()
                .fields("schedule* comment enable-new:bool enabled:bool=1 realm:pve-realm "
                        + "remove-vanished scope:users|groups|both")
                .fixed("realm").insert(ConfigCollection.Insert.SORTED)
                .duplicate(ConfigCollection.Refusal.fail("realm-sync job '{id}' already exists"))
                .missing(ConfigCollection.Refusal.fail("no such realm-sync job"))
                .failures("", "", "")
                .validate(w -> {
                    String realm = w.item().get("realm");
                    if (w.before() == null && realm == null) {
                        throw ApiException.parameter("realm", "property is missing and it is not optional");
                    }
                })
                .view((q, row, out) -> {
                    Long next = ClusterCollections.nextRun(String.valueOf(row.get("schedule")), c.now());
                    if (next != null && !"0".equals(String.valueOf(row.get("enabled")))) {
                        out.put("next-run", next);
                    }
                })
                .register(r, c);
        if (c.pve.major() >= 9) {
            // added in PVE 9.1: on PVE 8 these paths answer 501 like any unknown one
            r.post("/cluster/bulk-action/guest/start", "max-workers:int(1..) maxworkers:int(1..) timeout:int(0..) vms:list",
                    q -> bulk(c, q, new BulkAction("start", true, 0, null, false)));
            r.post("/cluster/bulk-action/guest/shutdown", "force-stop:bool max-workers:int(1..) maxworkers:int(1..) "
                    + "timeout:int(0..) vms:list", q -> bulk(c, q, new BulkAction("stop", true, q.integer("timeout", 180), null, false)));
            r.post("/cluster/bulk-action/guest/suspend", "max-workers:int(1..) maxworkers:int(1..) statestorage:pve-storage-id "
                    + "to-disk:bool vms:list", q -> bulk(c, q, new BulkAction("suspend", true, 0, null, false)));
            r.post("/cluster/bulk-action/guest/migrate", "max-workers:int(1..) maxworkers:int(1..) online:bool "
                    + "target*:pve-node vms:list with-local-disks:bool", q -> {
                        if (!c.nodes.containsKey(q.str("target"))) {
                            throw ApiException.parameter("target", "no such cluster node '" + q.str("target") + "'");
                        }
                        return bulk(c, q, new BulkAction("migrate", true, 0, q.str("target"), q.flag("with-local-disks")));
                    });
        }
        seed(c);
    }

    private static NodeState local(Cluster c) {
        return c.nodes.values().stream().filter(n -> n.index == 1).findFirst().orElseThrow();
    }

    /** The nodes in the corosync configuration: all but those removed from it. */
    static List<NodeState> members(Cluster c) {
        List<String> removed = c.tables.table("/cluster/config/removed", null).rows.stream().map(row -> row.get("node")).toList();
        return c.nodes.values().stream().filter(n -> !removed.contains(n.name)).toList();
    }

    private static void removeNode(Cluster c, String node) {
        NodeState state = c.nodes.get(node);
        if (state == null || !members(c).contains(state)) {
            throw ApiException.fail("Node/IP: " + node + " is not a known host of the cluster.");
        }
        if (state.index == 1) {
            throw ApiException.fail("Cannot delete myself from cluster!");
        }
        c.tables.table("/cluster/config/removed", null).add("node", node);
    }

    // ---- the cluster log: what tasks started and ended, newest first ----

    private static List<Map<String, Object>> log(Cluster c, int max) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Task task : c.tasks) {
            entries.add(logEntry(task.starttime, task.node, task.user, task.pid, "starting task " + task.upid));
            if (!task.running()) {
                entries.add(logEntry(task.endtime, task.node, task.user, task.pid, "end task " + task.upid + " " + task.exitstatus));
            }
        }
        for (Map<String, String> row : c.tables.table("/cluster/log", null).rows) {
            Map<String, Object> entry = logEntry(Long.parseLong(row.get("time")), row.get("node"), row.get("user"),
                    Integer.parseInt(row.get("pid")), row.get("msg"));
            entry.put("tag", row.get("tag"));
            entries.add(entry);
        }
        entries.sort(Comparator.comparingLong((Map<String, Object> e) -> (Long) e.get("time")).reversed());
        List<Map<String, Object>> out = new ArrayList<>(entries.subList(0, Math.min(max, entries.size())));
        for (int i = 0; i < out.size(); i++) {
            out.get(i).put("uid", out.size() - i);
        }
        return out;
    }

    private static Map<String, Object> logEntry(long time, String node, String user, int pid, String msg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", time);
        m.put("node", node);
        m.put("user", user);
        m.put("pid", pid);
        m.put("pri", 6);
        m.put("tag", "pvedaemon");
        m.put("msg", msg);
        return m;
    }

    // ---- corosync ----

    private static Map<String, Object> totem(Cluster c) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("linknumber", "0");
        Map<String, Object> totem = new LinkedHashMap<>();
        totem.put("cluster_name", Cluster.CLUSTER_NAME);
        totem.put("config_version", String.valueOf(CONFIG_VERSION + c.tables.table("/cluster/config/removed", null).rows.size()));
        totem.put("interface", Map.of("0", link));
        totem.put("ip_version", "ipv4-6");
        totem.put("link_mode", "passive");
        totem.put("secauth", "on");
        totem.put("version", "2");
        return totem;
    }

    private static Map<String, Object> join(Cluster c, String preferred) {
        if (!c.nodes.containsKey(preferred)) {
            throw ApiException.fail("unknown node '" + preferred + "'");
        }
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (NodeState node : members(c)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", node.name);
            m.put("nodeid", String.valueOf(node.index));
            m.put("pve_addr", node.ip);
            m.put("pve_fp", AcmeCollections.fingerprint(AcmeCollections.nodeCertificate(node.name)));
            m.put("quorum_votes", "1");
            m.put("ring0_addr", node.ip);
            nodes.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("config_digest", Configs.sha1("corosync-" + nodes));
        out.put("nodelist", nodes);
        out.put("preferred_node", preferred);
        out.put("totem", totem(c));
        return out;
    }

    // ---- the metrics export: the current values of every online node and its guests ----

    private static List<Map<String, Object>> metrics(Cluster c, String nodeList, boolean localOnly) {
        List<String> wanted = nodeList == null ? List.of() : GuestApi.splitList(nodeList);
        List<Map<String, Object>> out = new ArrayList<>();
        long now = c.now();
        for (NodeState node : c.nodes.values()) {
            if (!node.online || localOnly && node.index != 1 || !wanted.isEmpty() && !wanted.contains(node.name)) {
                continue;
            }
            out.add(metric("node/" + node.name, "cpu_current", node.cpu, now));
            out.add(metric("node/" + node.name, "cpu_max", node.maxcpu, now));
            out.add(metric("node/" + node.name, "mem_total", node.maxmem, now));
            for (Guest guest : c.guests.values()) {
                if (guest.node.equals(node.name) && guest.running()) {
                    String id = (guest.isQemu() ? "qemu/" : "lxc/") + guest.vmid;
                    out.add(metric(id, "cpu_current", guest.cpuLoad, now));
                    out.add(metric(id, "mem_total", guest.maxmem(), now));
                }
            }
        }
        return out;
    }

    private static Map<String, Object> metric(String id, String name, Number value, long time) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("metric", name);
        m.put("timestamp", time);
        m.put("type", "gauge");
        m.put("value", value);
        return m;
    }

    // ---- bulk guest actions: one task on this node acts on the guests of every node ----

    private static Object bulk(Cluster c, Request q, BulkAction action) {
        List<String> only = q.all("vms");
        List<Integer> ids = new ArrayList<>();
        for (Guest guest : c.guests.values()) {
            if (!guest.template() && (only.isEmpty() || only.contains(String.valueOf(guest.vmid)))) {
                ids.add(guest.vmid);
            }
        }
        String type = "bulk" + (action.verb().equals("stop") ? "shutdown" : action.verb());
        return c.startTask(local(c).name, type, "", q.user, t -> {
            int failed = 0;
            for (int vmid : ids) {
                Guest g = c.guests.get(vmid);
                if (g == null) {
                    continue;
                }
                if (!c.nodes.get(g.node).online) {
                    t.log.add(g.kind() + " " + vmid + ": node '" + g.node + "' is not online");
                    failed++;
                } else if (!action.apply(c, t, g)) {
                    failed++;
                }
            }
            if (failed > 0) {
                throw new Task.Failure("some guests failed: " + failed);
            }
        });
    }

    // ---- seed: datacenter options as a small production cluster has them, and a daily LDAP sync ----

    private static void seed(Cluster c) {
        c.tables.table(OPTIONS, null).add("keyboard", "en-us", "console", "html5", "migration", "type=secure,network=10.10.10.0/24",
                "ha", "shutdown_policy=migrate", "tag-style", "shape=circle,ordering=config", "email_from", "pve@lab.example.com",
                "http_proxy", "http://proxy:s3cret@proxy.lab.example.com:3128", "next-id", "lower=100,upper=999999");
        long boot = local(c).bootTime;
        c.tables.table("/cluster/log", null).add("time", String.valueOf(boot + 120), "node", "pve1", "user", "root@pam",
                "pid", "1187", "tag", "pvedaemon", "msg", "successful auth for user 'root@pam'");
        c.tables.table(REALM_SYNC, null).add("id", "corp-daily", "realm", "corp", "schedule", "03:00", "scope", "both",
                "enable-new", "1", "remove-vanished", "acl;entry;properties", "comment", "directory users and groups");
    }
}
