package io.github.proxmoxmcp.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Power actions, create/restore, clone, template, migrate, resize, move disk, destroy and vzdump. */
final class GuestLifecycle {

    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Cluster cluster;
    private final Views views;

    GuestLifecycle(Cluster cluster) {
        this.cluster = cluster;
        this.views = new Views(cluster);
    }

    static void checkLock(Guest guest, boolean skiplock) {
        if (guest.lock != null && !skiplock) {
            throw ApiException.fail(guest.kind() + " " + guest.vmid + " is locked (" + guest.lock + ")");
        }
    }

    private Guest guest(Request q, String type) {
        return cluster.guest(q.node(), q.vmid(), type);
    }

    private static String prefix(Guest g) {
        return g.isQemu() ? "qm" : "vz";
    }

    void register(Router r) {
        registerPower(r);
        for (String type : List.of("qemu", "lxc")) {
            boolean qemu = type.equals("qemu");
            String base = "/nodes/{node}/" + type + "/{vmid}";
            r.delete(base, qemu ? "destroy-unreferenced-disks:bool purge:bool skiplock:bool"
                    : "destroy-unreferenced-disks:bool force:bool purge:bool", q -> destroy(guest(q, type), q));
            r.post(base + "/clone", qemu
                    ? "newid:int* bwlimit:int description format:raw|qcow2|vmdk full:bool name pool snapname storage target"
                    : "newid:int* bwlimit:num description full:bool hostname pool snapname storage target",
                    q -> clone(guest(q, type), q));
            r.post(base + "/template", qemu ? "disk" : "", q -> template(guest(q, type), q));
            r.get(base + "/migrate", "target", q -> migratePreconditions(guest(q, type), q.str("target")));
            r.post(base + "/migrate", qemu
                    ? "target* bwlimit:int force:bool migration_network migration_type:secure|insecure online:bool "
                    + "targetstorage with-conntrack-state:bool with-local-disks:bool"
                    : "target* bwlimit:num online:bool restart:bool target-storage timeout:int",
                    q -> migrate(guest(q, type), q));
            r.put(base + "/resize", qemu ? "disk* size* digest skiplock:bool" : "disk* size* digest",
                    q -> resize(guest(q, type), q));
            if (qemu) {
                r.post(base + "/move_disk", "disk* bwlimit:int delete:bool digest format:raw|qcow2|vmdk storage "
                        + "target-digest target-disk target-vmid:int", q -> move(guest(q, type), q.str("disk"), q));
            } else {
                r.post(base + "/move_volume", "volume* bwlimit:num delete:bool digest storage target-digest "
                        + "target-vmid:int target-volume", q -> move(guest(q, type), q.str("volume"), q));
            }
        }
        r.post("/nodes/{node}/qemu", GuestApi.QEMU_OPTIONS + " vmid:int* archive bwlimit:int force:bool "
                + "ha-managed:bool live-restore:bool pool start:bool storage unique:bool", q -> create(q, "qemu"));
        r.post("/nodes/{node}/lxc", GuestApi.LXC_OPTIONS + " vmid:int* ostemplate* bwlimit:num force:bool "
                + "ha-managed:bool ignore-unpack-errors:bool password pool restore:bool ssh-public-keys start:bool "
                + "storage unique:bool", q -> create(q, "lxc"));
        r.post("/nodes/{node}/vzdump", "all:bool bwlimit:int compress:0|1|gzip|lzo|zstd dumpdir exclude exclude-path "
                + "fleecing ionice:int job-id lockwait:int mailnotification:always|failure mailto maxfiles:int "
                + "mode:snapshot|suspend|stop notes-template notification-mode:auto|legacy-sendmail|notification-system "
                + "pbs-change-detection-mode:legacy|data|metadata performance pigz:int pool protected:bool "
                + "prune-backups quiet:bool remove:bool script stdexcludes:bool stdout:bool stop:bool stopwait:int "
                + "storage tmpdir vmid zstd:int", this::vzdump);
    }

    // ---- power ----

