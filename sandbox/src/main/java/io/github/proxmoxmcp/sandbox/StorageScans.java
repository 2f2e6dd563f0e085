package io.github.proxmoxmcp.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /nodes/{node}/scan}: what a node can add as storage. Every reachable file server exports the same three
 * shares ({@code pve}, {@code iso}, {@code backup}), every PBS has two datastores, every iSCSI portal one target; a
 * server under {@code .invalid} cannot be reached. LVM, thin pool and ZFS scans list what is made on the node's disks.
 */
final class StorageScans {

    private static final List<String> SHARES = List.of("pve", "iso", "backup");

    private final Cluster cluster;

    StorageScans(Cluster cluster) {
        this.cluster = cluster;
    }

    void register(Router r) {
        r.get("/nodes/{node}/scan", "", q -> NodeApi.names("cifs", "iscsi", "lvm", "lvmthin", "nfs", "pbs", "zfs"));
        r.get("/nodes/{node}/scan/nfs", "server*", q -> {
            reachable(q.str("server"), "/sbin/showmount --no-headers --exports " + q.str("server"));
            List<Map<String, Object>> out = new ArrayList<>();
            SHARES.forEach(share -> out.add(row("path", "/srv/" + share, "options", "192.168.1.0/24")));
            return out;
        });
        r.get("/nodes/{node}/scan/cifs", "server* username password! domain", q -> {
            reachable(q.str("server"), "/usr/bin/smbclient -m smb3 -d 0 -L " + q.str("server"));
            List<Map<String, Object>> out = new ArrayList<>();
            SHARES.forEach(share -> out.add(row("share", share, "description", share.equals("pve") ? "Proxmox VE storage" : "")));
            return out;
        });
        r.get("/nodes/{node}/scan/pbs", "server* username* password*! fingerprint port:int(1..65535)", q -> {
            reachable(q.str("server"), "proxmox-backup-client list --repository " + q.str("username") + "@" + q.str("server"));
            return List.of(row("store", "datastore1", "comment", "main datastore"), row("store", "offsite", "comment", "synced copy"));
        });
        r.get("/nodes/{node}/scan/iscsi", "portal*", q -> {
            String portal = q.str("portal").contains(":") ? q.str("portal") : q.str("portal") + ":3260";
            reachable(portal.substring(0, portal.lastIndexOf(':')), "/usr/bin/iscsiadm --mode discovery --type sendtargets --portal " + portal);
            return List.of(row("target", "iqn.2026-01.lan.sandbox:storage.target0", "portal", portal));
        });
        r.get("/nodes/{node}/scan/lvm", "", q -> made(q, "lvm", null, "vg"));
        r.get("/nodes/{node}/scan/lvmthin", "vg*", q -> made(q, "lvmthin", q.str("vg"), "lv"));
        r.get("/nodes/{node}/scan/zfs", "", q -> made(q, "zfs", null, "pool"));
    }

    private static void reachable(String server, String command) {
        if (server.endsWith(".invalid")) {
            throw ApiException.fail("command '" + command + "' failed: exit code 1");
        }
    }

    private List<Map<String, Object>> made(Request q, String kind, String vg, String field) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NodeDisks.Made made : cluster.disks.get(cluster.node(q.node()).name).made) {
            if (made.kind().equals(kind) && (vg == null || vg.equals(made.vg()))) {
                out.add(row(field, made.name()));
            }
        }
        return out;
    }

    private static Map<String, Object> row(String... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
