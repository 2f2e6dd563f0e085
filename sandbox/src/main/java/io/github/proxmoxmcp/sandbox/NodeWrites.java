package io.github.proxmoxmcp.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Node changes: power, services, hosts, DNS, time zone, network (pending until applied), bulk guest actions, WoL. */
final class NodeWrites {

    private static final String IFACE_OPTIONS = "address address6 autostart:bool bond-primary "
            + "bond_mode:balance-rr|active-backup|balance-xor|broadcast|802.3ad|balance-tlb|balance-alb "
            + "bond_xmit_hash_policy:layer2|layer2+3|layer3+4 bridge_ports bridge_vids bridge_vlan_aware:bool cidr cidr6 "
            + "comments comments6 gateway gateway6 mtu:int netmask netmask6:int ovs_bonds ovs_bridge ovs_options ovs_ports "
            + "ovs_tag:int slaves type*:bridge|bond|eth|alias|vlan|fabric|OVSBridge|OVSBond|OVSPort|OVSIntPort|vnet|unknown "
            + "vlan-id:int vlan-raw-device";

    private final Cluster cluster;
    private final NodeApi reads;

    NodeWrites(Cluster cluster, NodeApi reads) {
        this.cluster = cluster;
        this.reads = reads;
    }

    void register(Router r) {
        r.post("/nodes/{node}/status", "command*:reboot|shutdown", q -> power(cluster.node(q.node()), q.str("command")));
        for (String action : List.of("start", "stop", "restart", "reload")) {
            r.post("/nodes/{node}/services/{service}/" + action, "", q -> {
                NodeState node = cluster.node(q.node());
                String service = q.var("service");
                reads.service(node, service);
                if (action.equals("stop")) {
                    node.stoppedServices.put(service, "stopped");
                } else {
                    node.stoppedServices.remove(service);
                }
                return cluster.startTask(node.name, "srv" + action, service, q.user, t -> { });
            });
        }
        r.post("/nodes/{node}/hosts", "data* digest", q -> {
            NodeState node = cluster.node(q.node());
            checkDigest(q, (String) reads.hosts(node).get("digest"));
            node.hosts = q.str("data");
            return null;
        });
        r.put("/nodes/{node}/dns", "search* dns1 dns2 dns3", q -> {
            NodeState node = cluster.node(q.node());
            reads.dns(node);
            node.dns.clear();
            for (String key : List.of("search", "dns1", "dns2", "dns3")) {
                if (q.has(key)) {
                    node.dns.put(key, q.str(key));
                }
            }
            return null;
        });
        r.put("/nodes/{node}/time", "timezone*", q -> {
            String zone = q.str("timezone");
            try {
                java.time.ZoneId.of(zone);
            } catch (RuntimeException e) {
                throw ApiException.parameter("timezone", "invalid time zone '" + zone + "'");
            }
            cluster.node(q.node()).timezone = zone;
            return null;
        });
        r.post("/nodes/{node}/network", "iface* " + IFACE_OPTIONS, q -> {
            Map<String, Map<String, Object>> pending = pending(cluster.node(q.node()));
            String iface = q.str("iface");
            if (pending.containsKey(iface)) {
                throw ApiException.parameter("iface", "interface already exists");
            }
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("iface", iface);
            config.put("families", List.of("inet"));
            config.put("method", q.has("cidr") || q.has("address") ? "static" : "manual");
            config.put("method6", "manual");
            config.put("priority", pending.size() + 3);
            apply(config, q);
            pending.put(iface, config);
            return null;
        });
        r.put("/nodes/{node}/network/{iface}", "delete " + IFACE_OPTIONS, q -> {
            Map<String, Map<String, Object>> pending = pending(cluster.node(q.node()));
            Map<String, Object> config = pending.get(q.var("iface"));
            if (config == null) {
                throw ApiException.fail("interface '" + q.var("iface") + "' does not exist");
            }
            for (String key : GuestApi.splitList(q.str("delete"))) {
                config.remove(key);
            }
            apply(config, q);
            return null;
        });
        r.delete("/nodes/{node}/network/{iface}", "", q -> {
            Map<String, Map<String, Object>> pending = pending(cluster.node(q.node()));
            if (pending.remove(q.var("iface")) == null) {
                throw ApiException.fail("interface '" + q.var("iface") + "' does not exist");
            }
            return null;
        });
        r.put("/nodes/{node}/network", "regenerate-frr:bool", q -> {
            NodeState node = cluster.node(q.node());
            reads.interfaces(node);
            if (node.pendingInterfaces == null) {
                throw ApiException.fail("no changes to apply");
            }
            Map<String, Map<String, Object>> applied = node.pendingInterfaces;
            return cluster.startTask(node.name, "srvreload", "networking", q.user, t -> {
                for (Map<String, Object> iface : applied.values()) {
                    iface.put("active", 1);
                    iface.put("exists", 1);
                }
                node.interfaces = applied;
                node.pendingInterfaces = null;
            }, "run ifreload -a");
        });
        r.delete("/nodes/{node}/network", "", q -> {
            cluster.node(q.node()).pendingInterfaces = null;
            return null;
        });
        r.post("/nodes/{node}/startall", "force:bool max-workers:int vms", q -> bulk(q, "startall"));
        r.post("/nodes/{node}/stopall", "force-stop:bool max-workers:int timeout:int vms", q -> bulk(q, "stopall"));
        r.post("/nodes/{node}/suspendall", "max-workers:int vms", q -> bulk(q, "suspendall"));
        r.post("/nodes/{node}/migrateall", "target* max-workers:int maxworkers:int vms with-local-disks:bool",
                q -> bulk(q, "migrateall"));
        r.post("/nodes/{node}/wakeonlan", "", q -> {
            NodeState node = cluster.nodes.get(q.node());
            if (node.index == 1 || node.online) {
                throw ApiException.fail("node '" + node.name + "' is already online");
            }
            node.online = true;
            node.bootTime = cluster.now();
            return String.format("BC:24:11:FE:00:%02X", node.index);
        });
    }

