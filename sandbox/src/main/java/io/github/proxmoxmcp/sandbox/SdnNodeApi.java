package io.github.proxmoxmcp.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SDN as each node runs it ({@code /nodes/{node}/sdn}): only the applied configuration reaches a node, so these
 * read the running copy of the tables. A zone whose configuration differs from what was applied is "pending";
 * {@code /cluster/sdn/dry-run} shows what applying would change in the node's SDN interfaces file.
 */
final class SdnNodeApi {

    private static final String ZONES = "/cluster/sdn/zones";

    private final Cluster c;

    SdnNodeApi(Cluster c) {
        this.c = c;
    }

    void register(Router r, boolean pve9) {
        r.get("/nodes/{node}/sdn", "", q -> subdirs("name", pve9 ? List.of("zones", "vnets", "fabrics") : List.of("zones", "vnets")));
        r.get("/nodes/{node}/sdn/zones", "", q -> {
            List<Map<String, Object>> out = new ArrayList<>();
            Tables.Table zones = c.tables.table(ZONES, SdnCollections.GROUP);
            for (Map<String, String> zone : zones.running) {
                if (onNode(zone, q.node())) {
                    Map<String, String> now = find(zones.rows, "zone", zone.get("zone"));
                    out.add(Map.of("zone", zone.get("zone"), "status", zone.equals(now) ? "available" : "pending"));
                }
            }
            return out;
        });
        r.get("/nodes/{node}/sdn/zones/{zone}", "", q -> {
            zone(q);
            return subdirs("subdir", List.of("content", "bridges", "ip-vrf"));
        });
        r.get("/nodes/{node}/sdn/zones/{zone}/content", "", q -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, String> vnet : vnets(zone(q).get("zone"))) {
                out.add(Map.of("vnet", vnet.get("vnet"), "status", "available"));
            }
            return out;
        });
        r.get("/nodes/{node}/sdn/zones/{zone}/bridges", "", q -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, String> vnet : vnets(zone(q).get("zone"))) {
                Map<String, Object> bridge = new LinkedHashMap<>();
                bridge.put("name", vnet.get("vnet"));
                bridge.put("vlan_filtering", vnet.get("vlanaware") != null && Request.isTrue(vnet.get("vlanaware")) ? "1" : "0");
                bridge.put("ports", ports(q.node(), vnet.get("vnet")));
                out.add(bridge);
            }
            return out;
        });
        r.get("/nodes/{node}/sdn/zones/{zone}/ip-vrf", "", q -> {
            if (!"evpn".equals(zone(q).get("type"))) {
                throw ApiException.fail("zone " + q.var("zone") + " is not an EVPN zone");
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, String> vnet : vnets(q.var("zone"))) {
                for (Map<String, String> subnet : running(SdnCollections.VNETS + "/" + vnet.get("vnet") + "/subnets")) {
                    out.add(Map.of("ip", SdnIpam.cidr(subnet.get("subnet")), "protocol", "connected", "metric", 0,
                            "nexthops", List.of(vnet.get("vnet"))));
                }
            }
            return out;
        });
        r.get("/nodes/{node}/sdn/vnets/{vnet}", "", q -> {
            vnet(q);
            return subdirs("subdir", List.of("mac-vrf"));
        });
        r.get("/nodes/{node}/sdn/vnets/{vnet}/mac-vrf", "", q -> {
            Map<String, String> zone = find(c.tables.table(ZONES, SdnCollections.GROUP).running, "zone", vnet(q).get("zone"));
            if (zone == null || !"evpn".equals(zone.get("type"))) {
                throw ApiException.fail("vnet " + q.var("vnet") + " is not in an EVPN zone");
            }
            return List.of();
        });
        r.get("/cluster/sdn/dry-run", "node*:pve-node", q -> dryRun());
        if (pve9) {
            fabrics(r);
        }
    }

    private void fabrics(Router r) {
        r.get("/nodes/{node}/sdn/fabrics/{fabric}", "", q -> {
            fabricNodes(q);
            return subdirs("subdir", List.of("routes", "neighbors", "interfaces"));
        });
        r.get("/nodes/{node}/sdn/fabrics/{fabric}/interfaces", "", q -> {
            List<Map<String, Object>> out = new ArrayList<>();
            Map<String, String> self = find(fabricNodes(q), "node_id", q.node());
            if (self != null) {
                for (String iface : self.getOrDefault("interfaces", "").split("\n")) {
                    if (!iface.isEmpty()) {
                        out.add(Map.of("name", Configs.propertyString(iface).getOrDefault("name", iface),
                                "type", "Point-to-Point", "state", "up"));
                    }
                }
            }
            return out;
        });
        r.get("/nodes/{node}/sdn/fabrics/{fabric}/neighbors", "", q -> {
            List<Map<String, Object>> out = new ArrayList<>();
            List<Map<String, String>> nodes = fabricNodes(q);
            if (find(nodes, "node_id", q.node()) != null) {
                nodes.stream().filter(n -> !n.get("node_id").equals(q.node()))
                        .forEach(n -> out.add(Map.of("neighbor", n.get("node_id"), "status", "Up", "uptime", "1h2m3s")));
            }
            return out;
        });
        r.get("/nodes/{node}/sdn/fabrics/{fabric}/routes", "", q -> {
            List<Map<String, Object>> out = new ArrayList<>();
            List<Map<String, String>> nodes = fabricNodes(q);
            if (find(nodes, "node_id", q.node()) != null) {
                nodes.stream().filter(n -> !n.get("node_id").equals(q.node()) && n.get("ip") != null)
                        .forEach(n -> out.add(Map.of("route", n.get("ip") + "/32", "via", List.of(n.get("ip")))));
            }
            return out;
        });
    }

    // ---- the applied configuration ----

    private Map<String, String> zone(Request q) {
        Map<String, String> zone = find(running(ZONES), "zone", q.var("zone"));
        if (zone == null) {
            throw ApiException.fail("zone '" + q.var("zone") + "' does not exist");
        }
        return zone;
    }

    private Map<String, String> vnet(Request q) {
        Map<String, String> vnet = find(running(SdnCollections.VNETS), "vnet", q.var("vnet"));
        if (vnet == null) {
            throw ApiException.fail("vnet '" + q.var("vnet") + "' does not exist");
        }
        return vnet;
    }

    private List<Map<String, String>> fabricNodes(Request q) {
        if (find(running("/cluster/sdn/fabrics/fabric"), "id", q.var("fabric")) == null) {
            throw ApiException.fail("fabric '" + q.var("fabric") + "' does not exist");
        }
        return running("/cluster/sdn/fabrics/node/" + q.var("fabric"));
    }

    private List<Map<String, String>> vnets(String zone) {
        return running(SdnCollections.VNETS).stream().filter(v -> zone.equals(v.get("zone"))).toList();
    }

    private List<Map<String, String>> running(String table) {
        return c.tables.table(table, SdnCollections.GROUP).running;
    }

    private static boolean onNode(Map<String, String> zone, String node) {
        String nodes = zone.get("nodes");
        return nodes == null || List.of(nodes.split(",")).contains(node);
    }

    /** The guest NICs of that node on the vnet's bridge: {@code tap100i0} (VM) or {@code veth101i0} (container). */
    private List<Map<String, Object>> ports(String node, String vnet) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Guest guest : c.guests.values()) {
            if (!guest.node.equals(node)) {
                continue;
            }
            guest.config.forEach((key, value) -> {
                if (key.matches("net[0-9]+")) {
                    Map<String, String> nic = Configs.propertyString(value);
                    if (vnet.equals(nic.get("bridge"))) {
                        Map<String, Object> port = new LinkedHashMap<>();
                        port.put("name", (guest.isQemu() ? "tap" : "veth") + guest.vmid + "i" + key.substring(3));
                        port.put("vmid", guest.vmid);
                        port.put("index", key.substring(3));
                        if (nic.get("tag") != null) {
                            port.put("primary_vlan", Integer.parseInt(nic.get("tag")));
                        }
                        out.add(port);
                    }
                }
            });
        }
        return out;
    }

    /** The SDN interfaces file as applied and as it would be: the lines applying adds and removes. */
    private Map<String, Object> dryRun() {
        List<String> now = interfaces(true);
        List<String> then = interfaces(false);
        StringBuilder diff = new StringBuilder();
        now.stream().filter(line -> !then.contains(line)).forEach(line -> diff.append('-').append(line).append('\n'));
        then.stream().filter(line -> !now.contains(line)).forEach(line -> diff.append('+').append(line).append('\n'));
        Map<String, Object> out = new LinkedHashMap<>();
        if (!diff.isEmpty()) {
            out.put("interfaces-diff", diff.toString());
        }
        return out;
    }

    private List<String> interfaces(boolean applied) {
        Tables.Table zones = c.tables.table(ZONES, SdnCollections.GROUP);
        Tables.Table vnets = c.tables.table(SdnCollections.VNETS, SdnCollections.GROUP);
        List<String> lines = new ArrayList<>();
        for (Map<String, String> vnet : applied ? vnets.running : vnets.rows) {
            Map<String, String> zone = find(applied ? zones.running : zones.rows, "zone", vnet.get("zone"));
            lines.add("auto " + vnet.get("vnet"));
            lines.add("iface " + vnet.get("vnet"));
            if (zone != null && zone.get("bridge") != null) {
                lines.add("\tbridge_ports " + zone.get("bridge") + (vnet.get("tag") != null ? "." + vnet.get("tag") : ""));
            } else {
                lines.add("\tbridge_ports none");
            }
            if (zone != null && zone.get("mtu") != null) {
                lines.add("\tmtu " + zone.get("mtu"));
            }
        }
        return lines;
    }

    private static Map<String, String> find(List<Map<String, String>> rows, String field, String id) {
        return rows.stream().filter(row -> id.equals(row.get(field))).findFirst().orElse(null);
    }

    private static List<Map<String, String>> subdirs(String key, List<String> names) {
        return names.stream().map(name -> Map.of(key, name)).toList();
    }
}