    private void registerPower(Router r) {
        r.post("/nodes/{node}/qemu/{vmid}/status/start", "force-cpu machine migratedfrom migration_network "
                + "migration_type:secure|insecure nets-host-mtu skiplock:bool stateuri targetstorage timeout:int "
                + "with-conntrack-state:bool", q -> start(guest(q, "qemu"), q));
        r.post("/nodes/{node}/lxc/{vmid}/status/start", "debug:bool skiplock:bool", q -> start(guest(q, "lxc"), q));
        r.post("/nodes/{node}/qemu/{vmid}/status/stop", "keepActive:bool migratedfrom overrule-shutdown:bool "
                + "skiplock:bool timeout:int", q -> stop(guest(q, "qemu"), q, "stop"));
        r.post("/nodes/{node}/lxc/{vmid}/status/stop", "overrule-shutdown:bool skiplock:bool",
                q -> stop(guest(q, "lxc"), q, "stop"));
        r.post("/nodes/{node}/qemu/{vmid}/status/shutdown", "forceStop:bool keepActive:bool skiplock:bool timeout:int",
                q -> stop(guest(q, "qemu"), q, "shutdown"));
        r.post("/nodes/{node}/lxc/{vmid}/status/shutdown", "forceStop:bool timeout:int",
                q -> stop(guest(q, "lxc"), q, "shutdown"));
        r.post("/nodes/{node}/qemu/{vmid}/status/reboot", "timeout:int", q -> reboot(guest(q, "qemu"), q, "reboot"));
        r.post("/nodes/{node}/lxc/{vmid}/status/reboot", "timeout:int", q -> reboot(guest(q, "lxc"), q, "reboot"));
        r.post("/nodes/{node}/qemu/{vmid}/status/reset", "skiplock:bool", q -> reboot(guest(q, "qemu"), q, "reset"));
        r.post("/nodes/{node}/qemu/{vmid}/status/suspend", "skiplock:bool statestorage todisk:bool",
                q -> suspend(guest(q, "qemu"), q));
        r.post("/nodes/{node}/lxc/{vmid}/status/suspend", "", q -> suspend(guest(q, "lxc"), q));
        r.post("/nodes/{node}/qemu/{vmid}/status/resume", "nocheck:bool skiplock:bool", q -> resume(guest(q, "qemu"), q));
        r.post("/nodes/{node}/lxc/{vmid}/status/resume", "", q -> resume(guest(q, "lxc"), q));
    }

    private String task(Guest g, Request q, String action, Task.Work work, String... lines) {
        return cluster.startTask(g.node, prefix(g) + action, String.valueOf(g.vmid), q.user, work, lines);
    }

    private Object start(Guest g, Request q) {
        if (g.template()) {
            throw ApiException.fail(g.isQemu() ? "you can't start a vm if it's a template" : "CT " + g.vmid + " is a template");
        }
        if (g.running()) {
            throw ApiException.fail(g.kind() + " " + g.vmid + " already running");
        }
        if (!"suspended".equals(g.lock)) {
            checkLock(g, q.flag("skiplock"));
        }
        return task(g, q, "start", t -> {
            String pci = g.config.get("hostpci0");
            if (pci != null) {
                throw new Task.Failure("no PCI device found for '" + Configs.volume(pci) + "'");
            }
            g.applyPending();
            g.status = "running";
            g.paused = false;
            g.lock = null;
            g.startedAt = cluster.now();
            g.cpuLoad = 0.01 + (g.vmid % 7) / 100.0;
        });
    }

    private Object stop(Guest g, Request q, String action) {
        if (!g.running()) {
            throw ApiException.fail(g.kind() + " " + g.vmid + " not running");
        }
        if (action.equals("stop")) {
            checkLock(g, q.flag("skiplock"));
        }
        return task(g, q, action, t -> {
            g.status = "stopped";
            g.paused = false;
            g.applyPending();
        });
    }

    private Object reboot(Guest g, Request q, String action) {
        if (!g.running()) {
            throw ApiException.fail(g.kind() + " " + g.vmid + " not running");
        }
        return task(g, q, action, t -> {
            g.applyPending();
            g.paused = false;
            g.startedAt = cluster.now();
        });
    }

    private Object suspend(Guest g, Request q) {
        if (!g.running()) {
            throw ApiException.fail(g.kind() + " " + g.vmid + " not running");
        }
        boolean toDisk = q.flag("todisk");
        return task(g, q, "suspend", t -> {
            if (toDisk) {
                g.status = "stopped";
                g.lock = "suspended";
            } else {
                g.paused = true;
            }
        });
    }

