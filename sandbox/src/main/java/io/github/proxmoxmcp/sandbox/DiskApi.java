package io.github.proxmoxmcp.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /nodes/{node}/disks}: the node's disks with SMART data, GPT initialisation and wiping, and the LVM volume
 * groups, thin pools, ZFS pools and directories made on unused disks (optionally added as storage), all through tasks.
 */
final class DiskApi {

    private static final Map<String, Integer> MIN_DISKS = Map.of("single", 1, "mirror", 2, "raid10", 4, "raidz", 3,
            "raidz2", 4, "raidz3", 5, "draid", 3, "draid2", 4, "draid3", 5);
    private static final String CLEANUP = "cleanup-config:bool cleanup-disks:bool";

    private final Cluster cluster;

    DiskApi(Cluster cluster) {
        this.cluster = cluster;
    }

    void register(Router r) {
        r.get("/nodes/{node}/disks", "", q -> NodeApi.names("directory", "list", "lvm", "lvmthin", "smart", "zfs"));
        r.get("/nodes/{node}/disks/list", "include-partitions:bool skipsmart:bool type:unused|journal_disks", this::list);
        r.get("/nodes/{node}/disks/smart", "disk* healthonly:bool", this::smart);
        r.post("/nodes/{node}/disks/initgpt", "disk* uuid", q -> {
            NodeDisks.Disk disk = unused(q, q.str("disk"));
            return cluster.startTask(q.node(), "diskinit", base(disk.devpath), q.user, t -> {
                disk.gpt = true;
                t.log.add("Creating new GPT on " + disk.devpath);
            });
        });
        r.put("/nodes/{node}/disks/wipedisk", "disk*", q -> {
            NodeDisks.Disk disk = unused(q, q.str("disk"));
            return cluster.startTask(q.node(), "wipedisk", base(disk.devpath), q.user, t -> {
                disk.gpt = false;
                disk.used = null;
                t.log.add("wiping disk/partition: " + disk.devpath);
            });
        });
        r.get("/nodes/{node}/disks/lvm", "", this::volumeGroups);
        r.get("/nodes/{node}/disks/lvmthin", "", this::thinPools);
        r.get("/nodes/{node}/disks/zfs", "", this::zpools);
        r.get("/nodes/{node}/disks/zfs/{name}", "name:pve-storage-id", this::zpool);
        r.get("/nodes/{node}/disks/directory", "", this::directories);
        r.post("/nodes/{node}/disks/lvm", "name*:pve-storage-id device* add_storage:bool", q -> create(q, "lvm"));
        r.post("/nodes/{node}/disks/lvmthin", "name*:pve-storage-id device* add_storage:bool", q -> create(q, "lvmthin"));
        r.post("/nodes/{node}/disks/zfs", "name*:pve-storage-id devices* raidlevel*:" + String.join("|", MIN_DISKS.keySet())
                + " ashift:int(9..16) compression:on|off|gzip|lz4|lzjb|zle|zstd draid-config add_storage:bool", q -> create(q, "zfs"));
        r.post("/nodes/{node}/disks/directory", "name*:pve-storage-id device* filesystem:ext4|xfs add_storage:bool",
                q -> create(q, "directory"));
        r.delete("/nodes/{node}/disks/lvm/{name}", "name:pve-storage-id " + CLEANUP, q -> remove(q, "lvm"));
        r.delete("/nodes/{node}/disks/lvmthin/{name}", "name:pve-storage-id volume-group*:pve-storage-id " + CLEANUP,
                q -> remove(q, "lvmthin"));
        r.delete("/nodes/{node}/disks/zfs/{name}", "name:pve-storage-id " + CLEANUP, q -> remove(q, "zfs"));
        r.delete("/nodes/{node}/disks/directory/{name}", "name:pve-storage-id " + CLEANUP, q -> remove(q, "directory"));
        new StorageScans(cluster).register(r);
    }

    private NodeDisks disks(Request q) {
        return cluster.disks.get(cluster.node(q.node()).name);
    }

