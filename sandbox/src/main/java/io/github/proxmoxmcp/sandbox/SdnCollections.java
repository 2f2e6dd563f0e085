package io.github.proxmoxmcp.sandbox;

import io.github.proxmoxmcp.sandbox.ConfigCollection.Op;
import io.github.proxmoxmcp.sandbox.ConfigCollection.Refusal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SDN (pve-network): zones, vnets and their subnets, controllers, IPAMs, DNS servers and, on PVE 9, fabrics. Every
 * write is pending until {@code PUT /cluster/sdn} applies it; {@code pending=1} shows the difference.
 */
final class SdnCollections {

    static final String GROUP = "sdn";
    static final String VNETS = "/cluster/sdn/vnets";
    private static final String LOCK = SdnControl.LOCK;

    private SdnCollections() {
    }

    static boolean vnetExists(Cluster c, String vnet) {
        Tables.Table table = c.tables.find(VNETS);
        return table != null && table.rows.stream().anyMatch(row -> vnet.equals(row.get("vnet")));
    }

    static void register(Router r, Cluster c) {
        boolean pve9 = c.pve.major() >= 9;
        r.get("/cluster/sdn", "", q -> SdnControl.index(pve9));
        SdnControl control = new SdnControl(c);
        control.register(r);
        new SdnIpam(c).register(r);
        new SdnNodeApi(c).register(r, pve9);

        ConfigCollection zones = sdn("/cluster/sdn/zones", "zone:pve-sdn-zone-id", "sdn zone", "sdn", control)
                .fields("type*:evpn|faucet|qinq|simple|vlan|vxlan nodes:pve-node-list mtu:int dns reversedns dnszone:dns-name ipam")
                .typed("type",
                        "simple: dhcp:dnsmasq",
                        "vlan: bridge* bridge-disable-mac-learning:bool",
                        "qinq: bridge* tag*:int(0..) vlan-protocol:802.1q|802.1ad bridge-disable-mac-learning:bool",
                        "vxlan: peers vxlan-port:int(1..65536)" + (pve9 ? " fabric" : ""),
                        "evpn: controller* vrf-vxlan*:int(1..16777215) exitnodes:pve-node-list exitnodes-local-routing:bool "
                                + "exitnodes-primary:pve-node advertise-subnets:bool disable-arp-nd-suppression:bool "
                                + "bridge-disable-mac-learning:bool rt-import vxlan-port:int(1..65536) mac",
                        "faucet: dp-id:int")
                .fixed("type").filterBy("type")
                .validate(w -> {
                    String ipam = w.item().get("ipam");
                    if (ipam != null && !ids(c, "/cluster/sdn/ipams", "ipam").contains(ipam)) {
                        throw ApiException.parameter("ipam", ipam + " not existing");
                    }
                    String dns = w.item().get("dns");
                    if (dns != null && !ids(c, "/cluster/sdn/dns", "dns").contains(dns)) {
                        throw ApiException.parameter("dns", dns + " don't exist");
                    }
                })
                .register(r, c);
        ConfigCollection vnets = sdn(VNETS, "vnet:pve-sdn-vnet-id", "sdn vnet", "sdn vnet", control)
                .fields("zone* type:vnet alias tag:int(1..16777215) vlanaware:bool isolate-ports:bool")
                .storedDefaults("type=vnet")
                .validate(w -> {
                    Map<String, String> zone = row(c, "/cluster/sdn/zones", "zone", w.item().get("zone"));
                    if (zone == null) {
                        throw ApiException.fail((w.before() == null ? "create" : "update") + " sdn vnet object failed: "
                                + "unknown section type ''");
                    }
                    String tag = w.item().get("tag");
                    switch (zone.get("type")) {
                        case "simple" -> {
                            if (tag != null) {
                                throw ApiException.parameter("tag", "vlan tag is not allowed on simple zone");
                            }
                        }
                        case "vlan" -> {
                            if (tag == null) {
                                throw ApiException.parameter("tag", "missing vlan tag");
                            }
                            if (Long.parseLong(tag) > 4096) {
                                throw ApiException.parameter("tag", "vlan tag max value is 4096");
                            }
                        }
                        default -> {
                        }
                    }
                })
                .register(r, c);
        ConfigCollection subnets = ConfigCollection.keyed(VNETS + "/{vnet}/subnets", "subnet:pve-sdn-subnet-id")
                .within(vnets).within(control::checkWrite).pending(GROUP, "type", "vnet")
                .fields("subnet*:CIDR type*:subnet gateway:ip snat:bool dnszoneprefix:dns-name dhcp-dns-server:ip dhcp-range:list")
                .params(Op.CREATE, LOCK).params(Op.UPDATE, LOCK).params(Op.DELETE, LOCK)
                .idFrom(q -> zoneOf(c, q.var("vnet")) + "-" + q.str("subnet").replace('/', '-'))
                .insert(ConfigCollection.Insert.SORTED).digest()
                .duplicate(Refusal.fail("sdn subnet object ID '{id}' already defined"))
                .missing(Refusal.fail("sdn subnet '{id}' does not exist"))
                .failures("create sdn subnet object failed: ", "update sdn subnet object failed: ",
                        "delete sdn subnet object failed: ")
                .validate(w -> {
                    w.item().put("vnet", w.request().var("vnet"));
                    String gateway = w.item().get("gateway");
                    String cidr = cidrOf(w.id());
                    if (gateway != null && !inSubnet(gateway, cidr)) {
                        throw ApiException.parameter("gateway", gateway + " is not in subnet " + cidr);
                    }
                })
                .view((q, row, out) -> {
                    String id = row.get("subnet");
                    String[] parts = id.split("-");
                    out.put("id", id);
                    out.put("cidr", parts[1] + "/" + parts[2]);
                    out.put("zone", parts[0]);
                    out.put("network", parts[1]);
                    out.put("mask", parts[2]);
                    List<Map<String, String>> ranges = new ArrayList<>();
                    for (String range : row.getOrDefault("dhcp-range", "").split("\n")) {
                        if (!range.isEmpty()) {
                            ranges.add(Configs.propertyString(range));
                        }
                    }
                    out.put("dhcp-range", ranges);
                })
                .register(r, c);
        vnets.beforeDelete(w -> {
            if (!subnets.table(c, w.id()).rows.isEmpty()) {
                throw ApiException.parameter("vnet", "Can't delete vnet if subnets exists");
            }
        });
        zones.beforeDelete(w -> {
            for (Map<String, String> vnet : c.tables.table(VNETS, GROUP).rows) {
                if (w.id().equals(vnet.get("zone"))) {
                    throw ApiException.fail("delete sdn zone object failed: zone " + w.id() + " is used by vnet "
                            + vnet.get("vnet") + " at /usr/share/perl5/PVE/Network/SDN/Zones/Plugin.pm line 148.");
                }
            }
        });
        sdn("/cluster/sdn/controllers", "controller:pve-sdn-controller-id", "sdn controller", "sdn", control)
                .fields("type*:bgp|evpn|faucet|isis")
                .typed("type",
                        "evpn: asn*:int(0..4294967295) peers" + (pve9 ? " fabric" : ""),
                        "bgp: node*:pve-node asn*:int(0..4294967295) peers* bgp-multipath-as-path-relax:bool ebgp:bool "
                                + "ebgp-multihop:int loopback",
                        "isis: node*:pve-node isis-domain* isis-ifaces* isis-net* loopback")
                .fixed("type").filterBy("type").register(r, c);
        sdn("/cluster/sdn/ipams", "ipam:pve-sdn-ipam-id", "sdn ipam", "sdn", control)
                // pve-network's IPAM delete reports itself as a zone one
                .failures("create sdn ipam object failed: ", "update sdn ipam object failed: ", "delete sdn zone object failed: ")
                .fields("type*:netbox|phpipam|pve")
                .typed("type", "pve:", "netbox: url* token* fingerprint", "phpipam: url* token* section*:int fingerprint")
                .fixed("type").filterBy("type").register(r, c);
        sdn("/cluster/sdn/dns", "dns:pve-sdn-dns-id", "sdn dns", "sdn", control)
                .fields("type*:powerdns url* key* ttl:int reversemaskv6:int reversev6mask:int fingerprint")
                .fixed("type").filterBy("type").register(r, c);
        if (pve9) {
            r.get("/cluster/sdn/fabrics", "", q -> List.of(Map.of("subdir", "fabric"), Map.of("subdir", "node"),
                    Map.of("subdir", "all")));
            ConfigCollection fabrics = ConfigCollection.keyed("/cluster/sdn/fabrics/fabric", "id")
                    .within(control::checkWrite).pending(GROUP, "protocol")
                    .fields("protocol*:openfabric|ospf ip_prefix:CIDR ip6_prefix:CIDR area hello_interval:num(1..600) "
                            + "csnp_interval:num(1..600)")
                    .params(Op.CREATE, LOCK + " digest").params(Op.UPDATE, LOCK + " protocol*:openfabric|ospf")
                    .params(Op.DELETE, LOCK)
                    .fixed("protocol").insert(ConfigCollection.Insert.SORTED).digest()
                    .duplicate(Refusal.fail("fabric '{id}' already exists"))
                    .missing(Refusal.fail("fabric '{id}' does not exist"))
                    .register(r, c);
            ConfigCollection.keyed("/cluster/sdn/fabrics/node/{fabric_id}", "node_id:pve-node")
                    .within(fabrics).within(control::checkWrite).pending(GROUP, "protocol", "fabric_id")
                    .fields("protocol*:openfabric|ospf ip:ipv4 ip6:ipv6 interfaces*:list")
                    .params(Op.CREATE, LOCK + " digest").params(Op.UPDATE, LOCK).params(Op.DELETE, LOCK)
                    .insert(ConfigCollection.Insert.SORTED).digest()
                    .validate(w -> w.item().put("fabric_id", w.request().var("fabric_id")))
                    .duplicate(Refusal.fail("node '{id}' already exists in fabric '{fabric_id}'"))
                    .missing(Refusal.fail("node '{id}' does not exist in fabric '{fabric_id}'"))
                    .register(r, c);
        }
        seed(c);
    }

