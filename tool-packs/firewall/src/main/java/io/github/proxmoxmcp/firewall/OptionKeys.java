package io.github.proxmoxmcp.firewall;

import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The firewall options each scope has, and what kind of value each takes; checked before anything is sent. */
final class OptionKeys {

    enum Kind { BOOL, INT, LEVEL, POLICY, FORWARD_POLICY, TEXT }

    private static final Map<Scope, Map<String, Kind>> OPTIONS = Map.of(
            Scope.cluster, kinds("enable ebtables", "", "", "log_ratelimit", "policy_in policy_out", "policy_forward"),
            Scope.node, kinds("enable log_nf_conntrack ndp nf_conntrack_allow_invalid nftables nosmurfs protection_synflood "
                            + "tcpflags",
                    "nf_conntrack_max nf_conntrack_tcp_timeout_established nf_conntrack_tcp_timeout_syn_recv "
                            + "protection_synflood_burst protection_synflood_rate",
                    "log_level_forward log_level_in log_level_out smurf_log_level tcp_flags_log_level",
                    "nf_conntrack_helpers", "", ""),
            Scope.guest, kinds("enable dhcp ipfilter macfilter ndp radv", "", "log_level_in log_level_out", "",
                    "policy_in policy_out", ""),
            Scope.vnet, kinds("enable", "", "log_level_forward", "", "", "policy_forward"));

    private static final List<String> POLICIES = List.of("ACCEPT", "REJECT", "DROP");
    private static final List<String> FORWARD_POLICIES = List.of("ACCEPT", "DROP");

    private OptionKeys() {
    }

    private static Map<String, Kind> kinds(String bools, String ints, String levels, String texts, String policies,
                                           String forwardPolicies) {
        Map<String, Kind> kinds = new LinkedHashMap<>();
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

    static Set<String> of(Scope scope) {
        return new TreeSet<>(OPTIONS.getOrDefault(scope, Map.of()).keySet());
    }

    /**
     * The options {@code set} gives a value, in wire form, each checked against the scope's options and its kind of
     * value.
     */
    static Map<String, String> wire(Scope scope, Map<String, Object> set) {
        Params params = Params.create();
        if (set == null) {
            return params.map();
        }
        set.forEach((option, value) -> {
            Kind kind = kind(scope, option);
            if (value != null) {
                params.put(option, checked(option, kind, value));
            }
        });
        return params.map();
    }

    /** The options {@code set} gives null, to delete: each must be an option of the scope. */
    static List<String> unset(Scope scope, Map<String, Object> set) {
        List<String> unset = new ArrayList<>();
        if (set != null) {
            set.forEach((option, value) -> {
                kind(scope, option);
                if (value == null) {
                    unset.add(option);
                }
            });
        }
        return unset;
    }

    private static Kind kind(Scope scope, String option) {
        Kind kind = OPTIONS.getOrDefault(scope, Map.of()).get(option);
        if (kind == null) {
            throw new ToolInputException("set." + option + " is not a firewall option of scope " + scope + "; it has "
                    + of(scope));
        }
        return kind;
    }

    private static Object checked(String option, Kind kind, Object value) {
        boolean ok = switch (kind) {
            case BOOL -> value instanceof Boolean || value instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1);
            case INT -> value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue());
            case LEVEL -> value instanceof String s && Arrays.stream(LogLevel.values()).anyMatch(l -> l.name().equals(s));
            case POLICY -> value instanceof String s && POLICIES.contains(s);
            case FORWARD_POLICY -> value instanceof String s && FORWARD_POLICIES.contains(s);
            case TEXT -> value instanceof String;
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