    private Object resume(Guest g, Request q) {
        if ("suspended".equals(g.lock)) {
            return start(g, q);
        }
        if (!g.running()) {
            throw ApiException.fail(g.kind() + " " + g.vmid + " not running");
        }
        return task(g, q, "resume", t -> g.paused = false);
    }

    // ---- destroy ----

    private Object destroy(Guest g, Request q) {
        checkLock(g, q.flag("skiplock"));
        if ("1".equals(g.config.get("protection"))) {
            throw ApiException.fail("can't remove " + g.kind() + " " + g.vmid + " - protection mode enabled");
        }
        if (g.running() && !(q.flag("force") && !g.isQemu())) {
            throw ApiException.fail(g.kind() + " " + g.vmid + " is running - destroy failed");
        }
        g.lock = "destroyed";
        List<String> lines = new ArrayList<>();
        for (Configs.Disk disk : Configs.disks(g.config)) {
            if (!disk.cdrom() && !disk.storage().isEmpty() && !disk.volid().contains("iso/")) {
                lines.add("  Logical volume \"" + disk.volname() + "\" successfully removed.");
            }
        }
        return cluster.startTask(g.node, g.isQemu() ? "qmdestroy" : "vzdestroy", String.valueOf(g.vmid), q.user, t -> {
            cluster.guests.remove(g.vmid);
            if (q.flag("purge")) {
                t.log.add("purging " + g.kind() + " " + g.vmid + " from related configurations");
            }
        }, lines.toArray(String[]::new));
    }

    // ---- create / restore ----

