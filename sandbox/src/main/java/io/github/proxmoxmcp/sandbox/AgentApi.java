package io.github.proxmoxmcp.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The QEMU guest agent of running VMs with {@code agent=1}: info, OS, network, file systems, exec, file read/write. */
final class AgentApi {

    private static final String KERNEL = "6.1.0-27-amd64";
    private static final String KERNEL_BUILD = "#1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01)";
    private static final String OS_RELEASE = """
            PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            NAME="Debian GNU/Linux"
            VERSION_ID="12"
            VERSION="12 (bookworm)"
            VERSION_CODENAME=bookworm
            ID=debian
            HOME_URL="https://www.debian.org/"
            SUPPORT_URL="https://www.debian.org/support"
            BUG_REPORT_URL="https://bugs.debian.org/"
            """;
    private static final List<String> GET_COMMANDS = List.of("get-fsinfo", "get-host-name", "get-memory-block-info",
            "get-memory-blocks", "get-osinfo", "get-time", "get-timezone", "get-users", "get-vcpus", "info",
            "network-get-interfaces");
    private static final List<String> POST_COMMANDS = List.of("fsfreeze-freeze", "fsfreeze-status", "fsfreeze-thaw",
            "fstrim", "ping", "shutdown", "suspend-disk", "suspend-hybrid", "suspend-ram");
    private static final Set<String> PROGRAMS = Set.of("hostname", "uname", "cat", "ip", "uptime", "df", "whoami",
            "echo", "id", "date", "free", "ls", "systemctl", "true", "false");

    private final Cluster cluster;
    private final Map<Integer, Map<String, String>> writtenFiles = new LinkedHashMap<>();
    private int nextPid = 4200;

    AgentApi(Cluster cluster) {
        this.cluster = cluster;
    }

    void register(Router r) {
        String base = "/nodes/{node}/qemu/{vmid}/agent";
        r.get(base, "", q -> {
            cluster.guest(q.node(), q.vmid(), "qemu");
            List<String> all = new ArrayList<>(GET_COMMANDS);
            all.addAll(POST_COMMANDS);
            all.addAll(List.of("exec", "exec-status", "file-read", "file-write", "set-user-password"));
            return NodeApi.names(all.stream().sorted().toArray(String[]::new));
        });
        r.post(base, "command*:" + String.join("|", commandEnum()), q -> command(agent(q), q.str("command")));
        for (String command : GET_COMMANDS) {
            r.get(base + "/" + command, "", q -> command(agent(q), command));
        }
        for (String command : POST_COMMANDS) {
            r.post(base + "/" + command, "", q -> command(agent(q), command));
        }
        r.post(base + "/exec", "command* input-data", q -> exec(agent(q), q.all("command"), q.str("input-data")));
        r.get(base + "/exec-status", "pid*:int", q -> {
            Guest g = agent(q);
            Map<String, Object> status = cluster.agentExecs.get(g.vmid + ":" + q.str("pid"));
            if (status == null) {
                throw ApiException.fail("Agent error: Invalid parameter 'pid'");
            }
            return status;
        });
        r.get(base + "/file-read", "file* count:int decode:bool offset:int", q -> fileRead(agent(q), q));
        r.post(base + "/file-write", "content* file* encode:bool", q -> {
            Guest g = agent(q);
            writtenFiles.computeIfAbsent(g.vmid, k -> new LinkedHashMap<>()).put(q.str("file"), q.str("content"));
            return null;
        });
        r.post(base + "/set-user-password", "password* username* crypted:bool", q -> {
            agent(q);
            if (q.str("password").length() < 5) {
                throw ApiException.parameter("password", "value must be at least 5 characters long");
            }
            return Map.of("result", Map.of());
        });
    }

    private static List<String> commandEnum() {
        List<String> all = new ArrayList<>(POST_COMMANDS);
        all.addAll(GET_COMMANDS);
        return all;
    }

