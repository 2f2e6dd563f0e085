package io.github.proxmoxmcp.sdn;

import io.github.proxmoxmcp.core.id.PveFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SDN object types: where each lives, the format of its id, the parameter naming it on create, the parameter
 * naming its plugin type, and the settings it takes (each with its kind of value), as the official schema has them.
 */
enum Kind {

    zone("zone", PveFormat.SDN_ZONE, "type", "type advertise-subnets:bool bridge bridge-disable-mac-learning:bool controller "
            + "dhcp dns dnszone disable-arp-nd-suppression:bool dp-id:int exitnodes exitnodes-local-routing:bool "
            + "exitnodes-primary fabric ipam mac mtu:int nodes peers reversedns rt-import tag:int vlan-protocol "
            + "vrf-vxlan:int vxlan-port:int"),
    vnet("vnet", PveFormat.SDN_VNET, null, "alias isolate-ports:bool tag:int vlanaware:bool zone"),
    subnet("subnet", PveFormat.SDN_SUBNET, null, "dhcp-dns-server dhcp-range:list dnszoneprefix gateway snat:bool"),
    controller("controller", PveFormat.SDN_ID, "type", "type asn:int bgp-multipath-as-path-relax:bool ebgp:bool "
            + "ebgp-multihop:int fabric isis-domain isis-ifaces isis-net loopback node peers"),
    ipam("ipam", PveFormat.SDN_PLUGIN, "type", "type fingerprint section:int token url"),
    dns("dns", PveFormat.SDN_PLUGIN, "type", "type fingerprint key reversemaskv6:int ttl:int url"),
    fabric("id", PveFormat.SDN_FABRIC, "protocol", "protocol area csnp_interval:num hello_interval:num ip6_prefix ip_prefix"),
    fabric_node("node_id", PveFormat.NODE, "protocol", "protocol interfaces:list ip ip6"),
    /** A MAC/IP mapping in a vnet's IPAM: not an object with a path of its own. */
    ip("ip", null, null, "mac vmid:int");

    /** How a setting's value is sent. */
    enum Value { TEXT, BOOL, INT, NUM, LIST }

    /** Settings Proxmox never shows back in full: write-only credentials. */
    static final Set<String> SECRETS = Set.of("token", "key");

    private final String idParam;
    private final PveFormat format;
    private final String typeParam;
    private final Map<String, Value> settings = new LinkedHashMap<>();

    Kind(String idParam, PveFormat format, String typeParam, String settings) {
        this.idParam = idParam;
        this.format = format;
        this.typeParam = typeParam;
        for (String spec : settings.split(" ")) {
            int colon = spec.indexOf(':');
            this.settings.put(colon < 0 ? spec : spec.substring(0, colon),
                    colon < 0 ? Value.TEXT : Value.valueOf(spec.substring(colon + 1).toUpperCase(java.util.Locale.ROOT)));
        }
    }

    /** The create parameter holding the id. */
    String idParam() {
        return idParam;
    }

    PveFormat format() {
        return format;
    }

    /** The parameter holding the plugin type ({@code type}, {@code protocol}), or null when the type is not chosen. */
    String typeParam() {
        return typeParam;
    }

    Map<String, Value> settings() {
        return settings;
    }

    /** Text for messages: "zone", "fabric node". */
    String label() {
        return name().replace('_', ' ');
    }

    /** Whether its list and read take {@code pending=1}. */
    boolean pending() {
        return this != ipam && this != dns;
    }

    /** Whether its delete takes a {@code lock-token}. */
    boolean lockOnDelete() {
        return this != fabric && this != fabric_node;
    }

    /** The collection's path below {@code /cluster/sdn}; {@code parent} is the vnet or fabric. */
    List<String> collection(String parent) {
        return switch (this) {
            case subnet -> List.of("vnets", parent, "subnets");
            case fabric -> List.of("fabrics", "fabric");
            case fabric_node -> List.of("fabrics", "node", parent);
            case dns -> List.of("dns");
            default -> List.of(name() + "s");
        };
    }

    /** One object's path below {@code /cluster/sdn}. */
    List<String> object(String parent, String id) {
        List<String> path = new ArrayList<>(collection(parent));
        path.add(id);
        return path;
    }

    /** The parent this kind lives in ({@code vnet}, {@code fabric}), or null. */
    String parentField() {
        return this == subnet || this == ip ? "vnet" : this == fabric_node ? "fabric" : null;
    }

    static String names(Iterable<String> keys) {
        return String.join(", ", keys);
    }

    static List<Kind> objects() {
        return Arrays.stream(values()).filter(k -> k != ip).toList();
    }
}
