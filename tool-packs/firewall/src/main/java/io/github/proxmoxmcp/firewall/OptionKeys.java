package io.github.proxmoxmcp.firewall;

import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The firewall options each scope has, and what kind of value each takes; checked before anything is sent. */
final class OptionKeys {

    enum Kind { BOOL, INT, LEVEL, POLICY, FORWARD_POLICY, TEXT, FIELD }

    private static final Map<Scope, Map<String, Kind>> OPTIONS = Map.of(
            Scope.cluster, kinds("enable policy_in", "ebtables", "", "", "log_ratelimit", "policy_out", "policy_forward"),
            Scope.node, kinds("enable",
                    "log_nf_conntrack ndp nf_conntrack_allow_invalid nftables nosmurfs protection_synflood tcpflags",
                    "nf_conntrack_max nf_conntrack_tcp_timeout_established nf_conntrack_tcp_timeout_syn_recv "
                            + "protection_synflood_burst protection_synflood_rate",
                    "log_level_forward log_level_in log_level_out smurf_log_level tcp_flags_log_level",
                    "nf_conntrack_helpers", "", ""),
            Scope.guest, kinds("enable policy_in", "dhcp ipfilter macfilter ndp radv", "", "log_level_in log_level_out", "",
                    "policy_out", ""),
            Scope.vnet, kinds("enable", "", "", "log_level_forward", "", "", "policy_forward"));

    private static final List<String> POLICIES = List.of("ACCEPT", "REJECT", "DROP");
    private static final List<String> FORWARD_POLICIES = List.of("ACCEPT", "DROP");

    private OptionKeys() {
    }

    /** @param fields the options the tool has a field of its own for: never in {@code set} */
    private static Map<String, Kind> kinds(String fields, String bools, String ints, String levels, String texts,
                                           String policies, String forwardPolicies) {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        put(kinds, fields, Kind.FIELD);
        put(kinds, bools, Kind.BOOL);
        put(kinds, ints, Kind.INT);
        put(kinds, levels, Kind.LEVEL);
        put(kinds, texts, Kind.TEXT);
        put(kinds, policies, Kind.POLICY);
        put(kinds, forwardPolicies, Kind.FORWARD_POLICY);
        return kinds;
    }

    private static void put(Map<String, Kind> kinds, String names, Kind kind) {
        Arrays.stream(names.split(" ")).filter(n -> !n.isEmpty()).forEach(n -> kinds.put(n, kind));
    }

    static boolean has(Scope scope, String option) {
        return OPTIONS.getOrDefault(scope, Map.of()).containsKey(option);
    }

    static Set<String> of(Scope scope) {
        return new TreeSet<>(OPTIONS.getOrDefault(scope, Map.of()).keySet());
    }

    /** The {@code set} options in wire form, each checked against the scope's options and its kind of value. */
    static Map<String, String> wire(Scope scope, Map<String, Object> set) {
        Params params = Params.create();
        if (set == null) {
            return params.map();
        }
        set.forEach((option, value) -> {
            Kind kind = OPTIONS.getOrDefault(scope, Map.of()).get(option);
            if (kind == null) {
                throw new ToolInputException("set." + option + " is not a firewall option of scope " + scope + "; it has "
                        + of(scope));
            }
            if (kind == Kind.FIELD) {
                throw new ToolInputException("set." + option + ": use the " + option + " field");
            }
            params.put(option, checked(option, kind, value));
        });
        return params.map();
    }

    /** Option names to delete: each must be an option of the scope. */
    static List<String> unset(Scope scope, List<String> unset) {
        if (unset == null) {
            return List.of();
        }
        for (String option : unset) {
            if (!has(scope, option)) {
                throw new ToolInputException("unset: " + option + " is not a firewall option of scope " + scope + "; it has "
                        + of(scope));
            }
        }
        return unset;
    }

    private static Object checked(String option, Kind kind, Object value) {
        boolean ok = switch (kind) {
            case BOOL -> value instanceof Boolean || value instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1);
            case INT -> value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue());
            case LEVEL -> value instanceof String s && Arrays.stream(LogLevel.values()).anyMatch(l -> l.name().equals(s));
            case POLICY -> value instanceof String s && POLICIES.contains(s);
            case FORWARD_POLICY -> value instanceof String s && FORWARD_POLICIES.contains(s);
            case TEXT -> value instanceof String;
            case FIELD -> false;
        };
        if (!ok) {
            throw new ToolInputException("set." + option + " must be " + switch (kind) {
                case BOOL -> "true or false";
                case INT -> "an integer";
                case LEVEL -> "a log level " + Arrays.toString(LogLevel.values());
                case POLICY -> "one of " + POLICIES;
                case FORWARD_POLICY -> "one of " + FORWARD_POLICIES;
                default -> "a string";
            });
        }
        return value instanceof Number n ? (Object) Long.valueOf(n.longValue()) : value;
    }
}
