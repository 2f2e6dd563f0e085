package io.github.proxmoxmcp.sandbox;

import io.github.proxmoxmcp.sandbox.ConfigCollection.Op;
import io.github.proxmoxmcp.sandbox.ConfigCollection.Refusal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The firewall (pve-firewall): cluster rules, aliases, IP sets, security groups and options; the host firewall of
 * each node; the firewall of each guest (one {@code <vmid>.fw} for the qemu and lxc paths on any node); and the
 * firewall of each SDN vnet.
 */
final class FirewallCollections {

    static final String LOG_LEVELS = "emerg|alert|crit|err|warning|notice|info|debug|nolog";
    static final String RULE = "type*:in|out|forward|group action*:pve-fw-action comment dest dport enable:int(0..) "
            + "icmp-type iface log:" + LOG_LEVELS + " macro proto source sport";
    /** The macro names pve-firewall knows (a rule's macro is matched case-insensitively and stored like this). */
    static final List<String> MACROS = List.of("Amanda", "Auth", "BGP", "BitTorrent", "BitTorrent32", "Ceph", "CVS",
            "Citrix", "DAAP", "DCC", "DHCPfwd", "DNS", "Distcc", "FTP", "Finger", "GNUnet", "GRE", "Git", "HKP", "HTTP",
            "HTTPS", "ICPV2", "ICQ", "IMAP", "IMAPS", "IPIP", "IPsec", "IPsecah", "IPsecnat", "IRC", "Jetdirect", "L2TP",
            "LDAP", "LDAPS", "MSNP", "MSSQL", "Mail", "MDNS", "Munin", "MySQL", "NNTP", "NNTPS", "NTP", "OSPF", "OpenVPN",
            "PCA", "PMG", "POP3", "POP3S", "PPtP", "Ping", "PostgreSQL", "Printer", "RDP", "RIP", "RNDC", "Razor", "Rdate",
            "Rsync", "SANE", "SMB", "SMBswat", "SMTP", "SMTPS", "SNMP", "SPAMD", "SSH", "SVN", "SixXS", "SPICEproxy",
            "Squid", "Submission", "Syslog", "TFTP", "Telnet", "Telnets", "Time", "Trcrt", "VNC", "VNCL", "Web",
            "Webcache", "Webmin", "Whois");
    private static final Set<String> PORT_PROTOCOLS = Set.of("udp", "17", "udplite", "136", "tcp", "6", "dccp", "33", "sctp", "132");
    private static final String CLUSTER_OPTIONS = "enable:int(0..) policy_in:ACCEPT|REJECT|DROP policy_out:ACCEPT|REJECT|DROP "
            + "policy_forward:ACCEPT|DROP ebtables:bool log_ratelimit";
    private static final String HOST_OPTIONS = "enable:bool log_level_in:" + LOG_LEVELS + " log_level_out:" + LOG_LEVELS
            + " log_level_forward:" + LOG_LEVELS + " log_nf_conntrack:bool ndp:bool nf_conntrack_allow_invalid:bool "
            + "nf_conntrack_helpers nf_conntrack_max:int(32768..) nf_conntrack_tcp_timeout_established:int(7875..) "
            + "nf_conntrack_tcp_timeout_syn_recv:int(30..60) nftables:bool nosmurfs:bool protection_synflood:bool "
            + "protection_synflood_burst:int protection_synflood_rate:int smurf_log_level:" + LOG_LEVELS
            + " tcp_flags_log_level:" + LOG_LEVELS + " tcpflags:bool";
    private static final String GUEST_OPTIONS = "dhcp:bool enable:bool ipfilter:bool log_level_in:" + LOG_LEVELS
            + " log_level_out:" + LOG_LEVELS + " macfilter:bool ndp:bool policy_in:ACCEPT|REJECT|DROP "
            + "policy_out:ACCEPT|REJECT|DROP radv:bool";

    /** One firewall config file: its aliases and IP sets, and the cluster's, for resolving rule references. */
    private record Scope(ConfigCollection aliases, ConfigCollection ipsets) {
    }

    private FirewallCollections() {
    }

