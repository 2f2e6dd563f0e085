package io.github.proxmoxmcp.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Guest reads, configuration updates and snapshots for {@code qemu} and {@code lxc}; the lifecycle is in {@link GuestLifecycle}. */
final class GuestApi {

    static final String QEMU_OPTIONS = "acpi:bool affinity agent allow-ksm:bool amd-sev arch:x86_64|aarch64 args audio0 "
            + "autostart:bool balloon:int bios:seabios|ovmf boot bootdisk cdrom cicustom cipassword "
            + "citype:configdrive2|nocloud|opennebula ciupgrade:bool ciuser cores:int cpu cpulimit:num cpuunits:int "
            + "description efidisk0 freeze:bool hookscript hostpci[n] hotplug hugepages:any|2|1024 ide[n] "
            + "import-working-storage intel-tdx ipconfig[n] ivshmem keephugepages:bool keyboard kvm:bool localtime:bool "
            + "lock:backup|clone|create|migrate|rollback|snapshot|snapshot-delete|suspending|suspended machine memory "
            + "migrate_downtime:num migrate_speed:int name nameserver net[n] numa:bool numa[n] onboot:bool "
            + "ostype:other|wxp|w2k|w2k3|w2k8|wvista|win7|win8|win10|win11|l24|l26|solaris parallel[n] protection:bool "
            + "reboot:bool rng0 sata[n] scsi[n] scsihw:lsi|lsi53c810|virtio-scsi-pci|virtio-scsi-single|megasas|pvscsi "
            + "searchdomain serial[n] shares:int smbios1 smp:int sockets:int spice_enhancements sshkeys startdate startup "
            + "tablet:bool tags tdf:bool template:bool tpmstate0 unused[n] usb[n] vcpus:int vga virtio[n] virtiofs[n] "
            + "vmgenid vmstatestorage watchdog";
    static final String LXC_OPTIONS = "arch:amd64|i386|arm64|armhf|riscv32|riscv64 cmode:shell|console|tty console:bool "
            + "cores:int cpulimit:num cpuunits:int debug:bool description dev[n] entrypoint env features hookscript "
            + "hostname lock:backup|create|destroyed|disk|fstrim|migrate|mounted|rollback|snapshot|snapshot-delete "
            + "memory:int mp[n] nameserver net[n] onboot:bool ostype protection:bool rootfs searchdomain startup swap:int "
            + "tags template:bool timezone tty:int unprivileged:bool unused[n]";

    /** Options a running VM takes at once; everything else waits in the pending section until a restart. */
    private static final Set<String> HOT = Set.of("name", "description", "tags", "onboot", "protection", "startup",
            "hookscript", "lock", "template", "balloon", "shares");
    private static final Set<String> CLOUD_INIT = Set.of("cicustom", "cipassword", "citype", "ciupgrade", "ciuser",
            "nameserver", "searchdomain", "sshkeys");

    private final Cluster cluster;
    private final Views views;

    GuestApi(Cluster cluster) {
        this.cluster = cluster;
        this.views = new Views(cluster);
    }