    private NodeDisks.Disk disk(Request q, String devpath) {
        NodeDisks.Disk disk = disks(q).disk(devpath);
        if (disk == null) {
            throw ApiException.fail("no such block device '" + devpath + "'");
        }
        return disk;
    }

    private NodeDisks.Disk unused(Request q, String devpath) {
        NodeDisks.Disk disk = disk(q, devpath);
        if (disk.used != null) {
            throw ApiException.fail("device '" + devpath + "' is already in use");
        }
        return disk;
    }

    private static String base(String devpath) {
        return devpath.substring(devpath.lastIndexOf('/') + 1);
    }

    // ---- reads ----

    private List<Map<String, Object>> list(Request q) {
        boolean unusedOnly = "unused".equals(q.str("type"));
        List<Map<String, Object>> out = new ArrayList<>();
        for (NodeDisks.Disk disk : disks(q).disks) {
            if (unusedOnly && disk.used != null) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("devpath", disk.devpath);
            m.put("type", disk.type);
            m.put("size", disk.size);
            m.put("model", disk.model);
            m.put("serial", disk.serial);
            m.put("vendor", disk.type.equals("nvme") ? "unknown" : "ATA");
            m.put("wwn", disk.wwn);
            m.put("gpt", disk.gpt ? 1 : 0);
            m.put("health", q.flag("skipsmart") ? "UNKNOWN" : disk.health);
            m.put("wearout", disk.wearout < 0 ? "N/A" : disk.wearout);
            m.put("rpm", disk.type.equals("hdd") ? 5400 : 0);
            m.put("by_id_link", "/dev/disk/by-id/" + (disk.type.equals("nvme") ? "nvme-" : "ata-") + disk.model.replace(' ', '_')
                    + "_" + disk.serial);
            m.put("osdid", -1);
            m.put("osdid-list", null);
            m.put("mounted", disk.used != null && disk.used.matches("ext4|xfs") ? 1 : 0);
            if (disk.used != null) {
                m.put("used", disk.used);
            }
            out.add(m);
            if (q.flag("include-partitions") && "partitions".equals(disk.used)) {
                String p = disk.type.equals("nvme") ? "p" : "";
                String[][] parts = {{"1", "BIOS boot", String.valueOf(1_031_168L)}, {"2", "EFI", String.valueOf(1_073_741_824L)},
                        {"3", "LVM", String.valueOf(disk.size - 1_074_773_000L)}};
                for (String[] part : parts) {
                    Map<String, Object> pm = new LinkedHashMap<>();
                    pm.put("devpath", disk.devpath + p + part[0]);
                    pm.put("type", "partition");
                    pm.put("parent", disk.devpath);
                    pm.put("size", Long.parseLong(part[2]));
                    pm.put("used", part[1]);
                    pm.put("gpt", 1);
                    pm.put("mounted", part[0].equals("2") ? 1 : 0);
                    out.add(pm);
                }
            }
        }
        return out;
    }

