package io.github.proxmoxmcp.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /nodes/{node}/storage}: storage status and RRD history, and content (ISOs, templates, imports, backups,
 * guest disks) with the attributes of backups (notes, protection), their deletion and pruning.
 */
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
            cluster.storageOn(q.var("storage"), q.node());
            return NodeApi.names("content", "download-url", "file-restore", "import-metadata", "prunebackups",
                    "rrd", "rrddata", "status", "upload");
        });
        r.get("/nodes/{node}/storage/{storage}/status", "",
                q -> views.storageStatus(cluster.storageOn(q.var("storage"), q.node()), q.node()));
        r.get("/nodes/{node}/storage/{storage}/rrddata", "cf:AVERAGE|MAX timeframe*:hour|day|week|month|year", this::rrd);
        r.get("/nodes/{node}/storage/{storage}/content", "content vmid:int",
                q -> content(q.node(), q.var("storage"), q.str("content"), q.integer("vmid")));
        r.get("/nodes/{node}/storage/{storage}/content/{volume}", "", this::volume);
        r.put("/nodes/{node}/storage/{storage}/content/{volume}", "notes protected:bool", this::updateVolume);
        r.delete("/nodes/{node}/storage/{storage}/content/{volume}", "delay:int", this::deleteVolume);
        BackupPrune prune = new BackupPrune(cluster);
        r.get("/nodes/{node}/storage/{storage}/prunebackups", BackupPrune.PARAMS, prune::preview);
        r.delete("/nodes/{node}/storage/{storage}/prunebackups", BackupPrune.PARAMS, prune::prune);
        new StorageTransfers(cluster).register(r);
    }

    private List<Map<String, Object>> list(Request q) {
        String content = q.str("content");
        String only = q.str("storage");
        String target = q.str("target");
        List<Map<String, Object>> out = new ArrayList<>();
        for (StorageDef storage : cluster.storages()) {
            if (only != null && !only.equals(storage.id()) || !storage.on(q.node())
                    || q.flag("enabled") && storage.disabled()
                    || content != null && Arrays.stream(content.split(",")).noneMatch(storage.content()::contains)
                    || target != null && !target.equals(q.node()) && !storage.shared()) {
                continue;
            }
            out.add(views.storageStatus(storage, q.node()));
        }
        return out;
    }

    /** Used and total bytes over the timeframe: the usage of today, slowly grown into. */
    private List<Map<String, Object>> rrd(Request q) {
        StorageDef storage = cluster.storageOn(q.var("storage"), q.node());
        long used = cluster.used(storage, q.node());
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> base = views.rrd(q.str("timeframe"), 0, 0, 0, 0, 1, false, 0);
        for (int i = 0; i < base.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("time", base.get(i).get("time"));
            row.put("total", storage.total());
            row.put("used", used - (long) (used * 0.002 * (base.size() - 1 - i)));
            rows.add(row);
        }
        return rows;
    }

    List<Map<String, Object>> content(String node, String storageId, String content, Integer vmid) {
        StorageDef storage = cluster.storageOn(storageId, node);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Volume volume : cluster.volumes(storageId, node)) {
            if (!storage.content().contains(volume.content())
                    || content != null && !content.equals(volume.content()) || vmid != null && !vmid.equals(volume.vmid())) {
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
            if (volume.protect()) {
                m.put("protected", 1);
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
                m.put("protected", item.getOrDefault("protected", 0));
                return m;
            }
        }
        throw missingVolume(volid);
    }

    /** Notes and protection: attributes of backups only, as the file-based plugins keep them. */
    private Object updateVolume(Request q) {
        String volid = volid(q);
        int index = fileIndex(q, volid);
        Volume volume = cluster.volumes.get(index);
        if (!volume.content().equals("backup")) {
            throw ApiException.fail("only backups support attribute '" + (q.has("notes") ? "notes" : "protected") + "'");
        }
        cluster.volumes.set(index, volume.withAttributes(q.has("notes") ? blankToNull(q.str("notes")) : volume.notes(),
                q.has("protected") ? q.flag("protected") : volume.protect()));
        return null;
    }

    private static String blankToNull(String notes) {
        return notes == null || notes.isEmpty() ? null : notes;
    }

    private String volid(Request q) {
        String volume = q.var("volume");
        return volume.startsWith(q.var("storage") + ":") ? volume : q.var("storage") + ":" + volume;
    }

    /** Where a stored file is in {@link Cluster#volumes}; a guest disk or an unknown volume is refused. */
    private int fileIndex(Request q, String volid) {
        cluster.storageOn(q.var("storage"), q.node());
        List<Volume> visible = cluster.volumes(q.var("storage"), q.node());
        for (int i = 0; i < cluster.volumes.size(); i++) {
            Volume volume = cluster.volumes.get(i);
            if (volume.volid().equals(volid) && visible.contains(volume)) {
                return i;
            }
        }
        for (Map.Entry<Guest, Configs.Disk> disk : cluster.guestDisks(q.var("storage"), q.node())) {
            if (disk.getValue().volid().equals(volid)) {
                throw ApiException.fail("unable to delete volume '" + volid + "' - volume is still in use by "
                        + disk.getKey().kind() + " " + disk.getKey().vmid + " (" + disk.getValue().key() + ")");
            }
        }
        throw missingVolume(volid);
    }

    private static ApiException missingVolume(String volid) {
        return ApiException.fail("volume '" + volid + "' does not exist");
    }

    private String path(String volid) {
        String storage = volid.substring(0, volid.indexOf(':'));
        String name = volid.substring(volid.indexOf(':') + 1);
        StorageDef def = cluster.storage(storage);
        String base = switch (def.type()) {
            case "lvmthin", "lvm" -> null;
            case "dir" -> StorageCollections.path(cluster, storage);
            default -> "/mnt/pve/" + storage;
        };
        if (base == null) {
            return "/dev/" + StorageCollections.option(cluster, storage, "vgname") + "/" + name;
        }
        String slash = base + "/";
        if (name.startsWith("backup/")) {
            return slash + "dump/" + name.substring(7);
        }
        if (name.startsWith("iso/")) {
            return slash + "template/iso/" + name.substring(4);
        }
        if (name.startsWith("vztmpl/")) {
            return slash + "template/cache/" + name.substring(7);
        }
        return slash + (name.startsWith("import/") ? "import/" + name.substring(7) : "images/" + name);
    }

    private Object deleteVolume(Request q) {
        String volid = volid(q);
        Volume volume = cluster.volumes.get(fileIndex(q, volid));
        String id = (volume.vmid() == null ? "" : volume.vmid() + "@") + volume.storage();
        return cluster.startTask(q.node(), "imgdel", id, q.user, t -> {
            Volume now = cluster.volumes.stream().filter(v -> v.volid().equals(volid) && Objects.equals(v.node(), volume.node()))
                    .findFirst().orElseThrow(() -> new Task.Failure("volume '" + volid + "' does not exist"));
            if (now.protect()) {
                throw new Task.Failure("cannot remove protected volume '" + volid + "' on storage '" + volume.storage() + "'");
            }
            cluster.volumes.remove(now);
            t.log.add("Removed volume '" + volid + "'");
        });
    }
}