    /** The shape every SDN object type shares: pending writes, lock token, sorted ids, the digest, pve-network's texts. */
    private static ConfigCollection sdn(String path, String idSpec, String label, String missingLabel, SdnControl control) {
        String object = label + " object";
        return ConfigCollection.keyed(path, idSpec).within(control::checkWrite).pending(GROUP, "type")
                .params(Op.CREATE, LOCK).params(Op.UPDATE, LOCK).params(Op.DELETE, LOCK)
                .insert(ConfigCollection.Insert.SORTED).digest()
                .duplicate(Refusal.fail(object + " ID '{id}' already defined"))
                .missing(Refusal.fail(missingLabel + " '{id}' does not exist"))
                .failures("create " + object + " failed: ", "update " + object + " failed: ", "delete " + object + " failed: ");
    }

    private static List<String> ids(Cluster c, String table, String field) {
        List<String> out = new ArrayList<>();
        c.tables.table(table, GROUP).rows.forEach(row -> out.add(row.get(field)));
        return out;
    }

    static Map<String, String> row(Cluster c, String table, String field, String id) {
        for (Map<String, String> row : c.tables.table(table, GROUP).rows) {
            if (row.get(field).equals(id)) {
                return row;
            }
        }
        return null;
    }

    private static String zoneOf(Cluster c, String vnet) {
        Map<String, String> row = row(c, VNETS, "vnet", vnet);
        return row == null ? "" : row.get("zone");
    }

