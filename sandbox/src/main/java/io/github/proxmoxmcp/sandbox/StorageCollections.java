package io.github.proxmoxmcp.sandbox;

import io.github.proxmoxmcp.sandbox.ConfigCollection.Refusal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** {@code /storage}: the storage configuration (storage.cfg), a typed SectionConfig collection. */
final class StorageCollections {

    static final String PATH = "/storage";
    static final List<String> SHARED_TYPES = List.of("iscsi", "nfs", "cifs", "rbd", "cephfs", "iscsidirect", "zfs", "pbs");
    private static final String TYPES = "btrfs|cephfs|cifs|dir|esxi|iscsi|iscsidirect|lvm|lvmthin|nfs|pbs|rbd|zfs|zfspool";
    private static final String DIR_LIKE = "content-dirs prune-backups max-protected-backups:int(-1..) format:raw|qcow2|subvol|vmdk "
            + "mkdir:bool create-base-path:bool create-subdirs:bool preallocation:off|metadata|falloc|full";

    private StorageCollections() {
    }

    static void register(Router r, Cluster c) {
        ConfigCollection.keyed(PATH, "storage:pve-storage-id")
                .fields("type*:" + TYPES + " content nodes:pve-node-list disable:bool bwlimit "
                        + "password! encryption-key! master-pubkey! keyring!")
                .typed("type",
                        "dir: path* shared:bool is_mountpoint snapshot-as-volume-chain:bool " + DIR_LIKE,
                        "nfs: server* export* path options snapshot-as-volume-chain:bool " + DIR_LIKE,
                        "cifs: server* share* path subdir username domain smbversion:default|2.0|2.1|3|3.0|3.11 options "
                                + "snapshot-as-volume-chain:bool " + DIR_LIKE,
                        "cephfs: path monhost subdir options username fuse:bool fs-name:pve-configid " + DIR_LIKE,
                        "lvmthin: thinpool* vgname*",
                        "lvm: vgname* base shared:bool saferemove:bool saferemove-stepsize:1|2|4|8|16|32 saferemove_throughput "
                                + "tagged_only:bool snapshot-as-volume-chain:bool",
                        "zfspool: pool* blocksize sparse:bool mountpoint",
                        "rbd: monhost pool data-pool namespace username krbd:bool",
                        "pbs: server* datastore* namespace port:int(1..65535) username prune-backups "
                                + "max-protected-backups:int(-1..) fingerprint")
                .fixed("type", "path", "server", "export", "share", "thinpool", "vgname", "base", "datastore")
                .filterBy("type")
                .insert(ConfigCollection.Insert.SORTED)
                .digest()
                .duplicate(Refusal.fail("storage ID '{id}' already defined"))
                .missing(Refusal.fail("storage '{id}' does not exist"))
                .failures("create storage failed: ", "update storage failed: ", "delete storage failed: ")
                .validate(w -> {
                    String type = w.item().get("type");
                    if (w.before() == null && List.of("nfs", "cifs", "cephfs").contains(type)) {
                        w.item().putIfAbsent("path", "/mnt/pve/" + w.id());
                    }
                })
                .view((q, row, out) -> {
                    out.put("content", String.join(",", content(row)));
                    if (SHARED_TYPES.contains(row.get("type"))) {
                        out.put("shared", 1);
                    }
                })
                .created(w -> answer(w.id(), w.item()))
                .updated(w -> answer(w.id(), w.item()))
                .register(r, c);
    }

    private static Map<String, Object> answer(String id, Map<String, String> row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("storage", id);
        m.put("type", row.get("type"));
        return m;
    }

    /** The content types of a storage, sorted as Proxmox writes them, with the type's default when unset. */
    static List<String> content(Map<String, String> row) {
        String content = row.get("content");
        if (content == null) {
            content = switch (row.get("type")) {
                case "dir", "nfs", "cifs", "lvmthin", "zfspool", "btrfs" -> "images,rootdir";
                case "cephfs" -> "vztmpl,iso,backup";
                case "pbs" -> "backup";
                case "esxi" -> "import";
                default -> "images";
            };
        }
        return List.copyOf(new TreeSet<>(Arrays.asList(content.split("[,;\\s]+"))));
    }

    static void seed(Cluster c) {
        Tables.Table storages = c.tables.table(PATH, null);
        storages.add("storage", "local", "type", "dir", "path", "/var/lib/vz", "content", "backup,iso,vztmpl",
                "prune-backups", "keep-all=1");
        storages.add("storage", "local-lvm", "type", "lvmthin", "thinpool", "data", "vgname", "pve", "content", "images,rootdir");
        storages.add("storage", "nfs-shared", "type", "nfs", "server", "192.168.1.5", "export", "/srv/pve",
                "path", "/mnt/pve/nfs-shared", "options", "vers=4.2", "content", "backup,images,iso",
                "prune-backups", "keep-daily=7,keep-weekly=4");
    }
}
