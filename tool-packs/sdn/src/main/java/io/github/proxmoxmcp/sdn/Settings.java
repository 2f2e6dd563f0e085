package io.github.proxmoxmcp.sdn;

import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code set} of a write (a value changes a setting, null removes it), checked against the kind before anything is sent. */
final class Settings {

    private Settings() {
    }

    /**
     * Each setting as the value to send: Boolean, Long, Double, String, or for a list setting a list of strings.
     * An unknown name or a value of the wrong kind is an input error naming the setting.
     */
    static Map<String, Object> values(Kind kind, Map<String, Object> set) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (set == null) {
            return out;
        }
        set.forEach((name, value) -> {
            Kind.Value type = kind.settings().get(name);
            if (type == null) {
                throw new ToolInputException("set." + name + " is not a setting of an SDN " + kind.label() + "; it has "
                        + Kind.names(kind.settings().keySet()));
            }
            if (value != null) {
                out.put(name, checked(name, type, value));
            }
        });
        return out;
    }

    /**
     * The settings to remove, given as null in {@code set}: each must be one the kind has (and, when given, one of
     * {@code removable}).
     */
    static List<String> unset(Kind kind, Map<String, Object> set, List<String> removable) {
        if (set == null) {
            return List.of();
        }
        List<String> unset = new ArrayList<>();
        set.forEach((name, value) -> {
            if (value == null) {
                unset.add(name);
            }
        });
        for (String name : unset) {
            if (!kind.settings().containsKey(name) || name.equals(kind.typeParam())
                    || removable != null && !removable.contains(name)) {
                throw new ToolInputException("set." + name + ": null cannot remove it from an SDN " + kind.label()
                        + "; it can remove " + Kind.names(removable != null ? removable : kind.settings().keySet()));
            }
        }
        return unset;
    }

    private static Object checked(String name, Kind.Value type, Object value) {
        Object checked = switch (type) {
            case BOOL -> value instanceof Boolean b ? b
                    : value instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1) ? n.doubleValue() == 1
                    : null;
            case INT -> value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) ? (Object) n.longValue()
                    : value instanceof String s && s.matches("-?[0-9]{1,18}") ? (Object) Long.parseLong(s) : null;
            case NUM -> value instanceof Number n ? number(n.doubleValue())
                    : value instanceof String s && s.matches("-?[0-9]+(\\.[0-9]+)?") ? number(Double.parseDouble(s)) : null;
            case TEXT -> value instanceof String s ? s : value instanceof Number n ? Params.wire(n) : null;
            case LIST -> list(value);
        };
        if (checked == null) {
            throw new ToolInputException("set." + name + " must be " + switch (type) {
                case BOOL -> "true or false";
                case INT -> "an integer";
                case NUM -> "a number";
                case LIST -> "a list of strings";
                case TEXT -> "a string";
            });
        }
        return checked;
    }

    /** A whole number as a Long (sent as {@code 2}, not {@code 2.0}), any other as a Double. */
    private static Object number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : (Object) value;
    }

    private static List<String> list(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        if (!(value instanceof List<?> items) || items.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String s)) {
                return null;
            }
            out.add(s);
        }
        return out;
    }
}