    private static String cidrOf(String subnetId) {
        String[] parts = subnetId.split("-");
        return parts[1] + "/" + parts[2];
    }

    /** Whether an IPv4 address lies in an IPv4 CIDR (IPv6 subnets accept any gateway). */
    static boolean inSubnet(String ip, String cidr) {
        if (ip.contains(":") || cidr.contains(":")) {
            return true;
        }
        int bits = Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
        long mask = bits == 0 ? 0 : 0xFFFFFFFFL << (32 - bits) & 0xFFFFFFFFL;
        return (ipv4(ip) & mask) == (ipv4(cidr.substring(0, cidr.indexOf('/'))) & mask);
    }

    private static long ipv4(String ip) {
        long value = 0;
        for (String octet : ip.split("\\.")) {
            value = value << 8 | Long.parseLong(octet);
        }
        return value;
    }

    // ---- seed: one simple zone with the built-in IPAM, a vnet and its subnet, all applied ----

    private static void seed(Cluster c) {
        Tables tables = c.tables;
        tables.table("/cluster/sdn/ipams", GROUP).add("ipam", "pve", "type", "pve");
        tables.table("/cluster/sdn/zones", GROUP).add("zone", "lab", "type", "simple", "ipam", "pve", "dhcp", "dnsmasq",
                "nodes", "pve1,pve2,pve3");
        tables.table(VNETS, GROUP).add("vnet", "labnet", "zone", "lab", "type", "vnet", "alias", "Lab network");
        Map<String, String> subnet = new LinkedHashMap<>();
        subnet.put("subnet", "lab-10.10.10.0-24");
        subnet.put("type", "subnet");
        subnet.put("vnet", "labnet");
        subnet.put("gateway", "10.10.10.1");
        subnet.put("snat", "1");
        subnet.put("dhcp-range", "start-address=10.10.10.100,end-address=10.10.10.200");
        tables.table(VNETS + "/labnet/subnets", GROUP).rows.add(subnet);
        tables.commit(GROUP);
    }
}