    static void register(Router r, Cluster c) {
        r.get("/cluster/firewall", "", q -> NodeApi.names("aliases", "rules", "options", "groups", "ipset", "macros", "refs"));
        ConfigCollection aliases = aliases("/cluster/firewall/aliases", null).register(r, c);
        ConfigCollection ipsets = ipsets("/cluster/firewall/ipset", null, c).register(r, c);
        Scope cluster = new Scope(aliases, ipsets);
        entries(ipsets, null, cluster, null).register(r, c);
        ConfigCollection groups = ConfigCollection.keyed("/cluster/firewall/groups", "group:pve-security-group-name")
                .fields("comment").params(Op.CREATE, "rename:pve-security-group-name digest")
                .ops(Op.LIST, Op.CREATE, Op.DELETE).insert(ConfigCollection.Insert.SORTED).listDigest()
                .duplicate(Refusal.param("group", "Security group '{id}' already exists"))
                .missing(Refusal.fail("no such security group '{id}'"))
                .register(r, c);
        ConfigCollection groupRules = rules("/cluster/firewall/groups/{group}", null, "group", cluster, null, c)
                .within(groups).register(r, c);
        groups.override(Op.CREATE, q -> q.has("rename"), q -> renameSet(q, groups, "Security group", c, (from, to) -> {
            c.tables.move("/cluster/firewall/groups/" + from, "/cluster/firewall/groups/" + to);
            c.tables.all().forEach((key, table) -> {
                if (key.endsWith("/rules") && !key.startsWith("/cluster/firewall/groups/")) {
                    table.rows.stream().filter(rule -> "group".equals(rule.get("type")) && from.equals(rule.get("action")))
                            .forEach(rule -> rule.put("action", to));
                }
            });
        }));
        groups.beforeDelete(w -> {
            if (!groupRules.table(c, w.id()).rows.isEmpty()) {
                throw ApiException.fail("Security group '" + w.id() + "' is not empty");
            }
        }).afterDelete(w -> c.tables.remove("/cluster/firewall/groups/" + w.id()));
        rules("/cluster/firewall/rules", null, "cluster", cluster, null, c).register(r, c);
        ConfigCollection.single("/cluster/firewall/options").fields(CLUSTER_OPTIONS)
                .deleteRefusals(Refusal.param("delete", "no such option '{key}'"), null, null).register(r, c);

        r.get("/nodes/{node}/firewall", "", q -> NodeApi.names("log", "options", "rules"));
        rules("/nodes/{node}/firewall/rules", null, "host", cluster, null, c).register(r, c);
        ConfigCollection.single("/nodes/{node}/firewall/options").fields(HOST_OPTIONS)
                .deleteRefusals(Refusal.param("delete", "no such option '{key}'"), null, null).register(r, c);

        for (String type : List.of("qemu", "lxc")) {
            String base = "/nodes/{node}/" + type + "/{vmid}/firewall";
            String file = "/firewall/{vmid}";
            r.get(base, "", q -> NodeApi.names("aliases", "ipset", "log", "options", "refs", "rules"));
            ConfigCollection guestAliases = aliases(base + "/aliases", file + "/aliases").register(r, c);
            ConfigCollection guestIpsets = ipsets(base + "/ipset", file + "/ipset", c).register(r, c);
            Scope guest = new Scope(guestAliases, guestIpsets);
            entries(guestIpsets, file + "/ipset/{name}", cluster, guest).register(r, c);
            rules(base + "/rules", file + "/rules", type.equals("qemu") ? "vm" : "ct", cluster, guest, c).register(r, c);
            ConfigCollection.single(base + "/options").storedAt(file + "/options").fields(GUEST_OPTIONS)
                    .deleteRefusals(Refusal.param("delete", "no such option '{key}'"), null, null).register(r, c);
        }

        String vnet = "/cluster/sdn/vnets/{vnet}/firewall";
        java.util.function.Consumer<Request> vnetExists = q -> {
            if (!SdnCollections.vnetExists(c, q.var("vnet"))) {
                throw ApiException.fail("invalid vnet specified at /usr/share/perl5/PVE/API2/Firewall/Helpers.pm line 55.");
            }
        };
        r.get(vnet, "", q -> NodeApi.names("options", "rules"));
        rules(vnet + "/rules", "/sdn/firewall/{vnet}/rules", "vnet", cluster, null, c).within(vnetExists)
                .params(Op.LIST, "vnet:pve-sdn-vnet-id").register(r, c);
        ConfigCollection.single(vnet + "/options").storedAt("/sdn/firewall/{vnet}/options")
                .fields("enable:bool log_level_forward:" + LOG_LEVELS + " policy_forward:ACCEPT|DROP").within(vnetExists)
                .deleteRefusals(Refusal.param("delete", "no such option '{key}'"), null, null).register(r, c);
        FirewallReads.register(r, c);

        seed(c);
    }

    // ---- declarations shared by the cluster and the guest firewalls ----

