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

    /** One option of a configured storage, or null. */
    static String option(Cluster c, String storage, String key) {
        for (Map<String, String> row : c.tables.table(PATH, null).rows) {
            if (row.get("storage").equals(storage)) {
                return row.get(key);
            }
        }
        return null;
    }

    /** Where a file-based storage keeps its files. */
    static String path(Cluster c, String storage) {
        String path = option(c, storage, "path");
        return path == null ? "/mnt/pve/" + storage : path;
    }

    /** Adds a storage made on a node's disks ({@code add_storage} of the disk endpoints), limited to that node. */
    static void addLocal(Cluster c, String storage, String node, String... keysAndValues) {
        Tables.Table table = c.tables.table(PATH, null);
        if (option(c, storage, "type") != null) {
            throw new Task.Failure("create storage failed: storage ID '" + storage + "' already defined");
        }
        Map<String, String> row = table.add("storage", storage);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        row.put("nodes", node);
        table.rows.sort(java.util.Comparator.comparing(r -> r.get("storage")));
    }

    /** {@code cleanup-config}: the storages on that node's disk storage lose the node, and go when no node is left. */
    static void removeLocal(Cluster c, String node, String key, String value) {
        Tables.Table table = c.tables.table(PATH, null);
        table.rows.removeIf(row -> {
            if (!value.equals(row.get(key)) || row.get("nodes") == null) {
                return false;
            }
            List<String> nodes = new java.util.ArrayList<>(Arrays.asList(row.get("nodes").split("[,;\\s]+")));
            nodes.remove(node);
            row.put("nodes", String.join(",", nodes));
            return nodes.isEmpty();
        });
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
