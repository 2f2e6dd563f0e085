package io.github.proxmoxmcp.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shapes the API returns for nodes, guests and storages, computed from the state. */
final class Views {

    private final Cluster cluster;

    Views(Cluster cluster) {
        this.cluster = cluster;
    }

    long uptime(Guest guest) {
        return guest.running() ? Math.max(1, cluster.now() - guest.startedAt) : 0;
    }

    long nodeUptime(NodeState node) {
        return node.online ? cluster.now() - node.bootTime : 0;
    }

    long nodeMem(NodeState node) {
        long mem = node.memBase;
        for (Guest guest : cluster.guests.values()) {
            if (guest.node.equals(node.name) && guest.running()) {
                mem += (long) (guest.maxmem() * guest.memLoad);
            }
        }
        return Math.min(mem, node.maxmem - 1024L * 1024 * 1024);
    }

    double nodeCpu(NodeState node) {
        double cpu = node.cpu;
        for (Guest guest : cluster.guests.values()) {
            if (guest.node.equals(node.name) && guest.running()) {
                cpu += guest.cpuLoad * guest.cpus() / node.maxcpu;
            }
        }
        return round(Math.min(cpu, 1.0));
    }

    static double round(double value) {
        return Math.round(value * 10000.0) / 10000.0;
    }

    long maxdisk(Guest guest) {
        List<Configs.Disk> disks = Configs.disks(guest.config);
        if (!guest.isQemu()) {
            for (Configs.Disk disk : disks) {
                if (disk.key().equals("rootfs")) {
                    return disk.size();
                }
            }
            return 0;
        }
        String boot = guest.config.getOrDefault("boot", "");
        if (boot.startsWith("order=")) {
            for (String key : boot.substring(6).split(";")) {
                for (Configs.Disk disk : disks) {
                    if (disk.key().equals(key) && !disk.cdrom()) {
                        return disk.size();
                    }
                }
            }
        }
        for (Configs.Disk disk : disks) {
            if (!disk.cdrom() && !disk.key().startsWith("efidisk") && !disk.key().startsWith("tpmstate")
                    && !disk.volid().contains("cloudinit") && !disk.key().startsWith("unused")) {
                return disk.size();
            }
        }
        return 0;
    }

    /** The fields shared by {@code /cluster/resources}, {@code /nodes/{node}/qemu|lxc} and {@code status/current}. */
    Map<String, Object> guestSummary(Guest guest, boolean offlineNode) {
        Map<String, Object> m = new LinkedHashMap<>();
        long uptime = uptime(guest);
        boolean running = guest.running() && !offlineNode;
        m.put("vmid", guest.vmid);
        m.put("name", guest.name());
        m.put("status", offlineNode ? "unknown" : guest.status);
        m.put("cpu", running ? round(guest.cpuLoad) : 0);
        m.put("cpus", guest.cpus());
        m.put("maxmem", guest.maxmem());
        m.put("mem", running ? (long) (guest.maxmem() * guest.memLoad) : 0);
        long maxdisk = maxdisk(guest);
        m.put("maxdisk", maxdisk);
        m.put("disk", running && !guest.isQemu() ? (long) (maxdisk * 0.37) : 0);
        m.put("uptime", running ? uptime : 0);
        long rate = 700 + guest.vmid % 97 * 31;
        m.put("netin", running ? uptime * rate * 9 : 0);
        m.put("netout", running ? uptime * rate * 4 : 0);
        m.put("diskread", running ? uptime * rate * 21 : 0);
        m.put("diskwrite", running ? uptime * rate * 13 : 0);
        if (guest.config.containsKey("tags")) {
            m.put("tags", guest.config.get("tags"));
        }
        m.put("template", guest.template() ? 1 : 0);
        if (guest.lock != null) {
            m.put("lock", guest.lock);
        }
        if (running) {
            m.put("pid", 1000 + guest.vmid * 13);
        }
        if (!guest.isQemu()) {
            m.put("type", "lxc");
            m.put("maxswap", Long.parseLong(guest.config.getOrDefault("swap", "0")) * 1024 * 1024);
            m.put("swap", 0);
        }
        return m;
    }

