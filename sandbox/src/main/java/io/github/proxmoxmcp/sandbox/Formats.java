package io.github.proxmoxmcp.sandbox;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Proxmox string formats the sandbox checks, with Proxmox's messages. A format check fails as
 * {@code invalid format - <reason>} with the trailing newline Proxmox leaves in the {@code errors} map; a schema
 * pattern fails as {@code value does not match the regex pattern}, then the length limits.
 */
final class Formats {

    /** Loaded without compiling a pattern: route declarations ask this at start-up. */
    private static final Set<String> NAMES = Set.of("pve-fw-alias", "ipset-name", "pve-security-group-name",
            "pve-sdn-zone-id", "pve-sdn-vnet-id", "pve-sdn-controller-id", "pve-sdn-ipam-id", "pve-sdn-dns-id",
            "pve-fw-action", "proxmox-notify-name", "pve-token-subid", "pve-configid", "pve-ha-group-id", "pve-ha-rule-id", "pve-storage-id",
            "acme-plugin-id", "pve-vmid", "pve-node", "pve-node-list", "ip", "ipv4", "ipv6", "CIDR", "CIDRv4", "CIDRv6",
            "IPorCIDR", "IPorCIDRorAlias", "email", "dns-name", "pve-userid", "pve-tokenid", "pve-realm", "pve-groupid",
            "pve-roleid", "pve-poolid", "pve-ha-resource-or-vm-id", "pve-sdn-subnet-id", "pve-ha-resource-id-list",
            "pve-ha-node-list", "email-list");

    static boolean known(String format) {
        return NAMES.contains(format);
    }

    /** The error text Proxmox gives for {@code value} in {@code format}, or {@code null} when it is fine. */
    static String problem(String format, String value) {
        return Checks.problem(format, value);
    }

    /** The patterns, compiled on the first check rather than at start-up. */
    private static final class Checks {

        private record Shape(Pattern pattern, int minLength, int maxLength) {
        }

