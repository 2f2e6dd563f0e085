package io.github.proxmoxmcp.sandbox;

import io.github.proxmoxmcp.sandbox.ConfigCollection.Op;
import io.github.proxmoxmcp.sandbox.ConfigCollection.Refusal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * High availability (pve-ha-manager): resources, and node placement as HA groups on PVE 8 or HA rules on PVE 9
 * (where {@code /cluster/ha/groups} answers 500, as groups have been migrated to rules), plus the status view.
 */
final class HaCollections {

    static final String RESOURCES = "/cluster/ha/resources";
    static final String GROUPS = "/cluster/ha/groups";
    static final String RULES = "/cluster/ha/rules";
    private static final String DISARMED = "/cluster/ha/status/disarmed";
    private static final String FROZEN_MOVES = "/cluster/ha/status/frozen-moves";
    /** Perl's scalar localtime, as the HA status strings show it (the sandbox runs in UTC). */
    private static final DateTimeFormatter LOCALTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private HaCollections() {
    }

    static void register(Router r, Cluster c) {
        boolean pve9 = c.pve.major() >= 9;
        r.get("/cluster/ha", "", q -> pve9 ? NodeApi.names("groups", "resources", "rules", "status")
                : NodeApi.names("groups", "resources", "status"));
        ConfigCollection resources = ConfigCollection.keyed(RESOURCES, "sid:pve-ha-resource-or-vm-id")
                .fields("type:ct|vm comment max_relocate:int(0..) max_restart:int(0..) "
                        + "state:started|stopped|enabled|disabled|ignored " + (pve9 ? "failback:bool group:pve-configid" : "group:pve-configid"))
                .params(Op.CREATE, "sid*:pve-ha-resource-or-vm-id").params(Op.DELETE, pve9 ? "purge:bool" : "")
                .filterBy("type").insert(ConfigCollection.Insert.SORTED).digest()
                .idFrom(q -> sid(c, q.str("sid"))).normalizeId((q, id) -> sid(c, id))
                .duplicate(Refusal.fail("resource ID '{id}' already defined"))
                .missing(Refusal.fail("no such resource '{id}'"))
                .failures("create resource failed: ", "update resources config failed: ", null)
                .validate(w -> {
                    String sid = w.id();
                    String type = sid.substring(0, sid.indexOf(':'));
                    if (w.request().has("type") && !w.request().str("type").equals(type)) {
                        throw ApiException.fail("types does not match");
                    }
                    if (pve9 && w.request().has("group")) {
                        throw ApiException.fail("invalid parameter 'group': ha groups have been migrated to rules");
                    }
                    String group = w.request().str("group");
                    if (!pve9 && group != null && w.before() != null && groupRow(c, group) == null) {
                        throw ApiException.fail("HA group '" + group + "' does not exist");
                    }
                    w.item().put("type", type);
                })
                .view((q, row, out) -> {
                    if (pve9) {
                        out.remove("group");
                    }
                })
                .register(r, c);
        resources.override(Op.DELETE, q -> true, q -> {
            String sid = sid(c, q.var("sid"));
            Tables.Table table = resources.table(q);
            Map<String, String> row = resources.row(table, sid);
            if (row == null) {
                throw ApiException.fail("cannot delete service '" + sid + "', not HA managed!");
            }
            table.rows.remove(row);
            if (pve9 && (!q.has("purge") || q.flag("purge"))) {
                Tables.Table rules = c.tables.table(RULES, null);
                for (Map<String, String> rule : List.copyOf(rules.rows)) {
                    List<String> members = new ArrayList<>(GuestApi.splitList(rule.get("resources")));
                    if (members.remove(sid)) {
                        if (members.isEmpty()) {
                            rules.rows.remove(rule);
                        } else {
                            rule.put("resources", String.join(",", members));
                        }
                    }
                }
            }
            return null;
        });
        for (String action : List.of("migrate", "relocate")) {
            r.post(RESOURCES + "/{sid}/" + action, "sid:pve-ha-resource-or-vm-id node*:pve-node", q -> {
                String sid = sid(c, q.var("sid"));
                if (resources.row(resources.table(q), sid) == null) {
                    throw ApiException.fail("service '" + sid + "' is not HA managed");
                }
                String node = q.str("node");
                c.node(node);
                String disarmed = disarmedMode(c);
                if ("ignore".equals(disarmed)) {
                    throw ApiException.fail("service '" + sid + "' is not HA managed while the HA stack is disarmed "
                            + "(resource-mode ignore)");
                }
                if ("freeze".equals(disarmed)) {
                    c.tables.table(FROZEN_MOVES, null).add("sid", sid, "node", node);
                    return null;
                }
                return pve9 ? moveWithAffinity(c, sid, node) : move(c, sid, node);
            });
        }
        if (pve9) {
            // PVE 9.1: while disarmed, no watchdog is armed; frozen commands wait for the stack to be armed again
            r.post("/cluster/ha/status/disarm-ha", "resource-mode*:freeze|ignore", q -> {
                Tables.Table state = c.tables.table(DISARMED, null);
                state.rows.clear();
                state.add("mode", q.str("resource-mode"));
                return null;
            });
            r.post("/cluster/ha/status/arm-ha", "", q -> {
                c.tables.table(DISARMED, null).rows.clear();
                Tables.Table frozen = c.tables.table(FROZEN_MOVES, null);
                for (Map<String, String> request : List.copyOf(frozen.rows)) {
                    moveWithAffinity(c, request.get("sid"), request.get("node"));
                }
                frozen.rows.clear();
                return null;
            });
        }

        if (pve9) {
            ConfigCollection.keyed(RULES, "rule:pve-ha-rule-id")
                    .fields("type*:node-affinity|resource-affinity resources*:pve-ha-resource-id-list comment disable:bool")
                    .typed("type", "node-affinity: nodes*:pve-ha-node-list strict:bool", "resource-affinity: affinity*:positive|negative")
                    .fixed("type").filterBy("type").digest().quietDelete()
                    .filter("resource", (q, row) -> !q.has("resource")
                            || GuestApi.splitList(row.get("resources")).contains(sid(c, q.str("resource"))))
                    .duplicate(Refusal.fail("HA rule '{id}' already defined"))
                    .missing(Refusal.fail("no such ha rule '{id}'"))
                    .failures("create ha rule failed: ", "update HA rules failed: ", "delete ha rule failed: ")
                    .validate(w -> {
                        Map<String, String> rule = w.item();
                        if (!Request.isTrue(rule.getOrDefault("disable", "0"))) {
                            rule.remove("disable");
                        }
                        List<String> unmanaged = new ArrayList<>();
                        for (String sid : GuestApi.splitList(rule.get("resources"))) {
                            if (resources.row(resources.table(w.request()), sid) == null) {
                                unmanaged.add(sid);
                            }
                        }
                        if (!unmanaged.isEmpty()) {
                            throw ApiException.fail((w.before() == null ? "create ha rule failed: " : "update HA rules failed: ")
                                    + "cannot use unmanaged resource(s) " + String.join(", ", unmanaged) + ".");
                        }
                        List<String> missing = new ArrayList<>();
                        for (String node : GuestApi.splitList(rule.getOrDefault("nodes", ""))) {
                            String name = node.contains(":") ? node.substring(0, node.indexOf(':')) : node;
                            if (!c.nodes.containsKey(name)) {
                                missing.add(name);
                            }
                        }
                        if (!missing.isEmpty()) {
                            throw ApiException.fail((w.before() == null ? "create ha rule failed: " : "update HA rules failed: ")
                                    + "cannot use non-existent node(s) " + String.join(", ", missing) + ".");
                        }
                        if (w.before() == null) {
                            long lowest = 0;
                            for (Map<String, String> other : w.table().rows) {
                                long order = Long.parseLong(other.getOrDefault("order", "0"));
                                lowest = lowest == 0 || order < lowest ? order : lowest;
                            }
                            rule.put("order", String.valueOf(lowest + 1));
                        }
                    })
                    .shows("order:int")
                    .view((q, row, out) -> {
                        if ("node-affinity".equals(row.get("type"))) {
                            out.putIfAbsent("strict", 0);
                        }
                    })
                    .register(r, c);
            r.get(GROUPS, "", q -> migrated("index groups"));
            r.post(GROUPS, "group* nodes* comment nofailback:bool restricted:bool type:group", q -> migrated("create group"));
            r.get(GROUPS + "/{group}", "", q -> migrated("read group"));
            r.put(GROUPS + "/{group}", "comment delete digest nodes nofailback:bool restricted:bool", q -> migrated("update group"));
            r.delete(GROUPS + "/{group}", "", q -> migrated("delete group"));
        } else {
            ConfigCollection.keyed(GROUPS, "group:pve-ha-group-id")
                    .fields("nodes*:pve-ha-node-list type:group comment nofailback:bool restricted:bool")
                    .storedDefaults("type=group").insert(ConfigCollection.Insert.SORTED).digest()
                    .duplicate(Refusal.fail("ha group ID '{id}' already defined"))
                    .missing(Refusal.fail("no such ha group '{id}'"))
                    .failures("create ha group failed: ", "update ha group failed: ", "delete ha group failed: ")
                    .beforeDelete(w -> {
                        for (Map<String, String> resource : resources.table(w.request()).rows) {
                            if (w.id().equals(resource.get("group"))) {
                                throw ApiException.fail("delete ha group failed: ha group is used by service '"
                                        + resource.get("sid") + "'");
                            }
                        }
                    })
                    .register(r, c);
        }
        r.get("/cluster/ha/status", "", q -> NodeApi.names("current", "manager_status"));
        r.get("/cluster/ha/status/current", "", q -> status(c, resources));
        r.get("/cluster/ha/status/manager_status", "", q -> managerStatus(c));
        seed(c);
    }

