package io.github.proxmoxmcp.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /nodes/{node}/tasks}: list, status, log, stop. */
final class TaskApi {

    private final Cluster cluster;

    TaskApi(Cluster cluster) {
        this.cluster = cluster;
    }

    void register(Router r) {
        r.get("/nodes/{node}/tasks", "errors:bool limit:int since:int source:archive|active|all start:int "
                + "statusfilter typefilter until:int userfilter vmid:int", this::list);
        r.get("/nodes/{node}/tasks/{upid}", "", q -> {
            cluster.task(q.node(), q.var("upid"));
            return List.of(Map.of("name", "log"), Map.of("name", "status"));
        });
        r.get("/nodes/{node}/tasks/{upid}/status", "", q -> status(cluster.task(q.node(), q.var("upid"))));
        r.get("/nodes/{node}/tasks/{upid}/log", "download:bool limit:int start:int", this::log);
        r.delete("/nodes/{node}/tasks/{upid}", "", q -> {
            Task task = cluster.task(q.node(), q.var("upid"));
            if (task.running()) {
                task.status = "stopped";
                task.exitstatus = "interrupted by signal";
                task.log.add("received interrupt");
                task.log.add("TASK ERROR: interrupted by signal");
                task.endtime = cluster.now();
                Guest guest = task.id.matches("\\d+") ? cluster.guests.get(Integer.parseInt(task.id)) : null;
                if (guest != null) {
                    guest.lock = null;
                }
            }
            return null;
        });
    }

    static Map<String, Object> status(Task task) {
        Map<String, Object> m = base(task);
        m.put("status", task.status);
        if (!task.running()) {
            m.put("exitstatus", task.exitstatus);
        }
        return m;
    }

    static Map<String, Object> listEntry(Task task) {
        Map<String, Object> m = base(task);
        if (!task.running()) {
            m.put("endtime", task.endtime);
            m.put("status", task.exitstatus);
        }
        return m;
    }

    private static Map<String, Object> base(Task task) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("upid", task.upid);
        m.put("node", task.node);
        m.put("pid", task.pid);
        m.put("pstart", task.pstart);
        m.put("starttime", task.starttime);
        m.put("type", task.type);
        m.put("id", task.id);
        int bang = task.user.indexOf('!');
        m.put("user", bang < 0 ? task.user : task.user.substring(0, bang));
        if (bang >= 0) {
            m.put("tokenid", task.user.substring(bang + 1));
        }
        return m;
    }

    private List<Map<String, Object>> list(Request q) {
        String source = q.str("source", "archive");
        boolean errorsOnly = q.flag("errors");
        String type = q.str("typefilter");
        String user = q.str("userfilter");
        Integer vmid = q.integer("vmid");
        Integer since = q.integer("since");
        Integer until = q.integer("until");
        List<Task> tasks = new ArrayList<>();
        for (Task task : cluster.tasks) {
            if (!task.node.equals(q.node())
                    || source.equals("archive") && task.running()
                    || source.equals("active") && !task.running()
                    || errorsOnly && (task.running() || "OK".equals(task.exitstatus))
                    || type != null && !task.type.equals(type)
                    || user != null && !task.user.contains(user)
                    || vmid != null && !task.id.equals(String.valueOf(vmid))
                    || since != null && task.starttime < since
                    || until != null && task.starttime > until) {
                continue;
            }
            tasks.add(task);
        }
        tasks.sort(Comparator.comparingLong((Task t) -> t.starttime).reversed());
        int start = q.integer("start", 0);
        int limit = q.integer("limit", 50);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = start; i < tasks.size() && out.size() < limit; i++) {
            out.add(listEntry(tasks.get(i)));
        }
        return out;
    }

    private List<Map<String, Object>> log(Request q) {
        Task task = cluster.task(q.node(), q.var("upid"));
        int start = q.integer("start", 0);
        int limit = q.integer("limit", 50);
        List<String> lines = task.log.isEmpty() ? List.of("no content") : task.log;
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = start; i < lines.size() && out.size() < limit; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", i + 1);
            m.put("t", lines.get(i));
            out.add(m);
        }
        return out;
    }
}