        private static final String IPV4 = "(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
        private static final String H16 = "[0-9a-fA-F]{1,4}";
        private static final String LS32 = "(?:" + H16 + ":" + H16 + "|" + IPV4 + ")";
        private static final String IPV6 = "(?:"
                + "(?:" + H16 + ":){6}" + LS32
                + "|::(?:" + H16 + ":){5}" + LS32
                + "|(?:" + H16 + ")?::(?:" + H16 + ":){4}" + LS32
                + "|(?:(?:" + H16 + ":){0,1}" + H16 + ")?::(?:" + H16 + ":){3}" + LS32
                + "|(?:(?:" + H16 + ":){0,2}" + H16 + ")?::(?:" + H16 + ":){2}" + LS32
                + "|(?:(?:" + H16 + ":){0,3}" + H16 + ")?::" + H16 + ":" + LS32
                + "|(?:(?:" + H16 + ":){0,4}" + H16 + ")?::" + LS32
                + "|(?:(?:" + H16 + ":){0,5}" + H16 + ")?::" + H16
                + "|(?:(?:" + H16 + ":){0,6}" + H16 + ")?::)";
        private static final Pattern IPV4_RE = Pattern.compile(IPV4);
        private static final Pattern IPV6_RE = Pattern.compile(IPV6);
        private static final Pattern CIDR4_RE = Pattern.compile(IPV4 + "/(\\d+)");
        private static final Pattern CIDR6_RE = Pattern.compile(IPV6 + "/(\\d+)");
        private static final Pattern IP_OR_CIDR = Pattern.compile("(?:" + IPV6 + "|" + IPV4 + ")(?:/\\d+)?");
        private static final Pattern FW_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9\\-_]+");
        private static final Pattern CONFIG_ID = Pattern.compile("[a-z][a-z0-9_-]+", Pattern.CASE_INSENSITIVE);
        private static final Pattern PLAIN_ID = Pattern.compile("[a-z][a-z0-9\\-_.]*[a-z0-9]", Pattern.CASE_INSENSITIVE);
        private static final Pattern NODE = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?");
        private static final Pattern USER = Pattern.compile("[^\\s:/]+@[A-Za-z][A-Za-z0-9.\\-_]+");
        private static final Pattern TOKEN = Pattern.compile("[^\\s:/]+@[A-Za-z][A-Za-z0-9.\\-_]+![A-Za-z][A-Za-z0-9.\\-_]+");
        private static final Pattern REALM = Pattern.compile("[A-Za-z][A-Za-z0-9.\\-_]+");
        private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9.\\-_]+");
        private static final Pattern POOL = Pattern.compile("[A-Za-z0-9.\\-_]+(?:/[A-Za-z0-9.\\-_]+){0,2}");
        private static final Pattern EMAIL = Pattern.compile("[\\w+\\-~.]+@[a-zA-Z0-9\\-]+(?:\\.[a-zA-Z0-9\\-]+)*");
        private static final Pattern DNS_NAME = Pattern.compile(
                "(?:[a-zA-Z0-9](?:[a-zA-Z0-9\\-]*[a-zA-Z0-9])?\\.)*[a-zA-Z0-9](?:[a-zA-Z0-9\\-]*[a-zA-Z0-9])?");

        /** Schema patterns with their length limits, named by the standard option that declares them. */
        private static final Map<String, Shape> SHAPES = Map.ofEntries(
                Map.entry("pve-fw-alias", new Shape(FW_NAME, 2, 64)),
                Map.entry("ipset-name", new Shape(FW_NAME, 2, 64)),
                Map.entry("pve-security-group-name", new Shape(FW_NAME, 2, 18)),
                Map.entry("pve-sdn-zone-id", new Shape(Pattern.compile("[a-zA-Z][a-zA-Z0-9]*[a-zA-Z0-9]"), 2, 8)),
                Map.entry("pve-sdn-vnet-id", new Shape(Pattern.compile("[a-zA-Z][a-zA-Z0-9]*[a-zA-Z0-9]"), 2, 8)),
                Map.entry("pve-sdn-controller-id", new Shape(Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]*[a-zA-Z0-9]"), 2, 64)),
                Map.entry("pve-sdn-ipam-id", new Shape(Pattern.compile("[a-zA-Z][a-zA-Z0-9]*[a-zA-Z0-9]"), 2, 64)),
                Map.entry("pve-sdn-dns-id", new Shape(Pattern.compile("[a-zA-Z][a-zA-Z0-9]*[a-zA-Z0-9]"), 2, 64)),
                Map.entry("pve-fw-action", new Shape(FW_NAME, 0, 20)),
                Map.entry("pve-token-subid", new Shape(Pattern.compile("[A-Za-z][A-Za-z0-9.\\-_]+"), 0, Integer.MAX_VALUE)),
                Map.entry("proxmox-notify-name", new Shape(Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*"), 0, Integer.MAX_VALUE)));


        static String problem(String format, String value) {
            Shape shape = SHAPES.get(format);
            if (shape != null) {
                if (!shape.pattern.matcher(value).matches()) {
                    return "value does not match the regex pattern";
                }
                if (value.length() > shape.maxLength) {
                    return "value may only be " + shape.maxLength + " characters long";
                }
                return value.length() < shape.minLength ? "value must be at least " + shape.minLength + " characters long" : null;
            }
            Check check = check(format, value);
            return check.reason == null ? null : "invalid format - " + check.reason + "\n";
        }

        private record Check(String reason) {
            static final Check OK = new Check(null);
            static final Check UNKNOWN = new Check("unknown format");
        }

        private static Check check(String format, String v) {
            return switch (format) {
                case "pve-configid", "pve-ha-group-id", "pve-ha-rule-id" ->
                        ok(CONFIG_ID.matcher(v).matches(), "invalid configuration ID '" + v + "'");
                case "pve-storage-id" -> plainId(v, "storage");
                case "acme-plugin-id" -> plainId(v, "ACME plugin");
                case "pve-vmid" -> ok(v.matches("[1-9][0-9]{2,8}"), "value does not look like a valid VM ID");
                case "pve-node" -> ok(NODE.matcher(v).matches(), "value does not look like a valid node name");
                case "pve-node-list" -> {
                    for (String node : v.split("[,;\\s]+")) {
                        if (!NODE.matcher(node).matches()) {
                            yield new Check("value does not look like a valid node name");
                        }
                    }
                    yield Check.OK;
                }
                case "ip" -> ok(IPV4_RE.matcher(v).matches() || IPV6_RE.matcher(v).matches(), "value does not look like a valid IP address");
                case "ipv4" -> ok(IPV4_RE.matcher(v).matches(), "value does not look like a valid IPv4 address");
                case "ipv6" -> ok(IPV6_RE.matcher(v).matches(), "value does not look like a valid IPv6 address");
                case "CIDR" -> ok(cidr(v, CIDR4_RE, 32) || cidr(v, CIDR6_RE, 128), "value does not look like a valid CIDR network");
                case "CIDRv4" -> ok(cidr(v, CIDR4_RE, 32), "value does not look like a valid IPv4 CIDR network");
                case "CIDRv6" -> ok(cidr(v, CIDR6_RE, 128), "value does not look like a valid IPv6 CIDR network");
                case "IPorCIDR" -> ok(IP_OR_CIDR.matcher(v).matches(), "value does not look like a valid IP address or CIDR network");
                case "IPorCIDRorAlias" -> ok(IP_OR_CIDR.matcher(v).matches() || v.matches("(dc/|guest/)?" + FW_NAME.pattern()),
                        "value does not look like a valid IP address or CIDR network");
                case "email" -> ok(EMAIL.matcher(v).matches(), "value does not look like a valid email address");
            case "email-list" -> {
                for (String mail : v.split("[,;\\s]+")) {
                    if (!EMAIL.matcher(mail).matches()) {
                        yield new Check("value does not look like a valid email address");
                    }
                }
                yield Check.OK;
            }
                case "dns-name" -> ok(DNS_NAME.matcher(v).matches(), "value does not look like a valid DNS name");
                case "pve-userid" -> v.length() < 3 ? new Check("user name '" + v + "' is too short")
                        : v.length() > 64 ? new Check("user name '" + v + "' is too long (" + v.length() + " > 64)")
                        : ok(USER.matcher(v).matches(), "value '" + v + "' does not look like a valid user name");
                case "pve-tokenid" -> ok(TOKEN.matcher(v).matches(), "value '" + v + "' does not look like a valid token ID");
                case "pve-realm" -> ok(REALM.matcher(v).matches(), "value does not look like a valid realm");
                case "pve-groupid" -> ok(GROUP.matcher(v).matches(), "group name '" + v + "' contains invalid characters");
                case "pve-roleid" -> ok(GROUP.matcher(v).matches(), "role name '" + v + "' contains invalid characters");
                case "pve-poolid" -> v.split("/", -1).length > 3 ? new Check("pool name '" + v + "' nested too deeply (max levels = 3)")
                        : ok(POOL.matcher(v).matches(), "pool name '" + v + "' contains invalid characters");
                case "pve-ha-node-list" -> {
                for (String node : v.split(",")) {
                    if (!node.matches("[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(:\\d+)?")) {
                        yield new Check("value does not look like a valid node name");
                    }
                }
                yield Check.OK;
            }
            case "pve-ha-resource-id-list" -> {
                for (String sid : v.split(",")) {
                    if (!sid.matches("[a-z]+:\\d+")) {
                        yield new Check("unable to parse service id '" + sid + "'");
                    }
                }
                yield Check.OK;
            }
            case "pve-sdn-subnet-id" -> {
                String[] parts = v.split("-");
                String cidr = v.contains("/") ? v : parts.length == 3 ? parts[1] + "/" + parts[2] : "";
                yield ok(cidr(cidr, CIDR4_RE, 32) || cidr(cidr, CIDR6_RE, 128), "value does not look like a valid CIDR network");
            }
            case "pve-ha-resource-or-vm-id" -> ok(v.matches("\\d+|[a-z]+:\\d+"), "unable to parse service id '" + v + "'");
                default -> Check.UNKNOWN;
            };
        }

        private static Check ok(boolean valid, String reason) {
            return valid ? Check.OK : new Check(reason);
        }

        private static Check plainId(String v, String what) {
            if (v.length() < 2) {
                return new Check(what + " ID '" + v + "' cannot be shorter than 2 characters");
            }
            return ok(PLAIN_ID.matcher(v).matches(), what + " ID '" + v + "' contains illegal characters");
        }

        private static boolean cidr(String v, Pattern pattern, int maxBits) {
            var m = pattern.matcher(v);
            if (!m.matches()) {
                return false;
            }
            int bits = Integer.parseInt(m.group(1).length() > 3 ? "999" : m.group(1));
            return bits > 7 && bits <= maxBits;
        }
    }
}