    /** The sandbox's HA manager carries a queued move out at once: the guest is on the target node next read. */
    /** {@code freeze} or {@code ignore} while the HA stack is disarmed, else null. */
    private static String disarmedMode(Cluster c) {
        List<Map<String, String>> rows = c.tables.table(DISARMED, null).rows;
        return rows.isEmpty() ? null : rows.getFirst().get("mode");
    }

    private static Object move(Cluster c, String sid, String node) {
        Guest guest = c.guests.get(Integer.parseInt(sid.substring(sid.indexOf(':') + 1)));
        if (guest != null) {
            guest.node = node;
        }
        return null;
    }

    /**
     * PVE 9: resources in positive affinity move along; a resource in negative affinity already on the target node
     * blocks the move, which is then queued but never carried out.
     */
    private static Map<String, Object> moveWithAffinity(Cluster c, String sid, String node) {
        List<String> along = new ArrayList<>();
        List<Map<String, Object>> blocking = new ArrayList<>();
        for (Map<String, String> rule : c.tables.table(RULES, null).rows) {
            List<String> members = GuestApi.splitList(rule.get("resources"));
            if (!"resource-affinity".equals(rule.get("type")) || !members.contains(sid) || Request.isTrue(rule.getOrDefault("disable", "0"))) {
                continue;
            }
            for (String other : members) {
                Guest guest = other.equals(sid) ? null : c.guests.get(Integer.parseInt(other.substring(other.indexOf(':') + 1)));
                if (guest == null) {
                    continue;
                }
                if ("positive".equals(rule.get("affinity")) && !along.contains(other)) {
                    along.add(other);
                } else if ("negative".equals(rule.get("affinity")) && guest.node.equals(node)) {
                    Map<String, Object> blocker = new LinkedHashMap<>();
                    blocker.put("sid", other);
                    blocker.put("cause", "resource-affinity");
                    blocking.add(blocker);
                }
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sid", sid);
        m.put("requested-node", node);
        if (!blocking.isEmpty()) {
            m.put("blocking-resources", blocking);
            return m;
        }
        if (!along.isEmpty()) {
            m.put("comigrated-resources", along);
        }
        move(c, sid, node);
        along.forEach(other -> move(c, other, node));
        return m;
    }

    /** The CRM's manager_status file with the quorum and every node's LRM status, as the sandbox's manager sees them. */
    private static Map<String, Object> managerStatus(Cluster c) {
        long now = c.now();
        String master = c.nodes.keySet().iterator().next();
        Map<String, Object> nodeStatus = new LinkedHashMap<>();
        Map<String, Object> lrmStatus = new LinkedHashMap<>();
        for (NodeState node : c.nodes.values()) {
            nodeStatus.put(node.name, node.online ? "online" : "unknown");
            Map<String, Object> lrm = new LinkedHashMap<>();
            lrm.put("mode", "active");
            lrm.put("state", node.online ? "active" : "wait_for_agent_lock");
            lrm.put("timestamp", node.online ? now - 3 : now - 600);
            lrm.put("results", Map.of());
            lrmStatus.put(node.name, lrm);
        }
        Map<String, Object> services = new LinkedHashMap<>();
        List<Map<String, String>> rows = new ArrayList<>(c.tables.table(RESOURCES, null).rows);
        rows.sort(java.util.Comparator.comparing(row -> row.get("sid")));
        for (Map<String, String> row : rows) {
            String sid = row.get("sid");
            Guest guest = c.guests.get(Integer.parseInt(sid.substring(sid.indexOf(':') + 1)));
            Map<String, Object> service = new LinkedHashMap<>();
            if (guest != null) {
                service.put("node", guest.node);
            }
            String state = row.getOrDefault("state", "started");
            service.put("state", guest != null && guest.running() ? "started" : state.equals("enabled") ? "started" : state);
            service.put("uid", Integer.toHexString(sid.hashCode()));
            services.put(sid, service);
        }
        Map<String, Object> manager = new LinkedHashMap<>();
        manager.put("master_node", master);
        manager.put("timestamp", now - 3);
        manager.put("node_status", nodeStatus);
        manager.put("service_status", services);
        Map<String, Object> quorum = new LinkedHashMap<>();
        quorum.put("node", master);
        quorum.put("quorate", "1");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("manager_status", manager);
        out.put("quorum", quorum);
        out.put("lrm_status", lrmStatus);
        return out;
    }

    private static Object migrated(String what) {
        throw ApiException.fail("cannot " + what + ": ha groups have been migrated to rules");
    }

    private static Map<String, String> groupRow(Cluster c, String group) {
        for (Map<String, String> row : c.tables.table(GROUPS, null).rows) {
            if (row.get("group").equals(group)) {
                return row;
            }
        }
        return null;
    }

    /** PVE::HA::Config::parse_sid: {@code 100} becomes {@code vm:100} (or {@code ct:100}) by the guest's type. */
    static String sid(Cluster c, String sid) {
        if (sid.matches("\\d+")) {
            Guest guest = c.guests.get(Integer.parseInt(sid));
            if (guest == null) {
                throw ApiException.fail("unable to detect SID from VMID - VM/CT " + sid + " does not exist");
            }
            return (guest.isQemu() ? "vm:" : "ct:") + sid;
        }
        if (!sid.matches("\\S+:\\S+")) {
            throw ApiException.fail("unable to parse service id '" + sid + "'");
        }
        return sid;
    }

    private static List<Map<String, Object>> status(Cluster c, ConfigCollection resources) {
        long now = c.now();
        String master = c.nodes.keySet().iterator().next();
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Object> quorum = new LinkedHashMap<>();
        quorum.put("id", "quorum");
        quorum.put("type", "quorum");
        quorum.put("node", master);
        quorum.put("status", "OK");
        quorum.put("quorate", 1);
        out.add(quorum);
        String time = LOCALTIME.format(Instant.ofEpochSecond(now - 3));
        Map<String, Object> crm = new LinkedHashMap<>();
        crm.put("id", "master");
        crm.put("type", "master");
        crm.put("node", master);
        String disarmed = disarmedMode(c);
        crm.put("status", disarmed == null ? master + " (active, " + time + ")"
                : master + " (disarmed, resource mode " + disarmed + ", " + time + ")");
        crm.put("timestamp", now - 3);
        out.add(crm);
        for (NodeState node : c.nodes.values()) {
            Map<String, Object> lrm = new LinkedHashMap<>();
            lrm.put("id", "lrm:" + node.name);
            lrm.put("type", "lrm");
            lrm.put("node", node.name);
            lrm.put("status", node.online ? node.name + " (active, " + time + ")" : node.name + " (old timestamp - dead?, " + time + ")");
            lrm.put("timestamp", now - 3);
            out.add(lrm);
        }
        List<Map<String, String>> rows = new ArrayList<>(c.tables.table(RESOURCES, null).rows);
        rows.sort(java.util.Comparator.comparing(row -> row.get("sid")));
        for (Map<String, String> row : rows) {
            String sid = row.get("sid");
            Guest guest = c.guests.get(Integer.parseInt(sid.substring(sid.indexOf(':') + 1)));
            String state = row.getOrDefault("state", "started");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", "service:" + sid);
            m.put("type", "service");
            m.put("sid", sid);
            if (guest != null) {
                m.put("node", guest.node);
            }
            m.put("state", guest != null && guest.running() ? "started" : state.equals("started") ? "starting" : state);
            m.put("request_state", state);
            m.put("crm_state", guest != null && guest.running() ? "started" : state);
            m.put("max_restart", Long.parseLong(row.getOrDefault("max_restart", "1")));
            m.put("max_relocate", Long.parseLong(row.getOrDefault("max_relocate", "1")));
            if (c.pve.major() >= 9) {
                m.put("failback", Long.parseLong(row.getOrDefault("failback", "1")));
            } else if (row.containsKey("group")) {
                m.put("group", row.get("group"));
            }
            m.put("status", m.get("state"));
            out.add(m);
        }
        return out;
    }

    // ---- seed: web01 and db01 under HA, kept on pve1/pve2 by a rule (9) or a group (8) ----

    private static void seed(Cluster c) {
        Tables.Table resources = c.tables.table(RESOURCES, null);
        resources.add("sid", "vm:100", "type", "vm", "state", "started", "max_restart", "2", "comment", "public web server");
        Map<String, String> db = resources.add("sid", "vm:101", "type", "vm", "state", "started", "max_relocate", "2");
        if (c.pve.major() >= 9) {
            c.tables.table(RULES, null).add("rule", "prefer-pve1-pve2", "type", "node-affinity", "resources", "vm:100,vm:101",
                    "nodes", "pve1:2,pve2:1", "strict", "0", "comment", "keep production off pve3", "order", "1");
        } else {
            c.tables.table(GROUPS, null).add("group", "prefer-pve1-pve2", "type", "group", "nodes", "pve1:2,pve2:1",
                    "comment", "keep production off pve3");
            resources.rows.getFirst().put("group", "prefer-pve1-pve2");
            db.put("group", "prefer-pve1-pve2");
        }
    }
}
