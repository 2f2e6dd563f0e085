package io.github.proxmoxmcp.firewall;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * One resolved firewall: what to call it, its root path and the path of its rule list, as segments.
 *
 * @param node the node of a node or guest firewall, else null
 */
record Target(Scope scope, String label, List<String> root, List<String> rules, @Nullable String node) {

    static final List<String> CLUSTER = List.of("cluster", "firewall");

    static Target cluster() {
        return new Target(Scope.cluster, "cluster", CLUSTER, List.of("cluster", "firewall", "rules"), null);
    }

    static Target node(String node) {
        List<String> root = List.of("nodes", node, "firewall");
        return new Target(Scope.node, "node " + node, root, rules(root), node);
    }

    static Target guest(String node, String type, int vmid, String label) {
        List<String> root = List.of("nodes", node, type, Integer.toString(vmid), "firewall");
        return new Target(Scope.guest, label, root, rules(root), node);
    }

    static Target vnet(String vnet) {
        List<String> root = List.of("cluster", "sdn", "vnets", vnet, "firewall");
        return new Target(Scope.vnet, "vnet " + vnet, root, rules(root), null);
    }

    static Target group(String group) {
        return new Target(Scope.group, "group " + group, CLUSTER, List.of("cluster", "firewall", "groups", group), null);
    }

    private static List<String> rules(List<String> root) {
        return java.util.stream.Stream.concat(root.stream(), java.util.stream.Stream.of("rules")).toList();
    }
}
