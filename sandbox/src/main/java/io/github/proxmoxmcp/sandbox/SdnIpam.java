package io.github.proxmoxmcp.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the IPAMs hold (pve-network's IPAM plugins): each subnet's gateway, and the MAC/IP mappings written through
 * {@code /cluster/sdn/vnets/{vnet}/ips}. These take effect at once: they are not part of the pending configuration.
 */
final class SdnIpam {

    private final Cluster c;
    private final List<Map<String, Object>> entries = new ArrayList<>();

    SdnIpam(Cluster c) {
        this.c = c;
    }

    void register(Router r) {
        String ips = SdnCollections.VNETS + "/{vnet}/ips";
        r.post(ips, "zone*:pve-sdn-zone-id ip*:ip mac", q -> {
            String cidr = subnetOf(q);
            if (find(q.var("vnet"), q.str("ip")) != null) {
                throw ApiException.fail("IP '" + q.str("ip") + "' already exist");
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("zone", q.str("zone"));
            entry.put("vnet", q.var("vnet"));
            entry.put("subnet", cidr);
            entry.put("ip", q.str("ip"));
            if (q.str("mac") != null) {
                entry.put("mac", q.str("mac"));
            }
            entries.add(entry);
            return null;
        });
        r.put(ips, "zone*:pve-sdn-zone-id ip*:ip mac vmid:pve-vmid", q -> {
            subnetOf(q);
            Map<String, Object> entry = require(q);
            if (q.str("mac") != null) {
                entry.put("mac", q.str("mac"));
            }
            if (q.str("vmid") != null) {
                entry.put("vmid", Integer.parseInt(q.str("vmid")));
            }
            return null;
        });
        r.delete(ips, "zone*:pve-sdn-zone-id ip*:ip mac", q -> {
            subnetOf(q);
            entries.remove(require(q));
            return null;
        });
        r.get("/cluster/sdn/ipams/{ipam}/status", "", q -> status(q.var("ipam")));
    }

    /** The subnet of the vnet holding the address; the vnet must exist in that zone. */
    private String subnetOf(Request q) {
        String vnet = q.var("vnet");
        Map<String, String> row = SdnCollections.row(c, SdnCollections.VNETS, "vnet", vnet);
        if (row == null) {
            throw ApiException.fail("vnet '" + vnet + "' does not exist");
        }
        if (!row.get("zone").equals(q.str("zone"))) {
            throw ApiException.parameter("zone", "vnet " + vnet + " is not in zone " + q.str("zone"));
        }
        for (Map<String, String> subnet : c.tables.table(SdnCollections.VNETS + "/" + vnet + "/subnets", SdnCollections.GROUP).rows) {
            String cidr = cidr(subnet.get("subnet"));
            if (SdnCollections.inSubnet(q.str("ip"), cidr)) {
                return cidr;
            }
        }
        throw ApiException.fail("ip " + q.str("ip") + " is not in a subnet of vnet " + vnet);
    }

    private Map<String, Object> find(String vnet, String ip) {
        return entries.stream().filter(e -> vnet.equals(e.get("vnet")) && ip.equals(e.get("ip"))).findFirst().orElse(null);
    }

    private Map<String, Object> require(Request q) {
        Map<String, Object> entry = find(q.var("vnet"), q.str("ip"));
        if (entry == null) {
            throw ApiException.fail("IP '" + q.str("ip") + "' does not exist in vnet " + q.var("vnet"));
        }
        return entry;
    }

    /** The gateways of the subnets in zones using this IPAM (the built-in pve one when a zone names none), then the mappings. */
    private List<Map<String, Object>> status(String ipam) {
        if (SdnCollections.row(c, "/cluster/sdn/ipams", "ipam", ipam) == null) {
            throw ApiException.fail("sdn '" + ipam + "' does not exist");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> zones = new ArrayList<>();
        for (Map<String, String> zone : c.tables.table("/cluster/sdn/zones", SdnCollections.GROUP).rows) {
            if (ipam.equals(zone.getOrDefault("ipam", "pve"))) {
                zones.add(zone.get("zone"));
            }
        }
        for (Map<String, String> vnet : c.tables.table(SdnCollections.VNETS, SdnCollections.GROUP).rows) {
            if (!zones.contains(vnet.get("zone"))) {
                continue;
            }
            for (Map<String, String> subnet : c.tables.table(SdnCollections.VNETS + "/" + vnet.get("vnet") + "/subnets",
                    SdnCollections.GROUP).rows) {
                if (subnet.get("gateway") != null) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("zone", vnet.get("zone"));
                    entry.put("vnet", vnet.get("vnet"));
                    entry.put("subnet", cidr(subnet.get("subnet")));
                    entry.put("ip", subnet.get("gateway"));
                    entry.put("gateway", 1);
                    out.add(entry);
                }
            }
            entries.stream().filter(e -> vnet.get("vnet").equals(e.get("vnet"))).forEach(out::add);
        }
        return out;
    }

    /** {@code lab-10.0.0.0-24} as {@code 10.0.0.0/24}. */
    static String cidr(String subnetId) {
        String[] parts = subnetId.split("-");
        return parts[1] + "/" + parts[2];
    }
}
