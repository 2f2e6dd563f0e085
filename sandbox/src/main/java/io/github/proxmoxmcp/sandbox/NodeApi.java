package io.github.proxmoxmcp.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Node reads: status, services, logs, network, DNS, hosts, time, APT, subscription, RRD, replication, report. */
final class NodeApi {

    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);
    private static final String[][] SERVICES = {
            {"chrony", "NTP client/server"},
            {"corosync", "Corosync Cluster Engine"},
            {"cron", "Regular background program processing daemon"},
            {"ksmtuned", "Kernel Samepage Merging (KSM) Tuning Daemon"},
            {"postfix", "Postfix Mail Transport Agent (instance -)"},
            {"pve-cluster", "The Proxmox VE cluster filesystem"},
            {"pve-firewall", "Proxmox VE firewall"},
            {"pve-ha-crm", "PVE Cluster HA Resource Manager Daemon"},
            {"pve-ha-lrm", "PVE Local HA Resource Manager Daemon"},
            {"pvedaemon", "PVE API Daemon"},
            {"pvefw-logger", "Proxmox VE firewall logger"},
            {"pveproxy", "PVE API Proxy Server"},
            {"pvescheduler", "Proxmox VE scheduler"},
            {"pvestatd", "PVE Status Daemon"},
            {"qmeventd", "PVE Qemu Event Daemon"},
            {"spiceproxy", "PVE SPICE Proxy Server"},
            {"sshd", "OpenBSD Secure Shell server"},
            {"syslog", "Journal Service"},
            {"systemd-timesyncd", "Network Time Synchronization"},
    };

    private final Cluster cluster;
    private final Views views;

    NodeApi(Cluster cluster) {
        this.cluster = cluster;
        this.views = new Views(cluster);
    }

    void register(Router r) {
        new TaskApi(cluster).register(r);
        r.get("/nodes/{node}", "", q -> names("aplinfo", "apt", "capabilities", "ceph", "certificates", "config",
                "disks", "dns", "firewall", "hardware", "hosts", "journal", "lxc", "network", "qemu", "replication",
                "report", "rrd", "rrddata", "services", "status", "storage", "subscription", "syslog", "tasks", "time",
                "version", "vzdump"));
        r.get("/nodes/{node}/status", "", q -> status(cluster.node(q.node())));
        r.get("/nodes/{node}/version", "", q -> cluster.pve.versionInfo());
        r.get("/nodes/{node}/services", "", q -> services(cluster.node(q.node())));
        r.get("/nodes/{node}/services/{service}", "", q -> names("reload", "restart", "start", "state", "stop"));
        r.get("/nodes/{node}/services/{service}/state", "", q -> service(cluster.node(q.node()), q.var("service")));
        r.get("/nodes/{node}/syslog", "limit:int service since start:int until", this::syslog);
        r.get("/nodes/{node}/journal", "endcursor lastentries:int since:int startcursor until:int", this::journal);
        r.get("/nodes/{node}/network", "type:bridge|bond|eth|alias|vlan|fabric|OVSBridge|OVSBond|OVSPort|OVSIntPort|"
                + "vnet|any_bridge|any_local_bridge|include_sdn", q -> network(q.node(), q.str("type")));
        r.get("/nodes/{node}/network/{iface}", "", q -> iface(q.node(), q.var("iface")));
        r.get("/nodes/{node}/dns", "", q -> dns(cluster.node(q.node())));
        r.get("/nodes/{node}/hosts", "", q -> hosts(cluster.node(q.node())));
        r.get("/nodes/{node}/time", "", q -> time(cluster.node(q.node())));
        new NodeWrites(cluster, this).register(r);
        r.get("/nodes/{node}/apt/versions", "", q -> aptVersions());
        r.get("/nodes/{node}/apt/update", "", q -> aptUpdates());
        r.post("/nodes/{node}/apt/update", "notify:bool quiet:bool", q -> cluster.startTask(q.node(), "aptupdate", "",
                q.user, t -> t.log.add("Reading package lists..."), "starting apt-get update"));
        r.get("/nodes/{node}/subscription", "", q -> subscription(q.node()));
        r.get("/nodes/{node}/rrddata", "cf:AVERAGE|MAX timeframe*:hour|day|week|month|year|decade", q -> {
            NodeState n = cluster.node(q.node());
            return views.rrd(q.str("timeframe"), views.nodeCpu(n), n.maxmem, views.nodeMem(n), 100_861_726_720L,
                    n.maxcpu, true, n.index * 11);
        });
        r.get("/nodes/{node}/report", "", q -> report(cluster.node(q.node())));
    }

    static List<Map<String, Object>> names(String... names) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : names) {
            out.add(Map.of("name", name));
        }
        return out;
    }

    private Map<String, Object> status(NodeState node) {
        Map<String, Object> m = new LinkedHashMap<>();
        double cpu = views.nodeCpu(node);
        long mem = views.nodeMem(node);
        m.put("uptime", views.nodeUptime(node));
        m.put("cpu", cpu);
        m.put("wait", 0.0012);
        m.put("idle", 0);
        m.put("loadavg", List.of(fmt(cpu * node.maxcpu * 1.1), fmt(cpu * node.maxcpu), fmt(cpu * node.maxcpu * 0.9)));
        Map<String, Object> cpuinfo = new LinkedHashMap<>();
        cpuinfo.put("model", node.maxcpu == 8 ? "Intel(R) Core(TM) i7-10700 CPU @ 2.90GHz" : "AMD EPYC 7313P 16-Core Processor");
        cpuinfo.put("sockets", 1);
        cpuinfo.put("cores", node.maxcpu / 2);
        cpuinfo.put("cpus", node.maxcpu);
        cpuinfo.put("mhz", node.maxcpu == 8 ? "2900.000" : "3000.000");
        cpuinfo.put("hvm", "1");
        cpuinfo.put("user_hz", 100);
        cpuinfo.put("flags", "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ht syscall nx lm constant_tsc rep_good nopl xtopology cpuid pni pclmulqdq ssse3 fma cx16 sse4_1 sse4_2 x2apic movbe popcnt aes xsave avx f16c rdrand hypervisor lahf_lm abm svm");
        m.put("cpuinfo", cpuinfo);
        m.put("memory", Map.of("total", node.maxmem, "used", mem, "free", node.maxmem - mem, "available", node.maxmem - mem));
        m.put("swap", Map.of("total", 8_589_930_496L, "used", 0, "free", 8_589_930_496L));
        long rootTotal = 100_861_726_720L;
        long rootUsed = 7_812_345_856L + node.index * 104_857_600L;
        m.put("rootfs", Map.of("total", rootTotal, "used", rootUsed, "free", rootTotal - rootUsed, "avail", rootTotal - rootUsed - 5_000_000_000L));
        m.put("ksm", Map.of("shared", 0));
        PveVersion pve = cluster.pve;
        m.put("kversion", "Linux " + pve.kernel() + " " + pve.kernelBuild());
        m.put("current-kernel", Map.of("sysname", "Linux", "release", pve.kernel(), "version", pve.kernelBuild(), "machine", "x86_64"));
        m.put("boot-info", Map.of("mode", "efi", "secureboot", 0));
        m.put("pveversion", "pve-manager/" + pve.version() + "/" + pve.repoid());
        return m;
    }

    private static String fmt(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }

    private List<Map<String, Object>> services(NodeState node) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String[] service : SERVICES) {
            out.add(service(node, service[0]));
        }
        return out;
    }

    private java.util.Set<String> stoppedHere = java.util.Set.of();

    Map<String, Object> service(NodeState node, String name) {
        stoppedHere = node.stoppedServices.keySet();
        return service(name);
    }

    private Map<String, Object> service(String name) {
        for (String[] service : SERVICES) {
            if (service[0].equals(name)) {
                boolean dead = name.equals("systemd-timesyncd") || stoppedHere.contains(name);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("service", name);
                m.put("name", name);
                m.put("desc", service[1]);
                m.put("state", dead ? "dead" : "running");
                m.put("active-state", dead ? "inactive" : "active");
                m.put("unit-state", dead ? "disabled" : "enabled");
                return m;
            }
        }
        throw ApiException.parameter("service", "value '" + name + "' does not have a value in the enumeration");
    }

    /** One journal entry: its time and its syslog-style text. */
    private record LogLine(long time, String text) {
    }

    private List<LogLine> logLines(String node) {
        long now = cluster.now();
        List<LogLine> lines = new ArrayList<>();
        String[] messages = {
                "systemd[1]: Starting pve-daily-update.service - Daily PVE download activities...",
                "pveupdate[{pid}]: <root@pam> starting task UPID:{node}:aptupdate",
                "systemd[1]: pve-daily-update.service: Deactivated successfully.",
                "pvedaemon[{pid}]: <root@pam> successful auth for user 'root@pam'",
                "pveproxy[{pid}]: worker exit",
                "pveproxy[{pid}]: worker {pid2} started",
                "pvestatd[{pid}]: status update time (0.412 seconds)",
                "corosync[{pid}]:   [KNET  ] host: host: 2 (passive) best link: 0 (pri: 1)",
                "pmxcfs[{pid}]: [status] notice: received log",
                "chronyd[{pid}]: Selected source 192.168.1.1",
                "kernel: vmbr0: port 2(tap100i0) entered forwarding state",
                "pvescheduler[{pid}]: starting task UPID:{node}:vzdump",
        };
        for (int i = 0; i < 120; i++) {
            long t = now - (120 - i) * 97L;
            int pid = 1200 + (i * 37) % 900;
            String message = messages[i % messages.length].replace("{pid}", String.valueOf(pid))
                    .replace("{pid2}", String.valueOf(pid + 1)).replace("{node}", node);
            lines.add(new LogLine(t, LOG_TIME.format(Instant.ofEpochSecond(t)) + " " + node + " " + message));
        }
        return lines;
    }

    /** Proxmox reads the journal from its start: {@code start} lines skipped, at most {@code limit}, the total counted. */
    private Paged syslog(Request q) {
        long since = syslogTime(q, "since", Long.MIN_VALUE);
        long until = syslogTime(q, "until", Long.MAX_VALUE);
        String service = q.str("service");
        List<LogLine> lines = logLines(q.node()).stream()
                .filter(l -> l.time() >= since && l.time() <= until)
                .filter(l -> service == null || l.text().contains(" " + service + "["))
                .toList();
        int start = q.integer("start", 0);
        int limit = q.integer("limit", 0) == 0 ? 50 : q.integer("limit", 0);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = start; i < lines.size() && out.size() < limit; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", i + 1);
            m.put("t", lines.get(i).text());
            out.add(m);
        }
        if (lines.isEmpty()) {
            out.add(Map.of("n", 0, "t", "no content"));
        }
        return new Paged(out, lines.size());
    }

    /** A syslog {@code since}/{@code until}: {@code YYYY-MM-DD[ HH:MM[:SS]]}, read as UTC like the sandbox's clock. */
    private static long syslogTime(Request q, String name, long fallback) {
        String value = q.str(name);
        if (value == null) {
            return fallback;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?: (\\d{2}:\\d{2})(:\\d{2})?)?")
                .matcher(value);
        if (!m.matches()) {
            throw ApiException.parameter(name, "value does not match the regex pattern");
        }
        String time = m.group(2) == null ? "00:00:00" : m.group(2) + (m.group(3) == null ? ":00" : m.group(3));
        return java.time.LocalDateTime.parse(m.group(1) + "T" + time).toEpochSecond(ZoneOffset.UTC);
    }

    /**
     * As {@code mini-journalreader}: the entries in range, the last {@code lastentries} of them when asked, framed by
     * the cursors of the first and last entry. A start cursor reads after its entry, an end cursor before its entry.
     */
    private List<String> journal(Request q) {
        boolean fromStart = q.has("since") || q.has("startcursor");
        if (q.has("since") && q.has("startcursor") || q.has("until") && q.has("endcursor")) {
            throw ApiException.fail("since/until conflict with startcursor/endcursor");
        }
        if (q.has("lastentries") && fromStart) {
            throw ApiException.parameter("lastentries", "lastentries conflicts with a start of range (since, startcursor)");
        }
        List<LogLine> all = logLines(q.node());
        long since = q.has("since") ? q.integer("since", 0) : Long.MIN_VALUE;
        long until = q.has("until") ? q.integer("until", 0) : Long.MAX_VALUE;
        int after = q.has("startcursor") ? cursorIndex(q, "startcursor") : 0;
        int before = q.has("endcursor") ? cursorIndex(q, "endcursor") : Integer.MAX_VALUE;
        List<Integer> picked = new ArrayList<>();
        for (int i = 1; i <= all.size(); i++) {
            LogLine line = all.get(i - 1);
            if (i > after && i < before && line.time() >= since && line.time() <= until) {
                picked.add(i);
            }
        }
        int last = q.integer("lastentries", 0);
        if (last > 0 && picked.size() > last) {
            picked = picked.subList(picked.size() - last, picked.size());
        }
        List<String> out = new ArrayList<>();
        if (picked.isEmpty()) {
            return out;
        }
        out.add(cursor(picked.getFirst()));
        picked.forEach(i -> out.add(all.get(i - 1).text()));
        out.add(cursor(picked.getLast()));
        return out;
    }

    private static String cursor(int index) {
        return "s=sandbox;i=" + Integer.toHexString(index);
    }

    private static int cursorIndex(Request q, String name) {
        String value = q.str(name);
        if (!value.startsWith("s=sandbox;i=")) {
            throw ApiException.fail("Failed to seek to cursor: Invalid argument");
        }
        try {
            return Integer.parseInt(value.substring("s=sandbox;i=".length()), 16);
        } catch (NumberFormatException e) {
            throw ApiException.fail("Failed to seek to cursor: Invalid argument");
        }
    }

    Map<String, Map<String, Object>> interfaces(NodeState n) {
        if (n.interfaces == null) {
            n.interfaces = new LinkedHashMap<>();
            for (String name : List.of("eno1", "eno2", "vmbr0", "vmbr1")) {
                n.interfaces.put(name, iface(n, name));
            }
        }
        return n.pendingInterfaces != null ? n.pendingInterfaces : n.interfaces;
    }

    private List<Map<String, Object>> network(String node, String type) {
        NodeState n = cluster.node(node);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> iface : interfaces(n).values()) {
            String t = (String) iface.get("type");
            if (type == null || type.equals(t) || (type.startsWith("any_") && t.equals("bridge"))) {
                out.add(iface);
            }
        }
        return out;
    }

    private Map<String, Object> iface(String node, String name) {
        NodeState n = cluster.node(node);
        Map<String, Object> iface = interfaces(n).get(name);
        if (iface == null) {
            throw ApiException.fail("interface '" + name + "' does not exist");
        }
        return iface;
    }

    static Map<String, Object> iface(NodeState node, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iface", name);
        boolean bridge = name.startsWith("vmbr");
        m.put("type", bridge ? "bridge" : "eth");
        m.put("method", name.equals("vmbr0") ? "static" : "manual");
        m.put("method6", "manual");
        m.put("families", List.of("inet"));
        m.put("priority", List.of("eno1", "eno2", "vmbr0", "vmbr1").indexOf(name) + 3);
        m.put("active", name.equals("eno2") ? 0 : 1);
        m.put("exists", 1);
        if (bridge || name.equals("eno1")) {
            m.put("autostart", 1);
        }
        switch (name) {
            case "vmbr0" -> {
                m.put("address", node.ip);
                m.put("netmask", "24");
                m.put("cidr", node.ip + "/24");
                m.put("gateway", "192.168.1.1");
                m.put("bridge_ports", "eno1");
                m.put("bridge_stp", "off");
                m.put("bridge_fd", "0");
            }
            case "vmbr1" -> {
                m.put("bridge_ports", "none");
                m.put("bridge_stp", "off");
                m.put("bridge_fd", "0");
                m.put("bridge_vlan_aware", 1);
                m.put("bridge_vids", "2-4094");
                m.put("comments", "Internal lab network\n");
            }
            default -> {
            }
        }
        return m;
    }

    Map<String, Object> dns(NodeState node) {
        if (node.dns.isEmpty()) {
            node.dns.put("search", "sandbox.lan");
            node.dns.put("dns1", "192.168.1.1");
            node.dns.put("dns2", "1.1.1.1");
        }
        return new LinkedHashMap<>(node.dns);
    }

    Map<String, Object> hosts(NodeState node) {
        if (node.hosts == null) {
            node.hosts = defaultHosts();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("digest", Configs.sha1(node.hosts));
        m.put("data", node.hosts);
        return m;
    }

    private String defaultHosts() {
        StringBuilder data = new StringBuilder("127.0.0.1 localhost.localdomain localhost\n");
        for (NodeState node : cluster.nodes.values()) {
            data.append(node.ip).append(' ').append(node.name).append(".sandbox.lan ").append(node.name).append('\n');
        }
        data.append("\n# The following lines are desirable for IPv6 capable hosts\n::1     ip6-localhost ip6-loopback\n");
        return data.toString();
    }

    private Map<String, Object> time(NodeState node) {
        long now = cluster.now();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timezone", node.timezone);
        m.put("time", now);
        int offset = node.timezone.equals("UTC") ? 0 : java.time.ZoneId.of(node.timezone).getRules()
                .getOffset(Instant.ofEpochSecond(now)).getTotalSeconds();
        m.put("localtime", now + offset);
        return m;
    }

    private static Map<String, Object> pkg(String name, String version, String title, String oldVersion) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Package", name);
        m.put("Title", title);
        m.put("Description", title + ".");
        m.put("Version", version);
        if (oldVersion != null) {
            m.put("OldVersion", oldVersion);
        }
        m.put("Arch", "amd64");
        m.put("Origin", "Proxmox");
        m.put("Priority", "optional");
        m.put("Section", "admin");
        return m;
    }

    private List<Map<String, Object>> aptVersions() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String[] p : cluster.pve.packages()) {
            Map<String, Object> m = pkg(p[0], p[1], p[2], null);
            m.put("CurrentState", "Installed");
            if (out.isEmpty()) {
                m.put("RunningKernel", cluster.pve.kernel());
                m.put("ManagerVersion", cluster.pve.version());
            }
            out.add(m);
        }
        return out;
    }

    private List<Map<String, Object>> aptUpdates() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String[] p : cluster.pve.updates()) {
            Map<String, Object> m = pkg(p[0], p[1], p[2], p[3]);
            if (p[4].equals("Debian")) {
                m.put("Origin", "Debian");
                m.put("Section", "utils");
            }
            out.add(m);
        }
        return out;
    }

    private Map<String, Object> subscription(String node) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "notfound");
        m.put("message", "There is no subscription key");
        m.put("serverid", Configs.sha1("server-" + node).substring(0, 32).toUpperCase());
        m.put("sockets", 1);
        m.put("url", "https://www.proxmox.com/en/proxmox-virtual-environment/pricing");
        return m;
    }

    private String report(NodeState node) {
        StringBuilder out = new StringBuilder();
        out.append("==== general system info ====\n\n# hostname\n").append(node.name).append("\n\n");
        PveVersion pve = cluster.pve;
        out.append("# pveversion --verbose\nproxmox-ve: ").append(pve.proxmoxVe()).append(" (running kernel: ")
                .append(pve.kernel()).append(")\n");
        out.append("pve-manager: ").append(pve.version()).append(" (running version: ").append(pve.version())
                .append('/').append(pve.repoid()).append(")\n\n");
        out.append("# cat /etc/hosts\n").append(hosts(node).get("data")).append('\n');
        out.append("==== info about virtual guests ====\n\n# qm list\n");
        out.append("      VMID NAME                 STATUS     MEM(MB)    BOOTDISK(GB) PID\n");
        for (Guest guest : cluster.guests.values()) {
            if (guest.node.equals(node.name) && guest.isQemu()) {
                out.append(String.format("%10d %-20s %-10s %-10d %-12.2f %d%n", guest.vmid, guest.name(), guest.status,
                        guest.maxmem() / 1024 / 1024, views.maxdisk(guest) / 1073741824.0,
                        guest.running() ? 1000 + guest.vmid * 13 : 0));
            }
        }
        out.append("\n# pct list\nVMID       Status     Lock         Name\n");
        for (Guest guest : cluster.guests.values()) {
            if (guest.node.equals(node.name) && !guest.isQemu()) {
                out.append(String.format("%-10d %-10s %-12s %s%n", guest.vmid, guest.status, "", guest.name()));
            }
        }
        out.append("\n==== info about storage ====\n\n# pvesm status\n");
        out.append("Name              Type     Status           Total            Used       Available        %\n");
        for (StorageDef storage : cluster.storages()) {
            long used = cluster.used(storage, node.name);
            out.append(String.format("%-17s %-8s %-8s %16d %15d %15d %7.2f%%%n", storage.id(), storage.type(), "active",
                    storage.total() / 1024, used / 1024, (storage.total() - used) / 1024, 100.0 * used / storage.total()));
        }
        return out.toString();
    }
}
