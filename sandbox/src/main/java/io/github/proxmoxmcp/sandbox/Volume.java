package io.github.proxmoxmcp.sandbox;

import java.util.Map;

/**
 * A stored file that is not a guest disk: an ISO image, a container template, an importable image or a backup. Guest
 * disks are derived from the guests' configurations. {@code node} is null on shared storage; {@code notes} and
 * {@code protect} are the attributes Proxmox keeps for backups.
 */
record Volume(String storage, String node, String volid, String content, String format, long size, long ctime,
              Integer vmid, String notes, String subtype, Map<String, String> backupConfig, boolean protect) {

    /** A file that is not a backup: an ISO, a template or an importable image. */
    static Volume file(String storage, String node, String volid, String content, String format, long size, long ctime) {
        return new Volume(storage, node, volid, content, format, size, ctime, null, null, null, null, false);
    }

    Volume withAttributes(String newNotes, boolean newProtect) {
        return new Volume(storage, node, volid, content, format, size, ctime, vmid, newNotes, subtype, backupConfig, newProtect);
    }
}
