package io.github.proxmoxmcp.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /nodes/{node}/storage}: storage status and content (ISOs, templates, backups, guest disks). */
final class StorageApi {

    private final Cluster cluster;
    private final Views views;

    StorageApi(Cluster cluster) {
        this.cluster = cluster;
        this.views = new Views(cluster);
    }

    void register(Router r) {
        r.get("/nodes/{node}/storage", "content enabled:bool format:bool storage target", this::list);
        r.get("/nodes/{node}/storage/{storage}", "", q -> {
            cluster.storage(q.var("storage"));
            return NodeApi.names("content", "download-url", "file-restore", "import-metadata", "prunebackups",
                    "rrd", "rrddata", "status", "upload");
        });
        r.get("/nodes/{node}/storage/{storage}/status", "",
                q -> views.storageStatus(cluster.storage(q.var("storage")), q.node()));
        r.get("/nodes/{node}/storage/{storage}/content", "content vmid:int",
                q -> content(q.node(), q.var("storage"), q.str("content"), q.integer("vmid")));
        r.get("/nodes/{node}/storage/{storage}/content/{volume}", "", q -> volume(q));
        r.delete("/nodes/{node}/storage/{storage}/content/{volume}", "delay:int", this::deleteVolume);
    }

    private List<Map<String, Object>> list(Request q) {
        String content = q.str("content");
        String only = q.str("storage");
        String target = q.str("target");
        List<Map<String, Object>> out = new ArrayList<>();
        for (StorageDef storage : cluster.storages()) {
            if (only != null && !only.equals(storage.id())
                    || content != null && java.util.Arrays.stream(content.split(",")).noneMatch(storage.content()::contains)
                    || target != null && !target.equals(q.node()) && !storage.shared()) {
                continue;
            }
            out.add(views.storageStatus(storage, q.node()));
        }
        return out;
    }

    List<Map<String, Object>> content(String node, String storageId, String content, Integer vmid) {
        StorageDef storage = cluster.storage(storageId);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Volume volume : cluster.volumes(storageId, node)) {
            if (content != null && !content.equals(volume.content()) || vmid != null && !vmid.equals(volume.vmid())) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("volid", volume.volid());
            m.put("content", volume.content());
            m.put("format", volume.format());
            m.put("size", volume.size());
            m.put("ctime", volume.ctime());
            if (volume.vmid() != null) {
                m.put("vmid", volume.vmid());
            }
            if (volume.subtype() != null) {
                m.put("subtype", volume.subtype());
            }
            if (volume.notes() != null) {
                m.put("notes", volume.notes());
            }
            out.add(m);
        }
        for (Map.Entry<Guest, Configs.Disk> entry : cluster.guestDisks(storageId, node)) {
            Guest guest = entry.getKey();
            Configs.Disk disk = entry.getValue();
            String type = guest.isQemu() ? "images" : "rootdir";
            if (content != null && !content.equals(type) || vmid != null && vmid != guest.vmid) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("volid", disk.volid());
            m.put("content", type);
            m.put("format", Cluster.diskFormat(storage));
            m.put("size", disk.size());
            m.put("vmid", guest.vmid);
            if (storage.type().equals("nfs")) {
                m.put("used", disk.size() / 3);
            }
            out.add(m);
        }
        out.sort((a, b) -> ((String) a.get("volid")).compareTo((String) b.get("volid")));
        return out;
    }

    private Map<String, Object> volume(Request q) {
        String volid = volid(q);
        for (Map<String, Object> item : content(q.node(), q.var("storage"), null, null)) {
            if (item.get("volid").equals(volid)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("path", path(volid));
                m.put("size", item.get("size"));
                m.put("used", item.getOrDefault("used", item.get("size")));
                m.put("format", item.get("format"));
                if (item.containsKey("notes")) {
                    m.put("notes", item.get("notes"));
                }
                m.put("protected", 0);
                return m;
            }
        }
        throw ApiException.fail("volume '" + volid + "' does not exist");
    }

    private String volid(Request q) {
        String volume = q.var("volume");
        return volume.startsWith(q.var("storage") + ":") ? volume : q.var("storage") + ":" + volume;
    }

    private String path(String volid) {
        String storage = volid.substring(0, volid.indexOf(':'));
        String name = volid.substring(volid.indexOf(':') + 1);
        StorageDef def = cluster.storage(storage);
        return switch (def.type()) {
            case "lvmthin" -> "/dev/pve/" + name;
            case "dir" -> "/var/lib/vz/" + (name.startsWith("backup/") ? "dump/" + name.substring(7)
                    : name.startsWith("iso/") ? "template/iso/" + name.substring(4)
                    : name.startsWith("vztmpl/") ? "template/cache/" + name.substring(7) : "images/" + name);
            default -> "/mnt/pve/" + storage + "/" + (name.startsWith("backup/") ? "dump/" + name.substring(7)
                    : name.startsWith("iso/") ? "template/iso/" + name.substring(4) : "images/" + name);
        };
    }

    private Object deleteVolume(Request q) {
        String volid = volid(q);
        for (Volume volume : cluster.volumes(q.var("storage"), q.node())) {
            if (volume.volid().equals(volid)) {
                cluster.volumes.remove(volume);
                return cluster.startTask(q.node(), "imgdel", volid, q.user, t -> { }, "Removed volume '" + volid + "'");
            }
        }
        for (Map.Entry<Guest, Configs.Disk> disk : cluster.guestDisks(q.var("storage"), q.node())) {
            if (disk.getValue().volid().equals(volid)) {
                throw ApiException.fail("unable to delete volume '" + volid + "' - volume is still in use by "
                        + disk.getKey().kind() + " " + disk.getKey().vmid + " (" + disk.getValue().key() + ")");
            }
        }
        throw ApiException.fail("volume '" + volid + "' does not exist");
    }
}
