package io.github.proxmoxmcp.ceph;

import io.github.proxmoxmcp.core.spi.ToolInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Checks of values that go into form bodies, done before anything is sent. */
final class Checks {

    private static final String DEVICE = "/dev/[A-Za-z0-9_.:-]+(/[A-Za-z0-9_.:-]+)*";
    private static final String CIDR = "[0-9A-Fa-f:.]+/[0-9]{1,3}";

    private Checks() {
    }

    /** A block device path such as {@code /dev/sdb} or {@code /dev/disk/by-id/...}. */
    static String device(String field, String value) {
        if (value != null && (!value.matches(DEVICE) || value.contains("/../") || value.endsWith("/.."))) {
            throw new ToolInputException(field + " must be a block device such as /dev/sdb or /dev/nvme0n1; got '" + value + "'");
        }
        return value;
    }

    static String cidr(String field, String value) {
        if (value != null && !value.matches(CIDR)) {
            throw new ToolInputException(field + " must be a network in CIDR form, e.g. 10.10.10.0/24; got '" + value + "'");
        }
        return value;
    }

    /**
     * The options given, by Proxmox name, each checked against its rule before anything is sent: {@code int:MIN:MAX},
     * {@code num}, {@code bool}, {@code dev} (a block device), {@code one:a|b|c}, or {@code re:REGEX}.
     */
    static Map<String, Object> options(Map<String, Object> options, Map<String, String> rules, String what) {
        if (options == null) {
            return Map.of();
        }
        Set<String> unknown = new TreeSet<>(options.keySet());
        unknown.removeAll(rules.keySet());
        if (!unknown.isEmpty()) {
            throw new ToolInputException("options " + unknown + " do not apply to " + what
                    + (rules.isEmpty() ? "" : "; it takes " + new TreeSet<>(rules.keySet())));
        }
        Map<String, Object> checked = new LinkedHashMap<>();
        new TreeMap<>(options).forEach((name, value) -> checked.put(name, checked(name, value, rules.get(name))));
        return checked;
    }

    private static Object checked(String name, Object value, String rule) {
        String text = value == null ? null : value.toString();
        String[] parts = rule.split(":", 3);
        boolean ok = switch (parts[0]) {
            case "int" -> value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    && n.longValue() >= Long.parseLong(parts[1]) && n.longValue() <= Long.parseLong(parts[2]);
            case "num" -> value instanceof Number n && n.doubleValue() >= 0;
            case "bool" -> value instanceof Boolean;
            case "one" -> text != null && Set.of(rule.substring(4).split("\\|")).contains(text);
            case "dev" -> value instanceof String && device(name, text) != null;
            default -> value instanceof String && text.matches(rule.substring(3));
        };
        if (!ok) {
            throw new ToolInputException(name + " must be " + switch (parts[0]) {
                case "int" -> "a whole number from " + parts[1] + " to " + parts[2];
                case "num" -> "a number";
                case "bool" -> "true or false";
                case "one" -> "one of " + rule.substring(4).replace("|", ", ");
                default -> "of the form " + rule.substring(3);
            } + "; got " + (text == null ? "null" : "'" + text + "'"));
        }
        return value;
    }

    static void require(Object value, String field, String action) {
        if (value == null) {
            throw new ToolInputException(field + " is required for action=" + action);
        }
    }

    static void refuse(Object value, String field, String where) {
        if (value != null) {
            throw new ToolInputException(field + " is for " + where);
        }
    }
}