    private Map<String, Map<String, Object>> pending(NodeState node) {
        Map<String, Map<String, Object>> current = reads.interfaces(node);
        if (node.pendingInterfaces == null) {
            Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
            current.forEach((k, v) -> copy.put(k, new LinkedHashMap<>(v)));
            node.pendingInterfaces = copy;
        }
        return node.pendingInterfaces;
    }

    private static void apply(Map<String, Object> config, Request q) {
        for (String key : q.params.keySet()) {
            if (key.equals("iface") || key.equals("delete") || key.equals("node")) {
                continue;
            }
            String value = q.str(key);
            config.put(key, value.matches("\\d+") && !key.equals("bridge_vids") ? (Object) Long.parseLong(value) : value);
        }
        if (config.get("cidr") instanceof String cidr && cidr.contains("/")) {
            config.put("address", cidr.substring(0, cidr.indexOf('/')));
            config.put("netmask", cidr.substring(cidr.indexOf('/') + 1));
            config.put("method", "static");
        }
        config.put("active", config.getOrDefault("active", 0));
    }

    private static void checkDigest(Request q, String digest) {
        if (q.has("digest") && !q.str("digest").equals(digest)) {
            throw ApiException.fail("detected modified configuration - file changed by other user? Try again.");
        }
    }

    private Object power(NodeState node, String command) {
        List<Guest> local = new ArrayList<>();
        for (Guest guest : cluster.guests.values()) {
            if (guest.node.equals(node.name)) {
                local.add(guest);
            }
        }
        for (Guest guest : local) {
            if (guest.running()) {
                guest.status = "stopped";
                guest.paused = false;
                guest.applyPending();
            }
        }
        if (command.equals("shutdown")) {
            node.online = false;
        } else {
            node.bootTime = cluster.now();
            for (Guest guest : local) {
                if ("1".equals(guest.config.get("onboot")) && !guest.template() && !guest.config.containsKey("hostpci0")) {
                    guest.status = "running";
                    guest.startedAt = cluster.now();
                }
            }
        }
        return null;
    }

    private Object bulk(Request q, String action) {
        NodeState node = cluster.node(q.node());
        List<String> only = GuestApi.splitList(q.str("vms"));
        String target = q.str("target");
        if (target != null) {
            if (!cluster.nodes.containsKey(target) || target.equals(node.name)) {
                throw ApiException.parameter("target", "invalid target node '" + target + "'");
            }
        }
        List<Integer> ids = new ArrayList<>();
        for (Guest guest : cluster.guests.values()) {
            if (guest.node.equals(node.name) && !guest.template()
                    && (only.isEmpty() || only.contains(String.valueOf(guest.vmid)))) {
                ids.add(guest.vmid);
            }
        }
        String verb = action.substring(0, action.length() - "all".length());
        BulkAction bulk = new BulkAction(verb, q.flag("force") || !only.isEmpty(), q.integer("timeout", 180), target,
                q.flag("with-local-disks"));
        return cluster.startTask(node.name, action, "", q.user, t -> {
            int failed = 0;
            for (int vmid : ids) {
                Guest g = cluster.guests.get(vmid);
                if (g != null && g.node.equals(node.name) && !bulk.apply(cluster, t, g)) {
                    failed++;
                }
            }
            if (failed > 0) {
                throw new Task.Failure("some guests failed: " + failed);
            }
        });
    }
}