    private Map<String, Object> smart(Request q) {
        NodeDisks.Disk disk = disk(q, q.str("disk"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("health", disk.health);
        if (q.flag("healthonly")) {
            return m;
        }
        if (disk.type.equals("nvme")) {
            m.put("type", "text");
            m.put("text", "\nSMART/Health Information (NVMe Log 0x02)\nCritical Warning:                   0x00\n"
                    + "Temperature:                        41 Celsius\nAvailable Spare:                    100%\n"
                    + "Percentage Used:                    " + (100 - disk.wearout) + "%\nData Units Written:                 "
                    + "48,213,554 [24.6 TB]\nPower On Hours:                     8,761\nUnsafe Shutdowns:                   14\n"
                    + "Media and Data Integrity Errors:    0\n");
            return m;
        }
        boolean failing = !disk.health.equals("PASSED");
        m.put("type", "ata");
        List<Map<String, Object>> attributes = new ArrayList<>();
        attributes.add(attribute(5, "Reallocated_Sector_Ct", failing ? 3 : 100, failing ? 3 : 100, 10, failing ? "1184" : "0",
                failing ? "FAILING_NOW" : "-"));
        attributes.add(attribute(9, "Power_On_Hours", 91, 91, 0, "8761", "-"));
        attributes.add(attribute(12, "Power_Cycle_Count", 99, 99, 0, "41", "-"));
        if (disk.wearout >= 0) {
            attributes.add(attribute(177, "Wear_Leveling_Count", disk.wearout, disk.wearout, 0, String.valueOf(100 - disk.wearout), "-"));
        }
        attributes.add(attribute(194, "Temperature_Celsius", 67, 52, 0, "33", "-"));
        attributes.add(attribute(197, "Current_Pending_Sector", 100, 100, 0, failing ? "56" : "0", "-"));
        m.put("attributes", attributes);
        return m;
    }

    private static Map<String, Object> attribute(int id, String name, int value, int worst, int threshold, String raw, String fail) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", String.format("%3d", id));
        a.put("name", name);
        a.put("value", value);
        a.put("worst", worst);
        a.put("threshold", threshold);
        a.put("raw", raw);
        a.put("fail", fail);
        a.put("flags", "PO--CK");
        a.put("normalized", value);
        return a;
    }

    private long used(NodeDisks.Made thin, String node) {
        for (StorageDef storage : cluster.storages()) {
            if (storage.type().equals("lvmthin") && storage.on(node)
                    && thin.name().equals(StorageCollections.option(cluster, storage.id(), "thinpool"))
                    && thin.vg().equals(StorageCollections.option(cluster, storage.id(), "vgname"))) {
                return cluster.used(storage, node);
            }
        }
        return 0;
    }

    private Map<String, Object> volumeGroups(Request q) {
        NodeDisks disks = disks(q);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (NodeDisks.Made vg : disks.made) {
            if (!vg.kind().equals("lvm")) {
                continue;
            }
            long taken = disks.made.stream().filter(m -> m.kind().equals("lvmthin") && vg.name().equals(m.vg()))
                    .mapToLong(NodeDisks.Made::size).sum() + (vg.name().equals("pve") ? 104L << 30 : 0);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", vg.name());
            m.put("size", vg.size());
            m.put("free", Math.max(0, vg.size() - taken));
            m.put("leaf", 0);
            List<Map<String, Object>> pvs = new ArrayList<>();
            for (String device : vg.devices()) {
                Map<String, Object> pv = new LinkedHashMap<>();
                pv.put("name", device);
                pv.put("size", vg.size());
                pv.put("free", Math.max(0, vg.size() - taken));
                pv.put("leaf", 1);
                pvs.add(pv);
            }
            m.put("children", pvs);
            groups.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("leaf", 0);
        out.put("children", groups);
        return out;
    }

    private List<Map<String, Object>> thinPools(Request q) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NodeDisks.Made thin : disks(q).made) {
            if (thin.kind().equals("lvmthin")) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("lv", thin.name());
                m.put("vg", thin.vg());
                m.put("lv_size", thin.size());
                m.put("used", used(thin, q.node()));
                m.put("metadata_size", thin.size() / 100);
                m.put("metadata_used", thin.size() / 100 / 30 + used(thin, q.node()) / 400);
                out.add(m);
            }
        }
        return out;
    }

    private List<Map<String, Object>> zpools(Request q) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NodeDisks.Made pool : disks(q).made) {
            if (pool.kind().equals("zfs")) {
                long alloc = used(pool, q.node(), "zfspool", "pool");
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", pool.name());
                m.put("size", pool.size());
                m.put("alloc", alloc);
                m.put("free", pool.size() - alloc);
                m.put("frag", 0);
                m.put("dedup", 1.0);
                m.put("health", "ONLINE");
                out.add(m);
            }
        }
        return out;
    }

    private long used(NodeDisks.Made made, String node, String type, String key) {
        for (StorageDef storage : cluster.storages()) {
            if (storage.type().equals(type) && storage.on(node)
                    && made.name().equals(StorageCollections.option(cluster, storage.id(), key))) {
                return cluster.used(storage, node) - storage.baseUsed();
            }
        }
        return 0;
    }

    private Map<String, Object> zpool(Request q) {
        NodeDisks.Made pool = disks(q).find("zfs", q.var("name"), null);
        if (pool == null) {
            throw ApiException.fail("zpool '" + q.var("name") + "' does not exist");
        }
        List<Map<String, Object>> leaves = new ArrayList<>();
        for (String device : pool.devices()) {
            leaves.add(vdev(base(device), 2, null));
        }
        List<Map<String, Object>> top = pool.detail().equals("single") ? leaves
                : List.of(vdev(pool.detail() + "-0", 1, leaves));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", pool.name());
        m.put("state", "ONLINE");
        m.put("status", "");
        m.put("action", "");
        m.put("scan", "none requested");
        m.put("errors", "No known data errors");
        m.put("children", List.of(vdev(pool.name(), 0, top)));
        return m;
    }

    private static Map<String, Object> vdev(String name, int lvl, List<Map<String, Object>> children) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("state", "ONLINE");
        m.put("read", 0);
        m.put("write", 0);
        m.put("cksum", 0);
        m.put("msg", "");
        m.put("lvl", lvl);
        m.put("leaf", children == null ? 1 : 0);
        if (children != null) {
            m.put("children", children);
        }
        return m;
    }

    private List<Map<String, Object>> directories(Request q) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NodeDisks.Made dir : disks(q).made) {
            if (dir.kind().equals("directory")) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("path", "/mnt/pve/" + dir.name());
                m.put("device", dir.devices().getFirst() + "1");
                m.put("type", dir.detail());
                m.put("options", "defaults");
                m.put("unitfile", "/etc/systemd/system/mnt-pve-" + dir.name() + ".mount");
                out.add(m);
            }
        }
        return out;
    }

    // ---- writes ----

    private Object create(Request q, String kind) {
        NodeDisks disks = disks(q);
        String name = q.str("name");
        List<String> devices = kind.equals("zfs") ? GuestApi.splitList(String.join(",", q.all("devices"))) : List.of(q.str("device"));
        List<NodeDisks.Disk> chosen = new ArrayList<>();
        for (String device : devices) {
            chosen.add(unused(q, device));
        }
        if (kind.equals("zfs")) {
            int min = MIN_DISKS.get(q.str("raidlevel"));
            if (chosen.size() < min) {
                throw ApiException.fail(q.str("raidlevel") + " needs at least " + min + " disk" + (min > 1 ? "s" : ""));
            }
        }
        if (disks.find(kind.equals("lvmthin") ? "lvm" : kind, name, null) != null) {
            throw ApiException.fail(switch (kind) {
                case "zfs" -> "pool '" + name + "' already exists";
                case "directory" -> "path '/mnt/pve/" + name + "' already exists";
                default -> "volume group with name '" + name + "' already exists";
            });
        }
        boolean addStorage = q.flag("add_storage");
        if (addStorage && StorageCollections.option(cluster, name, "type") != null) {
            throw ApiException.fail("storage ID '" + name + "' already defined");
        }
        long smallest = chosen.stream().mapToLong(d -> d.size).min().orElse(0);
        String raid = q.str("raidlevel", "single");
        long size = switch (raid) {
            case "mirror" -> smallest;
            case "raid10" -> smallest * (chosen.size() / 2);
            case "raidz", "draid" -> smallest * (chosen.size() - 1);
            case "raidz2", "draid2" -> smallest * (chosen.size() - 2);
            case "raidz3", "draid3" -> smallest * (chosen.size() - 3);
            default -> chosen.stream().mapToLong(d -> d.size).sum();
        } * 96 / 100;
        String type = kind.equals("directory") ? "dir" : kind;
        return cluster.startTask(q.node(), type + "create", name, q.user, t -> {
            String label = switch (kind) {
                case "zfs" -> "ZFS";
                case "directory" -> q.str("filesystem", "ext4");
                default -> "LVM";
            };
            for (NodeDisks.Disk disk : chosen) {
                disk.used = label;
                disk.gpt = true;
            }
            switch (kind) {
                case "zfs" -> disks.made.add(new NodeDisks.Made("zfs", name, null, devices, raid, size));
                case "directory" -> disks.made.add(new NodeDisks.Made("directory", name, null, devices, label, size));
                case "lvmthin" -> {
                    disks.made.add(new NodeDisks.Made("lvm", name, null, devices, null, size));
                    disks.made.add(new NodeDisks.Made("lvmthin", name, name, devices, null, size * 98 / 100));
                }
                default -> disks.made.add(new NodeDisks.Made("lvm", name, null, devices, null, size));
            }
            if (addStorage) {
                addStorage(q.node(), kind, name, size);
            }
            t.log.add("created " + kind + " '" + name + "' on " + String.join(", ", devices));
        });
    }

    private void addStorage(String node, String kind, String name, long size) {
        switch (kind) {
            case "zfs" -> StorageCollections.addLocal(cluster, name, node, "type", "zfspool", "pool", name,
                    "content", "images,rootdir", "mountpoint", "/" + name, "sparse", "0");
            case "lvm" -> StorageCollections.addLocal(cluster, name, node, "type", "lvm", "vgname", name,
                    "content", "images,rootdir", "shared", "0");
            case "lvmthin" -> StorageCollections.addLocal(cluster, name, node, "type", "lvmthin", "thinpool", name,
                    "vgname", name, "content", "images,rootdir");
            default -> StorageCollections.addLocal(cluster, name, node, "type", "dir", "path", "/mnt/pve/" + name,
                    "content", "backup,images,iso,rootdir,snippets,vztmpl", "is_mountpoint", "1", "shared", "0");
        }
        cluster.capacity.put(name, new long[] {size, 0});
    }

    private Object remove(Request q, String kind) {
        NodeDisks disks = disks(q);
        String name = q.var("name");
        NodeDisks.Made made = disks.find(kind, name, kind.equals("lvmthin") ? q.str("volume-group") : null);
        if (made == null) {
            throw ApiException.fail(switch (kind) {
                case "zfs" -> "zpool '" + name + "' does not exist";
                case "directory" -> "unable to remove directory storage '" + name + "' - no such mount unit";
                case "lvmthin" -> "no such thin pool '" + q.str("volume-group") + "/" + name + "'";
                default -> "no such volume group '" + name + "'";
            });
        }
        if (kind.equals("lvm") && disks.made.stream().anyMatch(m -> m.kind().equals("lvmthin") && name.equals(m.vg()) && !m.name().equals(name))
                || kind.equals("lvm") && name.equals("pve")) {
            throw ApiException.fail("volume group '" + name + "' still has logical volumes");
        }
        String type = kind.equals("directory") ? "dir" : kind;
        return cluster.startTask(q.node(), type + "remove", name, q.user, t -> {
            disks.made.remove(made);
            if (kind.equals("lvmthin") && made.vg().equals(name)) {
                disks.made.removeIf(m -> m.kind().equals("lvm") && m.name().equals(name));
            }
            if (q.flag("cleanup-config")) {
                switch (kind) {
                    case "zfs" -> StorageCollections.removeLocal(cluster, q.node(), "pool", name);
                    case "directory" -> StorageCollections.removeLocal(cluster, q.node(), "path", "/mnt/pve/" + name);
                    case "lvmthin" -> StorageCollections.removeLocal(cluster, q.node(), "thinpool", name);
                    default -> StorageCollections.removeLocal(cluster, q.node(), "vgname", name);
                }
            }
            for (String device : made.devices()) {
                NodeDisks.Disk disk = disks.disk(device);
                if (disk != null && !(kind.equals("lvmthin") && !made.vg().equals(name))) {
                    disk.used = null;
                    disk.gpt = disk.gpt && !q.flag("cleanup-disks");
                }
            }
            t.log.add("removed " + kind + " '" + name + "'");
        });
    }
}