    private static ConfigCollection aliases(String path, String file) {
        return ConfigCollection.keyed(path, "name:pve-fw-alias").storedAt(file)
                .fields("cidr*:IPorCIDR comment").shows("ipversion:int").renamedBy("rename").replacingUpdate()
                .insert(ConfigCollection.Insert.SORTED).ignoreCase().listDigest().quietDelete()
                .duplicate(Refusal.param("name", "alias '{id}' already exists"))
                .missing(Refusal.param("name", "no such alias"))
                .validate(w -> w.item().put("ipversion", w.item().get("cidr").contains(":") ? "6" : "4"));
    }

    private static ConfigCollection ipsets(String path, String file, Cluster c) {
        ConfigCollection ipsets = ConfigCollection.keyed(path, "name:ipset-name").storedAt(file);
        ipsets.override(Op.CREATE, q -> q.has("rename"), q -> renameSet(q, ipsets, "IPSet", c, (from, to) -> {
            String key = (file != null ? file : path).replace("{vmid}", String.valueOf(q.var("vmid")));
            c.tables.move(key + "/" + from, key + "/" + to);
        }));
        return ipsets
                .fields("comment").params(Op.CREATE, "rename:ipset-name digest").params(Op.DELETE, "force:bool")
                .ops(Op.LIST, Op.CREATE, Op.DELETE).insert(ConfigCollection.Insert.SORTED).listDigest()
                .duplicate(Refusal.param("name", "IPSet '{id}' already exists"))
                .missing(Refusal.fail("no such IPSet '{id}'"))
                .beforeDelete(w -> {
                    Tables.Table entries = c.tables.find(entriesKey(path, file, w));
                    if (entries != null && !entries.rows.isEmpty() && !w.request().flag("force")) {
                        throw ApiException.fail("IPSet '" + w.id() + "' is not empty");
                    }
                })
                .afterDelete(w -> c.tables.remove(entriesKey(path, file, w)));
    }

    /**
     * {@code POST} with {@code rename}: the set named {@code rename} takes the new name (and the comment, when
     * given); naming it after itself only changes the comment.
     */
    private static Object renameSet(Request q, ConfigCollection sets, String label, Cluster c,
                                    java.util.function.BiConsumer<String, String> moveContents) {
        Tables.Table table = sets.table(q);
        ConfigCollection.requireDigest(q, table);
        String field = sets.idField();
        String from = q.str("rename");
        String to = q.str(field);
        Map<String, String> row = sets.row(table, from);
        if (row == null) {
            throw ApiException.parameter(field, label + " '" + from + "' does not exist");
        }
        if (!from.equals(to) && sets.row(table, to) != null) {
            throw ApiException.parameter(field, label + " '" + to + "' does already exist");
        }
        if (q.has("comment")) {
            row.put("comment", q.str("comment"));
        }
        if (!from.equals(to)) {
            row.put(field, to);
            moveContents.accept(from, to);
        }
        return null;
    }

    private static String entriesKey(String path, String file, ConfigCollection.Write w) {
        String key = (file != null ? file : path) + "/" + w.id();
        return key.replace("{vmid}", String.valueOf(w.request().var("vmid")));
    }

    private static ConfigCollection entries(ConfigCollection ipsets, String file, Scope cluster, Scope local) {
        String path = ipsets.path() + "/{name}";
        return ConfigCollection.keyed(path, "cidr:IPorCIDRorAlias").storedAt(file).within(ipsets)
                .fields("nomatch:bool comment").replacingUpdate().insert(ConfigCollection.Insert.TOP).digest().quietDelete()
                .duplicate(Refusal.param("cidr", "address '{id}' already exists"))
                .missing(Refusal.param("cidr", "no such IP/Network"))
                .validate(w -> {
                    String cidr = w.id();
                    if (cidr.matches("(dc/|guest/)?[A-Za-z][A-Za-z0-9\\-_]+")) {
                        String scope = cidr.startsWith("dc/") ? "dc/" : cidr.startsWith("guest/") ? "guest/" : "";
                        if (alias(w.request(), cluster, local, cidr.substring(scope.length()), scope) == null) {
                            throw ApiException.fail("no such alias '" + cidr.substring(scope.length()) + "'");
                        }
                    } else if (cidr.matches(".*/0+")) {
                        throw ApiException.parameter("cidr", "a zero prefix is not allowed in ipset entries");
                    }
                    if (!Request.isTrue(w.item().getOrDefault("nomatch", "0"))) {
                        w.item().remove("nomatch");
                    }
                });
    }