    /** The guest, if its agent can answer; otherwise the errors Proxmox gives. */
    private Guest agent(Request q) {
        Guest g = cluster.guest(q.node(), q.vmid(), "qemu");
        if (!g.running()) {
            throw ApiException.fail("VM " + g.vmid + " is not running");
        }
        if (!g.agentEnabled()) {
            throw ApiException.fail("No QEMU guest agent configured");
        }
        if (!g.agentInstalled || g.paused) {
            throw ApiException.fail("QEMU guest agent is not running");
        }
        return g;
    }

    private String ip(Guest g) {
        String ipconfig = g.config.get("ipconfig0");
        String ip = ipconfig == null ? null : Configs.option("x," + ipconfig, "ip");
        return ip != null && !ip.equals("dhcp") ? ip : "192.168.1." + (100 + g.vmid % 100) + "/24";
    }

    private static String mac(Guest g) {
        String net = Configs.volume(g.config.getOrDefault("net0", "virtio=BC:24:11:00:00:00"));
        return net.substring(net.indexOf('=') + 1).toLowerCase(Locale.ROOT);
    }

    private Object command(Guest g, String command) {
        long now = cluster.now();
        Object result = switch (command) {
            case "ping", "fsfreeze-thaw", "fsfreeze-freeze", "suspend-disk", "suspend-hybrid", "suspend-ram" -> Map.of();
            case "fsfreeze-status" -> "thawed";
            case "fstrim" -> Map.of("paths", List.of(Map.of("path", "/", "trimmed", 1_073_741_824L, "minimum", 0)));
            case "shutdown" -> {
                g.status = "stopped";
                yield Map.of();
            }
            case "get-host-name" -> Map.of("host-name", g.name());
            case "get-time" -> now * 1_000_000_000L;
            case "get-timezone" -> Map.of("zone", "UTC", "offset", 0);
            case "get-users" -> List.of(Map.of("user", "root", "login-time", (double) (now - 3600)));
            case "get-vcpus" -> {
                List<Map<String, Object>> cpus = new ArrayList<>();
                for (int i = 0; i < g.cpus(); i++) {
                    cpus.add(Map.of("logical-id", i, "online", true, "can-offline", i > 0));
                }
                yield cpus;
            }
            case "get-memory-blocks" -> List.of(Map.of("phys-index", 0, "online", true, "can-offline", false));
            case "get-memory-block-info" -> Map.of("size", 134_217_728L);
            case "get-osinfo" -> osinfo();
            case "info" -> {
                List<Map<String, Object>> supported = new ArrayList<>();
                for (String name : List.of("guest-exec", "guest-exec-status", "guest-file-open", "guest-file-read",
                        "guest-file-write", "guest-fsfreeze-freeze", "guest-fsfreeze-status", "guest-fsfreeze-thaw",
                        "guest-fstrim", "guest-get-fsinfo", "guest-get-host-name", "guest-get-osinfo",
                        "guest-get-time", "guest-get-timezone", "guest-get-users", "guest-get-vcpus", "guest-info",
                        "guest-network-get-interfaces", "guest-ping", "guest-set-user-password", "guest-shutdown")) {
                    supported.add(Map.of("name", name, "enabled", true, "success-response", !name.equals("guest-shutdown")));
                }
                yield Map.of("version", "7.2.15", "supported_commands", supported);
            }
            case "network-get-interfaces" -> interfaces(g);
            case "get-fsinfo" -> fsinfo(g);
            default -> throw ApiException.parameter("command", "unknown command '" + command + "'");
        };
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("result", result);
        return out;
    }

