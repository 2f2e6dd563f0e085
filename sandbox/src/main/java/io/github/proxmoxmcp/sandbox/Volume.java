package io.github.proxmoxmcp.sandbox;

import java.util.Map;

/**
 * A stored file that is not a guest disk: an ISO image, a container template or a backup. Guest disks are derived from
 * the guests' configurations. {@code node} is null on shared storage.
 */
record Volume(String storage, String node, String volid, String content, String format, long size, long ctime,
              Integer vmid, String notes, String subtype, Map<String, String> backupConfig) {
}