    void register(Router r) {
        for (String type : List.of("qemu", "lxc")) {
            String base = "/nodes/{node}/" + type + "/{vmid}";
            r.get("/nodes/{node}/" + type, type.equals("qemu") ? "full:bool" : "", q -> list(q.node(), type));
            r.get(base, "", q -> {
                guest(q, type);
                return NodeApi.names(type.equals("qemu")
                        ? new String[] {"agent", "clone", "cloudinit", "config", "feature", "firewall", "migrate",
                        "move_disk", "pending", "resize", "rrd", "rrddata", "snapshot", "status", "template"}
                        : new String[] {"clone", "config", "feature", "firewall", "interfaces", "migrate",
                        "move_volume", "pending", "resize", "rrd", "rrddata", "snapshot", "status", "template"});
            });
            r.get(base + "/status", "", q -> {
                guest(q, type);
                return NodeApi.names("current", "reboot", "resume", "shutdown", "start", "stop", "suspend");
            });
            r.get(base + "/status/current", "", q -> current(guest(q, type)));
            r.get(base + "/config", "current:bool snapshot", q -> config(guest(q, type), q.flag("current"), q.str("snapshot")));
            String options = type.equals("qemu") ? QEMU_OPTIONS : LXC_OPTIONS;
            // import-working-storage is accepted by the asynchronous POST only.
            r.put(base + "/config", options.replace(" import-working-storage", "") + " delete digest revert"
                    + (type.equals("qemu") ? " force:bool skiplock:bool" : ""), q -> {
                update(guest(q, type), q);
                return null;
            });
            if (type.equals("qemu")) {
                r.post(base + "/config", options + " delete digest revert force:bool skiplock:bool background_delay:int",
                        q -> {
                            Guest g = guest(q, type);
                            update(g, q);
                            return cluster.startTask(q.node(), "qmconfig", String.valueOf(g.vmid), q.user, t -> { });
                        });
                r.get(base + "/cloudinit/dump", "type*:user|network|meta", q -> cloudInitDump(guest(q, type), q.str("type")));
                r.get(base + "/cloudinit", "", q -> cloudInit(guest(q, type)));
                r.put(base + "/cloudinit", "", q -> {
                    guest(q, type).pending.keySet().removeIf(CLOUD_INIT::contains);
                    return null;
                });
            } else {
                r.get(base + "/interfaces", "", q -> interfaces(guest(q, type)));
            }
            r.get(base + "/pending", "", q -> pending(guest(q, type)));
            r.get(base + "/rrddata", "cf:AVERAGE|MAX timeframe*:hour|day|week|month|year|decade", q -> {
                Guest g = guest(q, type);
                double cpu = g.running() ? g.cpuLoad : 0;
                long mem = g.running() ? (long) (g.maxmem() * g.memLoad) : 0;
                return views.rrd(q.str("timeframe"), cpu, g.maxmem(), mem, views.maxdisk(g), g.cpus(), false, g.vmid);
            });
            r.get(base + "/feature", "feature*:snapshot|clone|copy snapname", q -> feature(guest(q, type), q.str("feature")));
            registerSnapshots(r, type, base);
            registerConsole(r, type, base);
        }
    }

    Guest guest(Request q, String type) {
        return cluster.guest(q.node(), q.vmid(), type);
    }