    private Object create(Request q, String type) {
        boolean qemu = type.equals("qemu");
        int vmid = q.integer("vmid");
        String node = q.node();
        Guest existing = cluster.guests.get(vmid);
        if (existing != null) {
            throw ApiException.fail("unable to create " + (qemu ? "VM " : "CT ") + vmid + " - " + (qemu ? "VM " : "CT ")
                    + vmid + " already exists on node '" + existing.node + "'");
        }
        String pool = q.str("pool");
        if (pool != null && !ClusterCollections.poolExists(cluster, pool)) {
            throw ApiException.fail("pool '" + pool + "' does not exist");
        }
        String archive = qemu ? q.str("archive") : (q.flag("restore") ? q.str("ostemplate") : null);
        String template = qemu ? null : (archive == null ? q.str("ostemplate") : null);
        Volume source = archive != null ? findVolume(archive, node, "backup")
                : template != null ? findVolume(template, node, "vztmpl") : null;
        if (archive != null && !source.subtype().equals(type)) {
            throw ApiException.fail("archive '" + archive + "' is not a " + (qemu ? "VM" : "container") + " backup");
        }
        String storage = q.str("storage", qemu ? "local-lvm" : "local");
        cluster.storage(storage);
        Guest g = new Guest(vmid, type, node);
        g.lock = "create";
        g.pool = pool;
        if (archive != null) {
            for (Map.Entry<String, String> e : source.backupConfig().entrySet()) {
                String value = e.getValue();
                if (Configs.isDiskKey(e.getKey()) && !"cdrom".equals(Configs.option(value, "media"))
                        && !e.getKey().startsWith("unused")) {
                    String target = q.has("storage") ? storage : Configs.volume(value).split(":")[0];
                    value = Configs.volume(value).contains("cloudinit")
                            ? Configs.withVolume(value, target + ":vm-" + vmid + "-cloudinit")
                            : Configs.withVolume(value, cluster.allocateVolume(target, vmid, "vm"));
                }
                g.config.put(e.getKey(), value);
            }
            g.config.remove("template");
        } else if (qemu) {
            g.config.put("smbios1", "uuid=" + cluster.uuid());
            g.config.put("vmgenid", cluster.uuid());
            g.config.put("meta", "creation-qemu=10.1.2,ctime=" + cluster.now());
        } else {
            g.config.put("arch", "amd64");
            String name = template.substring(template.indexOf('/') + 1);
            g.config.put("ostype", name.startsWith("ubuntu") ? "ubuntu" : name.startsWith("alpine") ? "alpine" : "debian");
            g.config.put("hostname", "CT" + vmid);
            g.config.put("memory", "512");
            g.config.put("swap", "512");
            g.config.put("rootfs", storageForRootfs(storage) + ":4");
        }
        for (String key : q.params.keySet()) {
            if (List.of("vmid", "archive", "bwlimit", "force", "ha-managed", "live-restore", "pool", "start", "storage",
                    "unique", "ostemplate", "ignore-unpack-errors", "password", "restore", "ssh-public-keys").contains(key)) {
                continue;
            }
            g.config.put(key, q.str(key));
        }
        long needed = 0;
        String neededOn = null;
        for (String key : List.copyOf(g.config.keySet())) {
            String value = g.config.get(key);
            if (!Configs.isDiskKey(key)) {
                continue;
            }
            String volume = Configs.volume(value);
            int colon = volume.indexOf(':');
            if (colon > 0 && volume.substring(colon + 1).matches("\\d+(\\.\\d+)?")) {
                String st = volume.substring(0, colon);
                cluster.storage(st);
                long bytes = (long) (Double.parseDouble(volume.substring(colon + 1)) * 1024 * 1024 * 1024);
                g.config.put(key, Configs.withOption(Configs.withVolume(value, cluster.allocateVolume(st, vmid, "vm")),
                        "size", Configs.formatSize(bytes)));
                needed += bytes;
                neededOn = st;
            } else if (value.contains(":cloudinit")) {
                g.config.put(key, Configs.withVolume(value, volume.substring(0, colon) + ":vm-" + vmid + "-cloudinit"));
            }
        }
        for (int i = 0; i < 8; i++) {
            String net = g.config.get("net" + i);
            boolean fresh = archive == null ? !Configs.hasMac(net == null ? "" : net, qemu) : q.flag("unique");
            if (net != null && fresh) {
                g.config.put("net" + i, withMac(net, qemu));
            }
        }
        boolean start = q.flag("start");
        String fullOn = neededOn;
        long fullBytes = needed;
        boolean fits = fullOn == null || cluster.avail(cluster.storage(fullOn), node) >= fullBytes;
        cluster.guests.put(vmid, g);
        String kind = archive != null ? (qemu ? "qmrestore" : "vzrestore") : (qemu ? "qmcreate" : "vzcreate");
        List<String> lines = new ArrayList<>();
        if (archive != null) {
            lines.add(qemu ? "restore vma archive: zstd -q -d -c " + archive : "recovering backed-up configuration from '" + archive + "'");
        } else if (template != null) {
            lines.add("extracting archive '" + template + "'");
        }
        return cluster.startTask(node, kind, String.valueOf(vmid), q.user, t -> {
            if (!fits) {
                cluster.guests.remove(vmid);
                throw new Task.Failure("unable to create " + g.kind() + " " + vmid + " - not enough free space on storage '"
                        + fullOn + "' (need " + Configs.gib(fullBytes) + ")");
            }
            g.lock = null;
            t.log.add(archive != null ? "restore finished" : g.kind() + " " + vmid + " created");
            if (start) {
                g.status = "running";
                g.startedAt = cluster.now();
            }
        }, lines.toArray(String[]::new));
    }

    private String storageForRootfs(String storage) {
        StorageDef def = cluster.storage(storage);
        return def.content().contains("rootdir") ? storage : "local-lvm";
    }

    /** A fresh MAC, as Proxmox gives a NIC set without one, a restore with unique and a clone. */
    private String withMac(String net, boolean qemu) {
        return Configs.withMac(net, qemu, cluster.mac());
    }

    private Volume findVolume(String volid, String node, String content) {
        String full = volid;
        for (Volume volume : cluster.volumes) {
            if (volume.volid().equals(full) && volume.content().equals(content)
                    && (volume.node() == null || volume.node().equals(node))) {
                return volume;
            }
        }
        throw ApiException.fail("volume '" + volid + "' does not exist");
    }

    // ---- clone ----