    private static Map<String, Object> osinfo() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "debian");
        m.put("name", "Debian GNU/Linux");
        m.put("pretty-name", "Debian GNU/Linux 12 (bookworm)");
        m.put("version", "12 (bookworm)");
        m.put("version-id", "12");
        m.put("kernel-release", KERNEL);
        m.put("kernel-version", KERNEL_BUILD);
        m.put("machine", "x86_64");
        return m;
    }

    private List<Map<String, Object>> interfaces(Guest g) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(iface("lo", "00:00:00:00:00:00", "127.0.0.1", 8, "::1", 128, 0));
        String ip = ip(g);
        String[] parts = ip.split("/");
        out.add(iface("eth0", mac(g), parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 24,
                "fe80::be24:11ff:fe" + mac(g).substring(9, 11) + ":" + mac(g).substring(12).replace(":", ""), 64,
                (cluster.now() - g.startedAt) * 3000));
        return out;
    }

    private static Map<String, Object> iface(String name, String mac, String ip4, int prefix4, String ip6, int prefix6,
                                             long traffic) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("hardware-address", mac);
        m.put("ip-addresses", List.of(
                Map.of("ip-address-type", "ipv4", "ip-address", ip4, "prefix", prefix4),
                Map.of("ip-address-type", "ipv6", "ip-address", ip6, "prefix", prefix6)));
        m.put("statistics", Map.of("rx-bytes", traffic * 3, "rx-packets", traffic / 500, "rx-errs", 0, "rx-dropped", 0,
                "tx-bytes", traffic, "tx-packets", traffic / 700, "tx-errs", 0, "tx-dropped", 0));
        return m;
    }

    private List<Map<String, Object>> fsinfo(Guest g) {
        long total = new Views(cluster).maxdisk(g) - 1_073_741_824L;
        Map<String, Object> disk = new LinkedHashMap<>();
        disk.put("bus-type", "scsi");
        disk.put("bus", 0);
        disk.put("target", 0);
        disk.put("unit", 0);
        disk.put("serial", "0QEMU_QEMU_HARDDISK_drive-scsi0");
        disk.put("dev", "/dev/sda1");
        disk.put("pci-controller", Map.of("domain", 0, "bus", 1, "slot", 1, "function", 0));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", "sda1");
        root.put("mountpoint", "/");
        root.put("type", "ext4");
        root.put("total-bytes", total);
        root.put("used-bytes", (long) (total * 0.31));
        root.put("disk", List.of(disk));
        Map<String, Object> efi = new LinkedHashMap<>();
        efi.put("name", "sda15");
        efi.put("mountpoint", "/boot/efi");
        efi.put("type", "vfat");
        efi.put("total-bytes", 129_718_272L);
        efi.put("used-bytes", 12_124_160L);
        efi.put("disk", List.of(disk));
        return List.of(root, efi);
    }

    private Map<String, String> files(Guest g) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("/etc/hostname", g.name() + "\n");
        files.put("/etc/os-release", OS_RELEASE);
        files.put("/etc/hosts", "127.0.0.1\tlocalhost\n127.0.1.1\t" + g.name() + ".sandbox.lan " + g.name() + "\n");
        files.put("/etc/resolv.conf", "search sandbox.lan\nnameserver 192.168.1.1\n");
        files.put("/proc/loadavg", String.format(Locale.ROOT, "%.2f %.2f %.2f 1/187 %d%n", g.cpuLoad * 4, g.cpuLoad * 3,
                g.cpuLoad * 2, 4000 + g.vmid));
        files.putAll(writtenFiles.getOrDefault(g.vmid, Map.of()));
        return files;
    }

    private Map<String, Object> exec(Guest g, List<String> command, String input) {
        List<String> argv = new ArrayList<>();
        for (String part : command) {
            argv.addAll(List.of(part.trim().split("\\s+")));
        }
        if (argv.size() >= 3 && (argv.get(0).endsWith("sh")) && argv.get(1).equals("-c")) {
            argv = new ArrayList<>(argv.subList(2, argv.size()));
        }
        argv.replaceAll(a -> a.replaceAll("^['\"]|['\"]$", ""));
        String program = argv.isEmpty() ? "" : argv.getFirst().replaceAll(".*/", "");
        if (!PROGRAMS.contains(program)) {
            throw ApiException.fail("Agent error: Guest agent command failed, error was 'Failed to execute child process \u201c"
                    + (argv.isEmpty() ? "" : argv.getFirst()) + "\u201d (No such file or directory)'");
        }
        String line = String.join(" ", argv);
        Map<String, String> files = files(g);
        String out = "";
        String err = null;
        int exit = 0;
        switch (program) {
            case "hostname" -> out = g.name() + "\n";
            case "whoami" -> out = "root\n";
            case "id" -> out = "uid=0(root) gid=0(root) groups=0(root)\n";
            case "true" -> out = "";
            case "false" -> exit = 1;
            case "echo" -> out = String.join(" ", argv.subList(1, argv.size())) + "\n";
            case "date" -> out = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                    .format(java.time.Instant.ofEpochSecond(cluster.now()).atZone(java.time.ZoneOffset.UTC)) + "\n";
            case "uname" -> out = line.equals("uname") || line.equals("uname -s") ? "Linux\n"
                    : line.equals("uname -r") ? KERNEL + "\n"
                    : "Linux " + g.name() + " " + KERNEL + " " + KERNEL_BUILD + " x86_64 GNU/Linux\n";
            case "uptime" -> {
                long up = Math.max(60, cluster.now() - g.startedAt);
                out = String.format(Locale.ROOT, " up %d days, %2d:%02d,  1 user,  load average: %.2f, %.2f, %.2f%n",
                        up / 86400, up % 86400 / 3600, up % 3600 / 60, g.cpuLoad * 4, g.cpuLoad * 3, g.cpuLoad * 2);
            }
            case "ip" -> out = line.contains("-br") || line.contains("-brief")
                    ? "lo               UNKNOWN        127.0.0.1/8 ::1/128\neth0             UP             " + ip(g) + " fe80::be24:11ff:fe00:1/64\n"
                    : "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536\n    inet 127.0.0.1/8 scope host lo\n"
                    + "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500\n    link/ether " + mac(g)
                    + " brd ff:ff:ff:ff:ff:ff\n    inet " + ip(g) + " scope global eth0\n";
            case "df" -> {
                long total = new Views(cluster).maxdisk(g) / 1024;
                out = String.format(Locale.ROOT, "Filesystem     1K-blocks    Used Available Use%% Mounted on%n"
                        + "/dev/sda1      %9d %7d %9d  31%% /%n", total, (long) (total * 0.31), (long) (total * 0.69));
            }
            case "free" -> {
                long total = g.maxmem() / 1024;
                long used = (long) (total * g.memLoad);
                out = String.format(Locale.ROOT, "               total        used        free%nMem:      %10d  %10d  %10d%n",
                        total, used, total - used);
            }
            case "ls" -> out = "bin\nboot\ndev\netc\nhome\nlib\nmedia\nmnt\nopt\nproc\nroot\nrun\nsbin\nsrv\nsys\ntmp\nusr\nvar\n";
            case "systemctl" -> out = "  qemu-guest-agent.service loaded active running QEMU Guest Agent\n"
                    + "  ssh.service              loaded active running OpenBSD Secure Shell server\n";
            case "cat" -> {
                if (argv.size() == 1) {
                    out = input == null ? "" : input;
                } else {
                    StringBuilder text = new StringBuilder();
                    for (String file : argv.subList(1, argv.size())) {
                        String content = files.get(file);
                        if (content == null) {
                            err = (err == null ? "" : err) + "cat: " + file + ": No such file or directory\n";
                            exit = 1;
                        } else {
                            text.append(content);
                        }
                    }
                    out = text.toString();
                }
            }
            default -> {
            }
        }
        int pid = nextPid++;
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("exited", 1);
        status.put("exitcode", exit);
        if (!out.isEmpty()) {
            status.put("out-data", out);
        }
        if (err != null) {
            status.put("err-data", err);
        }
        cluster.agentExecs.put(g.vmid + ":" + pid, status);
        return Map.of("pid", pid);
    }

    private Map<String, Object> fileRead(Guest g, Request q) {
        String file = q.str("file");
        String content = files(g).get(file);
        if (content == null) {
            throw ApiException.fail("Agent error: Failed to open file '" + file + "': No such file or directory");
        }
        int offset = q.integer("offset", 0);
        int count = q.integer("count", 1024 * 1024);
        byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int from = Math.min(offset, bytes.length);
        int to = (int) Math.min(bytes.length, (long) from + count);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("content", new String(bytes, from, to - from, java.nio.charset.StandardCharsets.UTF_8));
        if (to < bytes.length) {
            m.put("truncated", 1);
        }
        return m;
    }
}