    private List<Map<String, Object>> list(String node, String type) {
        cluster.node(node);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Guest guest : cluster.guests.values()) {
            if (guest.node.equals(node) && guest.type.equals(type)) {
                Map<String, Object> m = views.guestSummary(guest, false);
                if (guest.isQemu()) {
                    m.put("qmpstatus", qmpstatus(guest));
                }
                out.add(m);
            }
        }
        return out;
    }

    static String qmpstatus(Guest guest) {
        return guest.running() ? (guest.paused ? "paused" : "running") : "stopped";
    }

    private Map<String, Object> current(Guest guest) {
        Map<String, Object> m = views.guestSummary(guest, false);
        m.put("ha", Map.of("managed", 0));
        if (guest.isQemu()) {
            m.put("qmpstatus", qmpstatus(guest));
            if (guest.agentEnabled()) {
                m.put("agent", 1);
            }
            if (guest.running()) {
                m.put("running-machine", Configs.runningMachine(guest.config.get("machine")));
                m.put("running-qemu", "10.1.2");
                m.put("balloon", guest.maxmem());
            }
            if (guest.config.containsKey("serial0")) {
                m.put("serial", 1);
            }
        }
        return m;
    }

    private Map<String, Object> config(Guest guest, boolean current, String snapshot) {
        Map<String, String> source;
        if (snapshot != null) {
            source = snapshot(guest, snapshot).config();
        } else {
            source = new LinkedHashMap<>(guest.config);
            if (!current) {
                source.putAll(guest.pending);
                guest.pendingDelete.forEach(source::remove);
            }
        }
        Map<String, Object> out = typed(guest, source);
        if (out.containsKey("cipassword")) {
            out.put("cipassword", "**********");
        }
        if (guest.lock != null && snapshot == null) {
            out.put("lock", guest.lock);
        }
        if (guest.parentSnapshot != null && snapshot == null) {
            out.put("parent", guest.parentSnapshot);
        }
        out.put("digest", Configs.digest(guest));
        return out;
    }

    static Map<String, Object> typed(Guest guest, Map<String, String> config) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : new TreeSet<>(config.keySet())) {
            String value = config.get(key);
            boolean number = !guest.isQemu() && key.equals("memory") && value.matches("\\d+");
            out.put(key, number ? Long.parseLong(value) : Configs.typed(key, value));
        }
        return out;
    }

    private List<Map<String, Object>> pending(Guest guest) {
        Set<String> keys = new TreeSet<>(guest.config.keySet());
        keys.addAll(guest.pending.keySet());
        keys.addAll(guest.pendingDelete);
        List<Map<String, Object>> out = new ArrayList<>();
        for (String key : keys) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", key);
            if (guest.config.containsKey(key)) {
                m.put("value", key.equals("cipassword") ? "**********" : Configs.typed(key, guest.config.get(key)));
            }
            if (guest.pending.containsKey(key)) {
                m.put("pending", key.equals("cipassword") ? "**********" : Configs.typed(key, guest.pending.get(key)));
            }
            if (guest.pendingDelete.contains(key)) {
                m.put("delete", 1);
            }
            out.add(m);
        }
        return out;
    }

    private void update(Guest guest, Request q) {
        if (q.has("digest") && !q.str("digest").equals(Configs.digest(guest))) {
            throw ApiException.fail("detected modified configuration - file changed by other user? Try again.");
        }
        GuestLifecycle.checkLock(guest, q.flag("skiplock"));
        Set<String> meta = Set.of("node", "vmid", "digest", "delete", "revert", "skiplock", "force", "background_delay");
        List<String> deletes = splitList(q.str("delete"));
        List<String> reverts = splitList(q.str("revert"));
        Map<String, String> errors = new LinkedHashMap<>();
        for (String key : deletes) {
            if (q.has(key)) {
                errors.put(key, "unable to delete parameter that is set");
            }
        }
        Map<String, String> changes = new LinkedHashMap<>();
        for (String key : q.params.keySet()) {
            if (!meta.contains(key)) {
                String value = q.str(key);
                String problem = valueProblem(key, value);
                if (problem != null) {
                    errors.put(key, problem);
                }
                changes.put(key, value);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.parameters(errors);
        }
        if (changes.isEmpty() && deletes.isEmpty() && reverts.isEmpty()) {
            throw ApiException.fail("no options specified");
        }
        for (String key : reverts) {
            guest.pending.remove(key);
            guest.pendingDelete.remove(key);
        }
        boolean live = guest.running() && guest.isQemu();
        for (String key : deletes) {
            if (live && !HOT.contains(key) && !Configs.isDiskKey(key) && !key.startsWith("net")) {
                guest.pendingDelete.add(key);
                guest.pending.remove(key);
            } else {
                String old = guest.config.remove(key);
                guest.pending.remove(key);
                if (old != null && Configs.isDiskKey(key) && !key.startsWith("unused") && !key.equals("rootfs")
                        && !"cdrom".equals(Configs.option(old, "media"))) {
                    keepAsUnused(guest, Configs.volume(old));
                }
            }
        }
        for (Map.Entry<String, String> change : changes.entrySet()) {
            String key = change.getKey();
            String value = change.getValue();
            if (key.matches("net\\d+") && !Configs.hasMac(value, guest.isQemu())) {
                value = Configs.withMac(value, guest.isQemu(), cluster.mac());
            }
            if (Configs.isDiskKey(key)) {
                value = allocateIfNew(guest, key, value);
                String old = guest.config.get(key);
                if (old != null && !Configs.volume(old).equals(Configs.volume(value))
                        && !"cdrom".equals(Configs.option(old, "media")) && !key.startsWith("unused")) {
                    keepAsUnused(guest, Configs.volume(old));
                }
            }
            if (live && !HOT.contains(key) && !Configs.isDiskKey(key) && !key.startsWith("net")) {
                guest.pending.put(key, value);
                guest.pendingDelete.remove(key);
            } else {
                guest.config.put(key, value);
            }
        }
    }

    static List<String> splitList(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    private static String valueProblem(String key, String value) {
        if ((key.equals("name") || key.equals("hostname")) && !value.matches("[a-zA-Z0-9]([a-zA-Z0-9\\-.]*[a-zA-Z0-9])?")) {
            return "invalid format - value does not look like a valid DNS name";
        }
        if (key.equals("memory") && !value.matches("\\d+|current=\\d+.*")) {
            return "invalid format - value '" + value + "' does not look like a valid memory size";
        }
        if (key.equals("tags") && !value.matches("[a-zA-Z0-9_\\-+.;, ]*")) {
            return "invalid format - invalid tag list";
        }
        return null;
    }

    /** {@code scsi1=local-lvm:10} allocates a new 10 GiB volume, as Proxmox does. */
    private String allocateIfNew(Guest guest, String key, String value) {
        String volume = Configs.volume(value);
        int colon = volume.indexOf(':');
        if (colon < 0) {
            return value;
        }
        String storage = volume.substring(0, colon);
        String rest = volume.substring(colon + 1);
        cluster.storage(storage);
        if (!rest.matches("\\d+(\\.\\d+)?")) {
            return value;
        }
        long bytes = (long) (Double.parseDouble(rest) * 1024 * 1024 * 1024);
        String volid = cluster.allocateVolume(storage, guest.vmid, "vm");
        return Configs.withOption(Configs.withVolume(value, volid), "size", Configs.formatSize(bytes));
    }

    static void keepAsUnused(Guest guest, String volid) {
        int n = 0;
        while (guest.config.containsKey("unused" + n)) {
            n++;
        }
        guest.config.put("unused" + n, volid);
    }

    private Map<String, Object> feature(Guest guest, String feature) {
        boolean local = false;
        for (Configs.Disk disk : Configs.disks(guest.config)) {
            local |= !cluster.storage(disk.storage()).shared() && !disk.cdrom();
        }
        List<String> nodes = new ArrayList<>();
        for (NodeState node : cluster.nodes.values()) {
            if (node.online && (!local || node.name.equals(guest.node))) {
                nodes.add(node.name);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hasFeature", 1);
        m.put("nodes", nodes);
        return m;
    }

    private List<Map<String, Object>> interfaces(Guest guest) {
        if (!guest.running()) {
            throw ApiException.fail("CT " + guest.vmid + " not running");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(Map.of("name", "lo", "hwaddr", "00:00:00:00:00:00", "inet", "127.0.0.1/8", "inet6", "::1/128"));
        String net = guest.config.getOrDefault("net0", "");
        Map<String, Object> eth = new LinkedHashMap<>();
        eth.put("name", "eth0");
        eth.put("hwaddr", String.valueOf(Configs.option(net, "hwaddr")).toLowerCase());
        String ip = Configs.option(net, "ip");
        eth.put("inet", ip == null || ip.equals("dhcp") ? "192.168.1." + (100 + guest.vmid % 100) + "/24" : ip);
        out.add(eth);
        return out;
    }

    // ---- consoles and unlink ----

    private void registerConsole(Router r, String type, String base) {
        boolean qemu = type.equals("qemu");
        r.post(base + "/vncproxy", qemu ? "generate-password:bool websocket:bool" : "height:int websocket:bool width:int",
                q -> console(guest(q, type), q, "vncproxy", 5900));
        r.post(base + "/termproxy", qemu ? "serial:serial0|serial1|serial2|serial3" : "",
                q -> console(guest(q, type), q, "vncproxy", 5901));
        r.post(base + "/spiceproxy", "proxy", q -> {
            Guest g = guest(q, type);
            requireRunning(g);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "spice");
            m.put("host", "pvespiceproxy:" + Configs.sha1("spice" + g.vmid).substring(0, 8) + ":" + g.vmid + ":" + g.node + "::"
                    + Configs.sha1("spice-ticket" + g.vmid));
            m.put("proxy", "http://" + q.str("proxy", cluster.nodes.get(g.node).ip) + ":3128");
            m.put("tls-port", 61000);
            m.put("password", Configs.sha1("spice-password" + g.vmid).substring(0, 12));
            m.put("ca", "-----BEGIN CERTIFICATE-----\\nSANDBOX\\n-----END CERTIFICATE-----\\n");
            m.put("title", g.kind() + " " + g.vmid);
            return m;
        });
        if (qemu) {
            r.put(base + "/unlink", "idlist* force:bool", q -> {
                Guest g = guest(q, type);
                GuestLifecycle.checkLock(g, false);
                for (String key : splitList(q.str("idlist"))) {
                    String value = g.config.remove(key);
                    g.pending.remove(key);
                    if (value != null && Configs.isDiskKey(key) && !q.flag("force") && !key.startsWith("unused")
                            && !"cdrom".equals(Configs.option(value, "media"))) {
                        keepAsUnused(g, Configs.volume(value));
                    }
                }
                return null;
            });
        }
    }

    private static void requireRunning(Guest g) {
        if (!g.running()) {
            throw ApiException.fail(g.kind() + " " + g.vmid + " not running");
        }
    }

    private Map<String, Object> console(Guest g, Request q, String taskType, int port) {
        requireRunning(g);
        String upid = cluster.startTask(g.node, taskType, String.valueOf(g.vmid), q.user, t -> { });
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", q.user);
        m.put("ticket", "PVEVNC:" + String.format("%08X", cluster.now()) + "::" + Configs.sha1(upid));
        m.put("port", String.valueOf(port));
        m.put("upid", upid);
        if (port == 5900) {
            m.put("cert", "-----BEGIN CERTIFICATE-----\nSANDBOX\n-----END CERTIFICATE-----\n");
        }
        return m;
    }

    // ---- cloud-init ----

    private String cloudInitDump(Guest guest, String type) {
        Map<String, String> c = guest.config;
        return switch (type) {
            case "user" -> {
                StringBuilder out = new StringBuilder("#cloud-config\n");
                out.append("hostname: ").append(guest.name()).append('\n');
                out.append("manage_etc_hosts: true\n");
                out.append("fqdn: ").append(guest.name()).append(".sandbox.lan\n");
                if (c.containsKey("ciuser")) {
                    out.append("user: ").append(c.get("ciuser")).append('\n');
                }
                if (c.containsKey("cipassword")) {
                    out.append("password: ").append("$5$sandbox$").append(Configs.sha1(c.get("cipassword")), 0, 20).append('\n');
                }
                if (c.containsKey("sshkeys")) {
                    out.append("ssh_authorized_keys:\n");
                    for (String key : Http.percentDecode(c.get("sshkeys"), false).split("\n")) {
                        if (!key.isBlank()) {
                            out.append("  - ").append(key.trim()).append('\n');
                        }
                    }
                }
                out.append("chpasswd:\n  expire: False\nusers:\n  - default\n");
                out.append("package_upgrade: ").append("0".equals(c.get("ciupgrade")) ? "false" : "true").append('\n');
                yield out.toString();
            }
            case "network" -> {
                StringBuilder out = new StringBuilder("version: 1\nconfig:\n");
                for (int i = 0; i < 8; i++) {
                    String net = c.get("net" + i);
                    if (net == null) {
                        continue;
                    }
                    String mac = Configs.volume(net);
                    mac = mac.contains("=") ? mac.substring(mac.indexOf('=') + 1).toLowerCase() : "";
                    out.append("    - type: physical\n      name: eth").append(i).append('\n');
                    out.append("      mac_address: '").append(mac).append("'\n      subnets:\n");
                    String ipconfig = c.getOrDefault("ipconfig" + i, "");
                    String ip = Configs.option("x," + ipconfig, "ip");
                    if (ip == null || ip.equals("dhcp")) {
                        out.append("      - type: dhcp4\n");
                    } else {
                        out.append("      - type: static\n        address: '").append(ip).append("'\n");
                        String gw = Configs.option("x," + ipconfig, "gw");
                        if (gw != null) {
                            out.append("        gateway: '").append(gw).append("'\n");
                        }
                    }
                }
                out.append("    - type: nameserver\n      address:\n      - '")
                        .append(c.getOrDefault("nameserver", "192.168.1.1")).append("'\n      search:\n      - '")
                        .append(c.getOrDefault("searchdomain", "sandbox.lan")).append("'\n");
                yield out.toString();
            }
            default -> "instance-id: " + Configs.sha1(Configs.text(guest)) + "\n";
        };
    }

    private List<Map<String, Object>> cloudInit(Guest guest) {
        List<Map<String, Object>> out = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        for (String key : guest.config.keySet()) {
            if (CLOUD_INIT.contains(key) || key.startsWith("ipconfig")) {
                keys.add(key);
            }
        }
        for (String key : guest.pending.keySet()) {
            if (CLOUD_INIT.contains(key) || key.startsWith("ipconfig")) {
                keys.add(key);
            }
        }
        for (String key : keys) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", key);
            if (guest.config.containsKey(key)) {
                m.put("value", key.equals("cipassword") ? "**********" : guest.config.get(key));
            }
            if (guest.pending.containsKey(key)) {
                m.put("pending", key.equals("cipassword") ? "**********" : guest.pending.get(key));
            }
            out.add(m);
        }
        return out;
    }

    // ---- snapshots ----

    private void registerSnapshots(Router r, String type, String base) {
        boolean qemu = type.equals("qemu");
        r.get(base + "/snapshot", "", q -> snapshots(guest(q, type)));
        r.post(base + "/snapshot", "snapname* description" + (qemu ? " vmstate:bool" : ""), q -> {
            Guest g = guest(q, type);
            String name = q.str("snapname");
            if (!name.matches("[a-zA-Z][a-zA-Z0-9_\\-]{1,39}")) {
                throw ApiException.parameter("snapname", "invalid format - invalid configuration ID '" + name + "'");
            }
            if (name.equals("current") || g.snapshots.stream().anyMatch(s -> s.name().equals(name))) {
                throw ApiException.fail("snapshot name '" + name + "' already used");
            }
            GuestLifecycle.checkLock(g, false);
            g.lock = "snapshot";
            boolean vmstate = qemu && g.running() && q.flag("vmstate");
            String description = q.str("description", "");
            long snaptime = cluster.now();
            List<String> lines = new ArrayList<>();
            for (Configs.Disk disk : Configs.disks(g.config)) {
                if (!disk.cdrom() && !disk.key().startsWith("unused")) {
                    lines.add("snapshotting '" + (qemu ? "drive-" : "") + disk.key() + "' (" + disk.volid() + ")");
                }
            }
            return cluster.startTask(q.node(), qemu ? "qmsnapshot" : "vzsnapshot", String.valueOf(g.vmid), q.user, t -> {
                g.lock = null;
                g.snapshots.add(new Guest.Snapshot(name, description, snaptime, g.parentSnapshot, vmstate,
                        new LinkedHashMap<>(g.config)));
                g.parentSnapshot = name;
            }, lines.toArray(String[]::new));
        });
        r.get(base + "/snapshot/{snapname}", "", q -> {
            snapshot(guest(q, type), q.var("snapname"));
            return NodeApi.names("config", "rollback");
        });
        r.get(base + "/snapshot/{snapname}/config", "", q -> {
            Guest g = guest(q, type);
            Guest.Snapshot s = snapshot(g, q.var("snapname"));
            Map<String, Object> out = typed(g, s.config());
            out.put("description", s.description());
            out.put("snaptime", s.snaptime());
            if (s.parent() != null) {
                out.put("parent", s.parent());
            }
            if (s.vmstate()) {
                out.put("vmstate", 1);
            }
            return out;
        });
        r.put(base + "/snapshot/{snapname}/config", "description", q -> {
            Guest g = guest(q, type);
            Guest.Snapshot s = snapshot(g, q.var("snapname"));
            if (q.has("description")) {
                g.snapshots.set(g.snapshots.indexOf(s), new Guest.Snapshot(s.name(), q.str("description"),
                        s.snaptime(), s.parent(), s.vmstate(), s.config()));
            }
            return null;
        });
        r.post(base + "/snapshot/{snapname}/rollback", "start:bool", q -> {
            Guest g = guest(q, type);
            Guest.Snapshot s = snapshot(g, q.var("snapname"));
            GuestLifecycle.checkLock(g, false);
            g.lock = "rollback";
            boolean start = q.flag("start");
            return cluster.startTask(q.node(), qemu ? "qmrollback" : "vzrollback", String.valueOf(g.vmid), q.user, t -> {
                g.lock = null;
                boolean wasRunning = g.running();
                g.config.clear();
                g.config.putAll(s.config());
                g.pending.clear();
                g.pendingDelete.clear();
                g.parentSnapshot = s.name();
                if (s.vmstate() || start) {
                    if (!wasRunning || !s.vmstate()) {
                        g.startedAt = cluster.now();
                    }
                    g.status = "running";
                    g.paused = false;
                } else {
                    g.status = "stopped";
                    g.paused = false;
                }
            }, "Rolling back to snapshot '" + s.name() + "'");
        });
        r.delete(base + "/snapshot/{snapname}", "force:bool", q -> {
            Guest g = guest(q, type);
            Guest.Snapshot s = snapshot(g, q.var("snapname"));
            GuestLifecycle.checkLock(g, false);
            g.lock = "snapshot-delete";
            return cluster.startTask(q.node(), qemu ? "qmdelsnapshot" : "vzdelsnapshot", String.valueOf(g.vmid), q.user, t -> {
                g.lock = null;
                int at = g.snapshots.indexOf(s);
                g.snapshots.remove(s);
                for (int i = 0; i < g.snapshots.size(); i++) {
                    Guest.Snapshot other = g.snapshots.get(i);
                    if (s.name().equals(other.parent())) {
                        g.snapshots.set(i, new Guest.Snapshot(other.name(), other.description(), other.snaptime(),
                                s.parent(), other.vmstate(), other.config()));
                    }
                }
                if (s.name().equals(g.parentSnapshot)) {
                    g.parentSnapshot = s.parent();
                }
                if (at < 0) {
                    throw new Task.Failure("snapshot '" + s.name() + "' vanished");
                }
            }, "Removing snapshot '" + s.name() + "'");
        });
    }

    static Guest.Snapshot snapshot(Guest guest, String name) {
        for (Guest.Snapshot snapshot : guest.snapshots) {
            if (snapshot.name().equals(name)) {
                return snapshot;
            }
        }
        throw ApiException.fail("snapshot '" + name + "' does not exist");
    }

    private List<Map<String, Object>> snapshots(Guest guest) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Guest.Snapshot s : guest.snapshots) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("description", s.description());
            m.put("snaptime", s.snaptime());
            if (s.parent() != null) {
                m.put("parent", s.parent());
            }
            if (guest.isQemu()) {
                m.put("vmstate", s.vmstate() ? 1 : 0);
            }
            out.add(m);
        }
        Map<String, Object> current = new LinkedHashMap<>();
        current.put("name", "current");
        current.put("description", "You are here!");
        current.put("running", guest.running() ? 1 : 0);
        if (guest.parentSnapshot != null) {
            current.put("parent", guest.parentSnapshot);
        }
        out.add(current);
        return out;
    }
}
