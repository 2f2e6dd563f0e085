package io.github.proxmoxmcp.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The firewall reads that are not config collections: the macros, the references a rule's source or dest may name
 * (aliases and IP sets of the cluster, and of the guest), and the firewall log of a node or a guest (pve-firewall's
 * log lines, paged oldest first with the total beside them).
 */
final class FirewallReads {

    private static final String[][] MACROS = {
        {"BitTorrent", "BitTorrent traffic"}, {"DNS", "Domain Name System traffic (upd and tcp)"},
        {"FTP", "File Transfer Protocol"}, {"HTTP", "Hypertext Transfer Protocol (WWW)"},
        {"HTTPS", "Hypertext Transfer Protocol (WWW) over SSL"}, {"IMAPS", "Internet Message Access Protocol over SSL"},
        {"MySQL", "MySQL server"}, {"NTP", "Network Time Protocol (ntpd)"}, {"Ping", "ICMP echo request"},
        {"PostgreSQL", "PostgreSQL server"}, {"RDP", "Microsoft Remote Desktop Protocol traffic"},
        {"SMTP", "Simple Mail Transfer Protocol"}, {"SSH", "Secure shell traffic"}, {"Web", "WWW traffic (HTTP and HTTPS)"}};
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int LOG_LINES = 40;
    private static final int[] PORTS = {22, 443, 8006, 3389, 25, 80};

    private FirewallReads() {
    }

    static void register(Router r, Cluster c) {
        r.get("/cluster/firewall/macros", "", q -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String[] macro : MACROS) {
                out.add(Map.of("macro", macro[0], "descr", macro[1]));
            }
            return out;
        });
        r.get("/cluster/firewall/refs", "type:alias|ipset", q -> refs(c, q.str("type"), null));
        r.get("/nodes/{node}/firewall/log", "start:int(0..) limit:int(0..) since:int(0..) until:int(0..)",
                q -> log(c, q, "vmbr0-IN", 0));
        for (String type : List.of("qemu", "lxc")) {
            String base = "/nodes/{node}/" + type + "/{vmid}/firewall";
            r.get(base + "/refs", "type:alias|ipset", q -> {
                c.guest(q.node(), q.vmid(), type);
                return refs(c, q.str("type"), q.var("vmid"));
            });
            r.get(base + "/log", "start:int(0..) limit:int(0..) since:int(0..) until:int(0..)", q -> {
                c.guest(q.node(), q.vmid(), type);
                return log(c, q, (type.equals("qemu") ? "tap" : "veth") + q.var("vmid") + "i0-IN", q.vmid());
            });
        }
    }

    private static List<Map<String, Object>> refs(Cluster c, String type, String vmid) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String kind : List.of("alias", "ipset")) {
            if (type != null && !type.equals(kind)) {
                continue;
            }
            String table = kind.equals("alias") ? "aliases" : "ipset";
            addRefs(out, kind, "dc", c.tables.table("/cluster/firewall/" + table, null).rows);
            if (vmid != null) {
                addRefs(out, kind, "guest", c.tables.table("/firewall/" + vmid + "/" + table, null).rows);
            }
        }
        return out;
    }

    private static void addRefs(List<Map<String, Object>> out, String kind, String scope, List<Map<String, String>> rows) {
        for (Map<String, String> row : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", kind);
            m.put("name", row.get("name"));
            m.put("ref", row.get("name"));
            m.put("scope", scope);
            if (row.get("comment") != null) {
                m.put("comment", row.get("comment"));
            }
            out.add(m);
        }
    }

    /** Forty lines, one every three minutes up to now: dropped connection attempts from the LAN and beyond. */
    private static Paged log(Cluster c, Request q, String chain, int vmid) {
        List<Map<String, Object>> lines = new ArrayList<>();
        long now = c.now();
        long since = q.has("since") ? q.integer("since") : 0;
        long until = q.has("until") ? q.integer("until") : Long.MAX_VALUE;
        for (int i = 0; i < LOG_LINES; i++) {
            long time = now - (LOG_LINES - i) * 180L;
            if (time < since || time > until) {
                continue;
            }
            int port = PORTS[i % PORTS.length];
            String source = i % 3 == 0 ? "203.0.113." + (10 + i) : "192.168.1." + (100 + i % 7);
            lines.add(Map.of("n", lines.size() + 1, "t", vmid + " 6 " + chain + " " + LOG_TIME.format(Instant.ofEpochSecond(time))
                    + " policy DROP: IN=vmbr0 SRC=" + source + " DST=192.168.1." + (vmid == 0 ? 11 : 50 + vmid % 100)
                    + " LEN=60 TTL=64 PROTO=TCP SPT=" + (40000 + i * 37) + " DPT=" + port + " SYN"));
        }
        int total = lines.size();
        int start = q.integer("start", 0);
        int limit = q.integer("limit", 50);
        List<Map<String, Object>> page = start >= total ? List.of() : lines.subList(start, Math.min(total, start + limit));
        if (page.isEmpty() && total == 0) {
            return new Paged(List.of(Map.of("n", 0, "t", "no content")), 0);
        }
        return new Paged(page, total);
    }
}
