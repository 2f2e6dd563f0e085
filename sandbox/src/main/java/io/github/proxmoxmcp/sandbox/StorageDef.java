package io.github.proxmoxmcp.sandbox;

import java.util.List;

/** A storage of the simulated cluster; a non-shared one exists separately on every node. */
record StorageDef(String id, String type, List<String> content, boolean shared, long total, long baseUsed) {

    String contentList() {
        return String.join(",", content);
    }
}