    private Object clone(Guest src, Request q) {
        int newid = q.integer("newid");
        if (newid < 100) {
            throw ApiException.parameter("newid", "value must have a minimum value of 100");
        }
        if (cluster.guests.containsKey(newid)) {
            throw ApiException.fail("unable to create " + src.kind() + " " + newid + ": config file already exists");
        }
        checkLock(src, false);
        boolean full = q.has("full") ? q.flag("full") : !src.template();
        if (!full && !src.template()) {
            throw ApiException.fail("parameter 'full' must be set for a " + src.kind() + " which is not a template");
        }
        if (!full && q.has("storage")) {
            throw ApiException.parameter("storage", "parameter 'storage' not allowed for linked clones");
        }
        String target = q.str("target", src.node);
        if (!cluster.nodes.containsKey(target)) {
            throw ApiException.parameter("target", "no such cluster node '" + target + "'");
        }
        if (!cluster.nodes.get(target).online) {
            throw ApiException.fail("target node '" + target + "' is not online");
        }
        String storageParam = q.str("storage");
        if (storageParam != null) {
            cluster.storage(storageParam);
        }
        if (!target.equals(src.node)) {
            for (Configs.Disk disk : Configs.disks(src.config)) {
                String st = storageParam != null ? storageParam : disk.storage();
                if (!disk.cdrom() && !cluster.storage(st).shared() && storageParam == null) {
                    throw ApiException.fail("can't clone " + src.kind() + " to node '" + target
                            + "' (" + src.kind() + " uses local storage)");
                }
            }
        }
        String pool = q.str("pool");
        if (pool != null && !ClusterCollections.poolExists(cluster, pool)) {
            throw ApiException.fail("pool '" + pool + "' does not exist");
        }
        Guest g = new Guest(newid, src.type, target);
        g.lock = "clone";
        g.pool = pool;
        g.config.putAll(src.config);
        g.config.remove("template");
        g.config.keySet().removeIf(k -> k.startsWith("unused"));
        String name = src.isQemu() ? q.str("name", "Copy-of-VM-" + src.name()) : q.str("hostname", src.name());
        g.config.put(src.isQemu() ? "name" : "hostname", name);
        if (q.has("description")) {
            g.config.put("description", q.str("description"));
        }
        if (src.isQemu()) {
            g.config.put("smbios1", "uuid=" + cluster.uuid());
            g.config.put("vmgenid", cluster.uuid());
        }
        for (int i = 0; i < 8; i++) {
            String net = g.config.get("net" + i);
            if (net != null) {
                g.config.put("net" + i, withMac(net, src.isQemu()));
            }
        }
        List<String> lines = new ArrayList<>();
        long needed = 0;
        String neededOn = null;
        for (Configs.Disk disk : Configs.disks(src.config)) {
            if (disk.cdrom() || disk.key().startsWith("unused")) {
                continue;
            }
            String value = src.config.get(disk.key());
            if (disk.volid().contains("cloudinit")) {
                String st = storageParam != null ? storageParam : disk.storage();
                g.config.put(disk.key(), Configs.withVolume(value, st + ":vm-" + newid + "-cloudinit"));
                continue;
            }
            String st = full && storageParam != null ? storageParam : disk.storage();
            String volid = cluster.allocateVolume(st, newid, "vm");
            lines.add("create " + (full ? "full" : "linked") + " clone of drive " + disk.key() + " (" + disk.volid() + ")");
            if (full) {
                needed += disk.size();
                neededOn = st;
            } else if (Cluster.diskFormat(cluster.storage(st)).equals("qcow2")) {
                volid = st + ":" + disk.volname() + "/" + volid.substring(volid.indexOf(':') + 1);
            }
            g.config.put(disk.key(), Configs.withVolume(value, volid));
        }
        long neededBytes = needed;
        String neededStorage = neededOn;
        boolean fits = neededStorage == null || cluster.avail(cluster.storage(neededStorage), target) >= neededBytes;
        cluster.guests.put(newid, g);
        src.lock = src.template() ? null : "clone";
        return cluster.startTask(src.node, src.isQemu() ? "qmclone" : "vzclone", String.valueOf(src.vmid), q.user, t -> {
            if (!src.template()) {
                src.lock = null;
            }
            if (!fits) {
                cluster.guests.remove(newid);
                throw new Task.Failure("clone failed: not enough free space on storage '" + neededStorage + "' (need "
                        + Configs.gib(neededBytes) + ")");
            }
            if (neededStorage != null) {
                t.log.add("transferred " + Configs.gib(neededBytes) + " of " + Configs.gib(neededBytes) + " (100.00%)");
            }
            g.lock = null;
        }, lines.toArray(String[]::new));
    }

