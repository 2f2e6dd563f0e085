package io.github.proxmoxmcp.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /version}, {@code /cluster/resources|nextid|status|tasks}, {@code /nodes}. */
final class ClusterApi {

    private final Cluster cluster;
    private final Views views;

    ClusterApi(Cluster cluster) {
        this.cluster = cluster;
        this.views = new Views(cluster);
    }

    void register(Router r) {
        r.get("/version", "", q -> cluster.pve.versionInfo());
        r.get("/cluster/resources", "type:vm|storage|node|sdn", q -> resources(q.str("type")));
        r.get("/cluster/nextid", "vmid:int", q -> nextId(q.integer("vmid")));
        r.get("/cluster/status", "", q -> status());
        r.get("/cluster/tasks", "", q -> clusterTasks());
        r.get("/nodes", "", q -> nodes());
    }

    private List<Map<String, Object>> resources(String type) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (type == null || type.equals("node")) {
            for (NodeState node : cluster.nodes.values()) {
                Map<String, Object> m = views.nodeSummary(node);
                m.put("cgroup-mode", 2);
                m.remove("ssl_fingerprint");
                out.add(m);
            }
        }
        if (type == null || type.equals("vm")) {
            for (Guest guest : cluster.guests.values()) {
                NodeState node = cluster.nodes.get(guest.node);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", guest.type + "/" + guest.vmid);
                m.put("type", guest.type);
                m.put("node", guest.node);
                Map<String, Object> summary = views.guestSummary(guest, !node.online);
                summary.remove("pid");
                summary.remove("swap");
                summary.remove("maxswap");
                summary.put("maxcpu", summary.remove("cpus"));
                summary.remove("type");
                m.putAll(summary);
                if (guest.pool != null) {
                    m.put("pool", guest.pool);
                }
                out.add(m);
            }
        }
        if (type == null || type.equals("storage")) {
            for (NodeState node : cluster.nodes.values()) {
                for (StorageDef storage : cluster.storages()) {
                    if (!storage.on(node.name) || storage.disabled()) {
                        continue;
                    }
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", "storage/" + node.name + "/" + storage.id());
                    m.put("type", "storage");
                    m.put("storage", storage.id());
                    m.put("node", node.name);
                    m.put("status", node.online ? "available" : "unknown");
                    m.put("plugintype", storage.type());
                    m.put("content", storage.contentList());
                    m.put("shared", storage.shared() ? 1 : 0);
                    if (node.online) {
                        m.put("disk", cluster.used(storage, node.name));
                        m.put("maxdisk", storage.total());
                    }
                    out.add(m);
                }
            }
        }
        if (type == null || type.equals("sdn")) {
            for (NodeState node : cluster.nodes.values()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", "sdn/" + node.name + "/localnetwork");
                m.put("type", "sdn");
                m.put("sdn", "localnetwork");
                m.put("node", node.name);
                m.put("status", node.online ? "ok" : "unknown");
                out.add(m);
            }
        }
        if (type == null) {
            for (Map<String, String> pool : cluster.tables.table(ClusterCollections.POOLS, null).rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", "/pool/" + pool.get("poolid"));
                m.put("type", "pool");
                m.put("pool", pool.get("poolid"));
                out.add(m);
            }
        }
        return out;
    }

    private String nextId(Integer wanted) {
        if (wanted != null) {
            if (wanted < 100) {
                throw ApiException.parameter("vmid", "value must have a minimum value of 100");
            }
            if (cluster.guests.containsKey(wanted)) {
                throw ApiException.parameter("vmid", "VM " + wanted + " already exists");
            }
            return String.valueOf(wanted);
        }
        return String.valueOf(cluster.nextId());
    }

    private List<Map<String, Object>> status() {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("type", "cluster");
        head.put("id", "cluster");
        head.put("name", Cluster.CLUSTER_NAME);
        List<NodeState> members = ClusterSetupApi.members(cluster);
        head.put("nodes", members.size());
        long online = members.stream().filter(n -> n.online).count();
        head.put("quorate", online * 2 > members.size() ? 1 : 0);
        head.put("version", ClusterSetupApi.CONFIG_VERSION + cluster.tables.table("/cluster/config/removed", null).rows.size());
        out.add(head);
        for (NodeState node : members) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "node");
            m.put("id", "node/" + node.name);
            m.put("name", node.name);
            m.put("nodeid", node.index);
            m.put("ip", node.ip);
            m.put("local", node.index == 1 ? 1 : 0);
            m.put("online", node.online ? 1 : 0);
            m.put("level", "");
            out.add(m);
        }
        return out;
    }

    private List<Map<String, Object>> clusterTasks() {
        List<Task> tasks = new ArrayList<>(cluster.tasks);
        tasks.sort(Comparator.comparingLong((Task t) -> t.starttime).reversed());
        List<Map<String, Object>> out = new ArrayList<>();
        for (Task task : tasks) {
            out.add(TaskApi.listEntry(task));
        }
        return out;
    }

    private List<Map<String, Object>> nodes() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NodeState node : cluster.nodes.values()) {
            Map<String, Object> m = views.nodeSummary(node);
            m.remove("disk");
            m.remove("maxdisk");
            out.add(m);
        }
        return out;
    }
}