    Map<String, Object> nodeSummary(NodeState node) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", node.name);
        m.put("status", node.online ? "online" : "offline");
        m.put("type", "node");
        m.put("id", "node/" + node.name);
        if (node.online) {
            m.put("cpu", nodeCpu(node));
            m.put("maxcpu", node.maxcpu);
            m.put("mem", nodeMem(node));
            m.put("maxmem", node.maxmem);
            m.put("disk", 7_812_345_856L + node.index * 104_857_600L);
            m.put("maxdisk", 100_861_726_720L);
            m.put("uptime", nodeUptime(node));
            m.put("level", "");
            m.put("ssl_fingerprint", fingerprint(node));
        }
        return m;
    }

    static String fingerprint(NodeState node) {
        String hex = Configs.sha1("sandbox-cert-" + node.name) + Configs.sha1("sandbox-cert-2-" + node.name);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 64; i += 2) {
            if (i > 0) {
                out.append(':');
            }
            out.append(hex, i, i + 2);
        }
        return out.toString().toUpperCase();
    }

    Map<String, Object> storageStatus(StorageDef storage, String node) {
        Map<String, Object> m = new LinkedHashMap<>();
        long used = cluster.used(storage, node);
        m.put("storage", storage.id());
        m.put("type", storage.type());
        m.put("content", storage.contentList());
        m.put("shared", storage.shared() ? 1 : 0);
        m.put("active", storage.disabled() ? 0 : 1);
        m.put("enabled", storage.disabled() ? 0 : 1);
        if (storage.disabled()) {
            return m;
        }
        m.put("total", storage.total());
        m.put("used", used);
        m.put("avail", Math.max(0, storage.total() - used));
        m.put("used_fraction", round((double) used / storage.total()));
        return m;
    }

    /** Deterministic RRD rows: 70 points ending at the current step. */
    List<Map<String, Object>> rrd(String timeframe, double cpuBase, long maxmem, long memBase, long maxdisk,
                                  int maxcpu, boolean node, int salt) {
        long step = switch (timeframe) {
            case "hour" -> 60;
            case "day" -> 1800;
            case "week" -> 10800;
            case "month" -> 43200;
            case "year" -> 604800;
            default -> 6048000;
        };
        long last = cluster.now() / step * step;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 69; i >= 0; i--) {
            double wave = 1 + 0.35 * Math.sin((i + salt) / 4.0) + 0.1 * Math.cos((i * 7 + salt) / 3.0);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("time", last - i * step);
            row.put("cpu", round(Math.max(0, cpuBase * wave)));
            row.put("maxcpu", maxcpu);
            if (node) {
                row.put("loadavg", round(cpuBase * maxcpu * wave));
                row.put("iowait", round(0.002 * wave));
                row.put("memtotal", maxmem);
                row.put("memused", (long) Math.min(maxmem, memBase * (0.97 + 0.03 * wave)));
                row.put("swaptotal", 8_589_930_496L);
                row.put("swapused", 0);
                row.put("roottotal", maxdisk);
                row.put("rootused", (long) (maxdisk * 0.08));
            } else {
                row.put("maxmem", maxmem);
                row.put("mem", (long) Math.min(maxmem, memBase * (0.97 + 0.03 * wave)));
                row.put("maxdisk", maxdisk);
                row.put("disk", 0);
                row.put("diskread", round(cpuBase * 2_000_000 * wave));
                row.put("diskwrite", round(cpuBase * 1_200_000 * wave));
            }
            row.put("netin", round(cpuBase * 900_000 * wave));
            row.put("netout", round(cpuBase * 400_000 * wave));
            rows.add(row);
        }
        return rows;
    }
}