    private static ConfigCollection rules(String path, String file, String env, Scope cluster, Scope local, Cluster c) {
        return ConfigCollection.ordered(path).storedAt(file).fields(RULE).shows("ipversion:int").storedDefaults("enable=0")
                .blankDeletes().digest()
                .missing(Refusal.fail("no rule at position {id}"))
                .deleteRefusals(Refusal.param("delete", "no such property ('{key}')"),
                        Refusal.param("delete", "unable to delete required property '{key}'"), null)
                .validate(w -> verifyRule(w.request(), w.item(), env, cluster, local));
    }

    // ---- PVE::Firewall::verify_rule, the checks a sandbox user meets ----

    private static void verifyRule(Request q, Map<String, String> rule, String env, Scope cluster, Scope local) {
        String type = rule.get("type");
        String action = rule.get("action");
        List<String> directions = switch (env) {
            case "vm", "ct" -> List.of("in", "out", "group");
            case "group" -> List.of("in", "out", "forward");
            case "vnet" -> List.of("forward", "group");
            default -> List.of("in", "out", "forward", "group");
        };
        if (!directions.contains(type)) {
            throw ApiException.parameter("type", "invalid rule type '" + type + "' for rule_env '" + env + "'");
        }
        if (type.equals("group")) {
            if (env.equals("group")) {
                throw ApiException.parameter("type", "security groups not allowed");
            }
        } else {
            if (type.equals("forward") && action.equals("REJECT")) {
                throw ApiException.parameter("action", "cannot define REJECT rules on forward chain");
            }
            if (!action.matches("ACCEPT|DROP|REJECT")) {
                throw ApiException.parameter("action", "unknown action '" + action + "'");
            }
        }
        String iface = rule.get("iface");
        if (iface != null) {
            if (env.equals("group") || env.equals("vnet")) {
                throw ApiException.parameter("type", "parameter -i not allowed for this rule type");
            }
            if ((env.equals("vm") || env.equals("ct")) && !iface.matches("net\\d+")) {
                throw ApiException.parameter("iface", "value does not match the regex pattern 'net\\d+'");
            }
        }
        String macro = rule.get("macro");
        if (macro != null) {
            String known = MACROS.stream().filter(m -> m.equalsIgnoreCase(macro)).findFirst().orElse(null);
            if (known == null) {
                throw ApiException.parameter("macro", "unknown macro '" + macro + "'");
            }
            rule.put("macro", known);
        }
        String proto = rule.get("proto");
        boolean icmp = proto != null && proto.matches("icmp|icmpv6|ipv6-icmp|1|58");
        String ipversion = proto == null ? null : proto.equals("icmp") ? "4" : proto.matches("icmpv6|ipv6-icmp") ? "6" : null;
        for (String ports : List.of("dport", "sport")) {
            if (rule.get(ports) != null) {
                if (proto == null) {
                    throw ApiException.parameter("proto", "missing property - '" + ports + "' requires this property");
                }
                if (!PORT_PROTOCOLS.contains(proto) && !(icmp && ports.equals("dport"))) {
                    throw ApiException.parameter(ports, "protocol '" + proto + "' does not support ports");
                }
            }
        }
        for (String side : List.of("source", "dest")) {
            String value = rule.get(side);
            if (value == null) {
                continue;
            }
            String version = addressVersion(q, side, value, cluster, local);
            if (version != null) {
                if (ipversion != null && !ipversion.equals(version)) {
                    throw ApiException.fail("detected mixed ipv4/ipv6 addresses in rule");
                }
                ipversion = version;
            }
        }
        rule.remove("ipversion");
        if (ipversion != null) {
            rule.put("ipversion", ipversion);
        }
    }

