package io.github.proxmoxmcp.sandbox;

import java.util.List;

/**
 * A storage of the simulated cluster; a non-shared one exists separately on every node. {@code nodes} limits it to
 * some nodes (empty: all of them); a disabled one is configured but not active anywhere.
 */
record StorageDef(String id, String type, List<String> content, boolean shared, long total, long baseUsed,
                  List<String> nodes, boolean disabled) {

    String contentList() {
        return String.join(",", content);
    }

    boolean on(String node) {
        return nodes.isEmpty() || nodes.contains(node);
    }
}
