package io.github.proxmoxmcp.core.client;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Parameters for a Proxmox request, as the API wants them on the wire: nulls left out, booleans as
 * {@code 1}/{@code 0}, lists comma-joined. Used for form bodies and for query strings alike.
 */
public final class Params {

    private final Map<String, String> values = new LinkedHashMap<>();

    private Params() {
    }

    public static Params create() {
        return new Params();
    }

    public Params put(String name, Object value) {
        String wire = wire(value);
        if (wire != null) {
            values.put(name, wire);
        }
        return this;
    }

    public Params putAll(Map<String, ?> more) {
        if (more != null) {
            more.forEach(this::put);
        }
        return this;
    }

    /** Adds {@code delete=a,b} for the keys to remove from a config, when there are any. */
    public Params delete(Collection<String> keys) {
        if (keys != null && !keys.isEmpty()) {
            put("delete", String.join(",", keys));
        }
        return this;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Map<String, String> map() {
        return java.util.Collections.unmodifiableMap(values);
    }

    /** The wire form of one value, or null to leave the parameter out. */
    public static String wire(Object value) {
        return switch (value) {
            case null -> null;
            case Boolean b -> b ? "1" : "0";
            case Enum<?> e -> e.name();
            case Collection<?> c -> c.isEmpty() ? null : c.stream().map(Params::wire).collect(Collectors.joining(","));
            case Double d when d == Math.rint(d) && !d.isInfinite() -> Long.toString(d.longValue());
            default -> value.toString();
        };
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