    /** The IP version a rule's source or destination implies, after checking the IP set or alias it names. */
    private static String addressVersion(Request q, String side, String value, Scope cluster, Scope local) {
        if (value.startsWith("+")) {
            var m = java.util.regex.Pattern.compile("\\+(guest/|dc/|sdn/)?([A-Za-z][A-Za-z0-9\\-_]+)").matcher(value);
            if (!m.matches()) {
                throw ApiException.parameter(side, "invalid ipset name '" + value + "'");
            }
            String name = m.group(2);
            boolean found = cluster.ipsets.row(cluster.ipsets.table(q), name) != null
                    || local != null && local.ipsets.row(local.ipsets.table(q), name) != null;
            if (!found) {
                throw ApiException.parameter(side, "no such ipset '" + name + "'");
            }
            return null;
        }
        var alias = java.util.regex.Pattern.compile("(guest/|dc/)?([A-Za-z][A-Za-z0-9\\-_]+)").matcher(value);
        if (alias.matches()) {
            String scope = alias.group(1) == null ? "" : alias.group(1);
            Map<String, String> row = alias(q, cluster, local, alias.group(2), scope);
            if (row == null) {
                throw ApiException.parameter(side, "no such alias '" + value + "'");
            }
            return row.get("ipversion");
        }
        String version = null;
        for (String element : value.split(",", -1)) {
            String address = element.contains("-") ? element.substring(0, element.indexOf('-')) : element;
            String problem = Formats.problem("IPorCIDR", address);
            if (problem != null) {
                throw ApiException.parameter(side, "invalid IP address: " + address);
            }
            String v = address.contains(":") ? "6" : "4";
            if (version != null && !version.equals(v)) {
                throw ApiException.parameter(side, "detected mixed ipv4/ipv6 addresses in address list '" + value + "'");
            }
            version = v;
        }
        return version;
    }

    /** PVE::Firewall::resolve_alias: the guest's own alias first unless {@code dc/}, then the cluster's unless {@code guest/}. */
    private static Map<String, String> alias(Request q, Scope cluster, Scope local, String name, String scope) {
        Map<String, String> row = null;
        if (!scope.equals("dc/") && local != null) {
            row = local.aliases.row(local.aliases.table(q), name);
        }
        if (row == null && !scope.equals("guest/")) {
            row = cluster.aliases.row(cluster.aliases.table(q), name.toLowerCase(Locale.ROOT));
        }
        return row;
    }

    // ---- seed: a cluster firewall, a security group, and the firewall of web01 (VM 100) ----

    private static void seed(Cluster c) {
        Tables tables = c.tables;
        tables.table("/cluster/firewall/options", null).add("enable", "1", "policy_in", "DROP", "policy_out", "ACCEPT");
        Tables.Table aliases = tables.table("/cluster/firewall/aliases", null);
        aliases.add("name", "mgmt-net", "cidr", "192.168.1.0/24", "comment", "Management LAN", "ipversion", "4");
        aliases.add("name", "monitoring", "cidr", "192.168.1.20", "comment", "Prometheus", "ipversion", "4");
        tables.table("/cluster/firewall/ipset", null).add("name", "trusted", "comment", "Admin workstations and VPN");
        Tables.Table trusted = tables.table("/cluster/firewall/ipset/trusted", null);
        trusted.add("cidr", "10.8.0.0/24", "comment", "WireGuard clients");
        trusted.add("cidr", "192.168.1.0/24");
        trusted.add("cidr", "192.168.1.66", "nomatch", "1", "comment", "guest kiosk");
        tables.table("/cluster/firewall/groups", null).add("group", "webserver", "comment", "HTTP and HTTPS from anywhere");
        Tables.Table web = tables.table("/cluster/firewall/groups/webserver", null);
        web.add("type", "in", "action", "ACCEPT", "macro", "HTTP", "enable", "1");
        web.add("type", "in", "action", "ACCEPT", "macro", "HTTPS", "enable", "1");
        Tables.Table rules = tables.table("/cluster/firewall/rules", null);
        rules.add("type", "in", "action", "ACCEPT", "macro", "SSH", "source", "+trusted", "enable", "1",
                "comment", "SSH from trusted networks");
        rules.add("type", "in", "action", "ACCEPT", "proto", "tcp", "dport", "8006", "source", "mgmt-net", "enable", "1",
                "comment", "Web UI", "ipversion", "4");
        rules.add("type", "in", "action", "ACCEPT", "macro", "Ping", "enable", "1", "log", "nolog");
        rules.add("type", "in", "action", "ACCEPT", "proto", "tcp", "dport", "9100", "source", "monitoring", "enable", "0",
                "comment", "node exporter (not rolled out yet)", "ipversion", "4");

        tables.table("/nodes/pve1/firewall/options", null).add("enable", "1", "log_level_in", "info", "nf_conntrack_max", "524288");

        tables.table("/firewall/100/options", null).add("enable", "1", "policy_in", "DROP", "macfilter", "1");
        Tables.Table vm = tables.table("/firewall/100/rules", null);
        vm.add("type", "group", "action", "webserver", "enable", "1");
        vm.add("type", "in", "action", "ACCEPT", "macro", "SSH", "source", "+dc/trusted", "enable", "1", "iface", "net0");
        vm.add("type", "out", "action", "DROP", "proto", "tcp", "dport", "25", "enable", "1", "log", "info",
                "comment", "no direct mail");
    }
}