    // ---- template ----

    private Object template(Guest g, Request q) {
        if (g.template()) {
            throw ApiException.fail("you can't convert a template to a template");
        }
        if (g.running()) {
            throw ApiException.fail(g.isQemu() ? "you can't convert a VM to template if VM is running"
                    : "you can't convert a CT to template if the CT is running");
        }
        checkLock(g, false);
        Runnable convert = () -> {
            for (Configs.Disk disk : Configs.disks(g.config)) {
                if (!disk.cdrom() && disk.volname().contains("vm-" + g.vmid + "-disk")) {
                    String volid = disk.storage() + ":" + disk.volname().replace("vm-" + g.vmid + "-disk", "base-" + g.vmid + "-disk");
                    g.config.put(disk.key(), Configs.withVolume(g.config.get(disk.key()), volid));
                }
            }
            g.config.put("template", "1");
        };
        if (!g.isQemu()) {
            convert.run();
            return null;
        }
        g.lock = "create";
        return cluster.startTask(g.node, "qmtemplate", String.valueOf(g.vmid), q.user, t -> {
            g.lock = null;
            convert.run();
        });
    }

    // ---- migrate ----

    private Map<String, Object> migratePreconditions(Guest g, String target) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("running", g.running() ? 1 : 0);
        List<String> allowed = new ArrayList<>();
        Map<String, Object> notAllowed = new LinkedHashMap<>();
        List<Map<String, Object>> localDisks = new ArrayList<>();
        for (Configs.Disk disk : Configs.disks(g.config)) {
            if (!cluster.storage(disk.storage()).shared()) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("volid", disk.volid());
                d.put("size", disk.size());
                d.put("cdrom", disk.cdrom() ? 1 : 0);
                d.put("is_unused", disk.key().startsWith("unused") ? 1 : 0);
                d.put("drivename", disk.key());
                localDisks.add(d);
            }
        }
        List<String> localResources = new ArrayList<>();
        for (String key : g.config.keySet()) {
            if (key.startsWith("hostpci") || key.startsWith("usb")) {
                localResources.add(key);
            }
        }
        for (NodeState node : cluster.nodes.values()) {
            if (node.name.equals(g.node)) {
                continue;
            }
            if (!node.online) {
                notAllowed.put(node.name, Map.of("unavailable_storages", List.of()));
            } else if (localResources.isEmpty()) {
                allowed.add(node.name);
            } else {
                notAllowed.put(node.name, Map.of("unavailable-resources", localResources));
            }
        }
        m.put("allowed_nodes", allowed);
        m.put("not_allowed_nodes", notAllowed);
        if (g.isQemu()) {
            m.put("local_disks", localDisks);
            m.put("local_resources", localResources);
            m.put("mapped-resources", List.of());
            m.put("mapped-resource-info", Map.of());
            m.put("has-dbus-vmstate", 1);
        }
        return m;
    }

    private Object migrate(Guest g, Request q) {
        String target = q.str("target");
        if (target.equals(g.node)) {
            throw ApiException.parameter("target", "target is local node.");
        }
        if (!cluster.nodes.containsKey(target)) {
            throw ApiException.parameter("target", "no such cluster node '" + target + "'");
        }
        checkLock(g, false);
        boolean online = q.flag("online");
        if (g.running()) {
            if (g.isQemu() && !online) {
                throw ApiException.fail("can't migrate running VM without --online");
            }
            if (!g.isQemu() && !q.flag("restart")) {
                throw ApiException.fail("CT is running - use 'restart' to migrate a running container");
            }
        }
        for (String key : g.config.keySet()) {
            if (key.startsWith("hostpci")) {
                throw ApiException.fail("can't migrate VM which uses local devices: " + key);
            }
        }
        List<String> local = new ArrayList<>();
        for (Configs.Disk disk : Configs.disks(g.config)) {
            if (!cluster.storage(disk.storage()).shared() && !disk.cdrom()) {
                local.add(disk.key());
            }
        }
        if (g.isQemu() && g.running() && !local.isEmpty() && !q.flag("with-local-disks")) {
            throw ApiException.fail("can't live migrate attached local disks without with-local-disks option");
        }
        String source = g.node;
        g.lock = "migrate";
        List<String> lines = new ArrayList<>();
        lines.add(LOG_TIME.format(Instant.ofEpochSecond(cluster.now())) + " starting migration of " + g.kind() + " "
                + g.vmid + " to node '" + target + "' (" + cluster.nodes.get(target).ip + ")");
        for (String key : local) {
            lines.add(LOG_TIME.format(Instant.ofEpochSecond(cluster.now())) + " found local disk '"
                    + Configs.volume(g.config.get(key)) + "' (attached)");
        }
        return cluster.startTask(source, g.isQemu() ? "qmigrate" : "vzmigrate", String.valueOf(g.vmid), q.user, t -> {
            g.lock = null;
            if (!cluster.nodes.get(target).online) {
                throw new Task.Failure("migration aborted: target node '" + target + "' is not reachable");
            }
            g.node = target;
            t.log.add(LOG_TIME.format(Instant.ofEpochSecond(cluster.now())) + " migration finished successfully");
        }, lines.toArray(String[]::new));
    }

    // ---- disks ----

    private Object resize(Guest g, Request q) {
        if (q.has("digest") && !q.str("digest").equals(Configs.digest(g))) {
            throw ApiException.fail("detected modified configuration - file changed by other user? Try again.");
        }
        checkLock(g, q.flag("skiplock"));
        String key = q.str("disk");
        String value = g.config.get(key);
        if (value == null || !Configs.isDiskKey(key)) {
            throw ApiException.parameter("disk", "invalid format - disk '" + key + "' does not exist");
        }
        String sizeText = q.str("size");
        boolean grow = sizeText.startsWith("+");
        String number = grow ? sizeText.substring(1) : sizeText;
        if (!Configs.isSize(number)) {
            throw ApiException.parameter("size", "value does not match the regex pattern");
        }
        long current = Configs.parseSize(Configs.option(value, "size") == null ? "0" : Configs.option(value, "size"));
        long requested = Configs.parseSize(number.matches(".*\\d") ? number + "G" : number);
        long newSize = grow ? current + requested : requested;
        if (newSize < current) {
            throw ApiException.fail("shrinking disks is not supported");
        }
        String newValue = Configs.withOption(value, "size", Configs.formatSize(newSize));
        return cluster.startTask(g.node, g.isQemu() ? "qmresize" : "resize", String.valueOf(g.vmid), q.user, t -> {
            g.config.put(key, newValue);
        }, "  Size of logical volume pve/" + Configs.volume(value).substring(Configs.volume(value).indexOf(':') + 1)
                + " changed from " + Configs.formatSize(current) + " to " + Configs.formatSize(newSize) + ".");
    }

    private Object move(Guest g, String key, Request q) {
        if (q.has("digest") && !q.str("digest").equals(Configs.digest(g))) {
            throw ApiException.fail("detected modified configuration - file changed by other user? Try again.");
        }
        checkLock(g, false);
        if (q.has("target-vmid")) {
            throw ApiException.fail("reassigning a disk to another guest is not supported by the sandbox");
        }
        String storage = q.str("storage");
        if (storage == null) {
            throw ApiException.parameter("storage", "property is missing and it is not optional");
        }
        StorageDef def = cluster.storage(storage);
        String value = g.config.get(key);
        if (value == null || !Configs.isDiskKey(key)) {
            throw ApiException.fail("disk '" + key + "' does not exist");
        }
        if (!g.isQemu() && g.running()) {
            throw ApiException.fail("cannot move volumes of a running container");
        }
        String old = Configs.volume(value);
        if (old.startsWith(storage + ":")) {
            throw ApiException.fail("you can't move to the same storage with same format");
        }
        if (!def.content().contains(g.isQemu() ? "images" : "rootdir")) {
            throw ApiException.fail("storage '" + storage + "' does not support content-type '"
                    + (g.isQemu() ? "images" : "rootdir") + "'");
        }
        long size = Configs.parseSize(Configs.option(value, "size") == null ? "0" : Configs.option(value, "size"));
        boolean fits = cluster.avail(def, g.node) >= size;
        String volid = cluster.allocateVolume(storage, g.vmid, "vm");
        boolean delete = q.flag("delete");
        return cluster.startTask(g.node, g.isQemu() ? "qmmove" : "move_volume", String.valueOf(g.vmid), q.user, t -> {
            if (!fits) {
                throw new Task.Failure("storage migration failed: not enough free space on storage '" + storage + "'");
            }
            g.config.put(key, Configs.withVolume(value, volid));
            if (!delete) {
                GuestApi.keepAsUnused(g, old);
            }
            t.log.add("transferred " + Configs.gib(size) + " of " + Configs.gib(size) + " (100.00%)");
        }, "create full clone of drive " + key + " (" + old + ")");
    }

    // ---- backup ----

    private Object vzdump(Request q) {
        String node = q.node();
        String storage = q.str("storage", "local");
        StorageDef def = cluster.storage(storage);
        if (!def.content().contains("backup")) {
            throw ApiException.fail("storage '" + storage + "' does not support backup content");
        }
        List<Guest> selected = new ArrayList<>();
        if (q.flag("all")) {
            for (Guest g : cluster.guests.values()) {
                if (g.node.equals(node) && !g.template()) {
                    selected.add(g);
                }
            }
        } else if (q.has("pool")) {
            for (Guest g : cluster.guests.values()) {
                if (g.node.equals(node) && q.str("pool").equals(g.pool)) {
                    selected.add(g);
                }
            }
        } else {
            if (!q.has("vmid")) {
                throw ApiException.parameter("vmid", "property is missing and it is not optional");
            }
            for (String id : GuestApi.splitList(q.str("vmid"))) {
                if (!id.matches("\\d+")) {
                    throw ApiException.parameter("vmid", "invalid format - value does not look like a valid VM ID");
                }
                Guest g = cluster.guests.get(Integer.parseInt(id));
                if (g == null) {
                    throw ApiException.fail("unable to find VM " + id);
                }
                if (g.node.equals(node)) {
                    selected.add(g);
                }
            }
        }
        String compress = q.str("compress", "zstd");
        String mode = q.str("mode", "snapshot");
        String notes = q.str("notes-template", "{{guestname}}");
        String id = selected.size() == 1 ? String.valueOf(selected.getFirst().vmid) : "";
        List<String> lines = new ArrayList<>();
        lines.add("INFO: starting new backup job: vzdump " + q.str("vmid", "--all 1") + " --storage " + storage
                + " --mode " + mode + " --compress " + compress);
        long start = cluster.now();
        List<Integer> ids = selected.stream().map(g -> g.vmid).toList();
        return cluster.startTask(node, "vzdump", id, q.user, t -> {
            long ctime = start;
            for (int vmid : ids) {
                Guest g = cluster.guests.get(vmid);
                if (g == null) {
                    continue;
                }
                t.log.add("INFO: Starting Backup of VM " + vmid + " (" + g.type + ")");
                String ext = (g.isQemu() ? "vma" : "tar") + switch (compress) {
                    case "0" -> "";
                    case "gzip" -> ".gz";
                    case "lzo", "1" -> ".lzo";
                    default -> ".zst";
                };
                long size = 0;
                for (Configs.Disk disk : Configs.disks(g.config)) {
                    size += disk.cdrom() ? 0 : disk.size() / 12;
                }
                String volid = storage + ":backup/vzdump-" + g.type + "-" + vmid + "-"
                        + DateTimeFormatter.ofPattern("yyyy_MM_dd-HH_mm_ss").withZone(ZoneOffset.UTC)
                        .format(Instant.ofEpochSecond(ctime)) + "." + ext;
                String note = notes.replace("{{guestname}}", g.name()).replace("{{vmid}}", String.valueOf(vmid))
                        .replace("{{node}}", node).replace("{{cluster}}", Cluster.CLUSTER_NAME);
                cluster.volumes.add(new Volume(storage, def.shared() ? null : node, volid, "backup", ext, size, ctime,
                        vmid, note, g.type, new LinkedHashMap<>(g.config), false));
                t.log.add("INFO: creating vzdump archive '" + volid + "'");
                t.log.add("INFO: Finished Backup of VM " + vmid + " (00:00:0" + (1 + vmid % 9) + ")");
                ctime++;
            }
            t.log.add("INFO: Backup job finished successfully");
        }, lines.toArray(String[]::new));
    }
}
