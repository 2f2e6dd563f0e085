package io.github.proxmoxmcp.core.client;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Parameters for a Proxmox request, as the API wants them on the wire: nulls left out, booleans as
 * {@code 1}/{@code 0}, lists comma-joined. Used for form bodies and for query strings alike. Parameters whose
 * schema type is {@code array} travel as one pair per element ({@link #putEach}), in form bodies only.
 */
public final class Params {

    /** Each value is its wire string, or the list of wire strings of an array parameter. */
    private final Map<String, Object> values = new LinkedHashMap<>();

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

    /**
     * An array parameter: one {@code name=element} pair per element, which Proxmox reads back as a list (a
     * comma-joined value would be one element). Null or empty: left out. Send it with {@link #form()}.
     */
    public Params putEach(String name, Collection<?> elements) {
        if (elements != null && !elements.isEmpty()) {
            values.put(name, elements.stream().map(Params::wire).filter(Objects::nonNull).toList());
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

    /** The parameters as single values, for a query string or a form without array parameters. */
    public Map<String, String> map() {
        Map<String, String> single = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value instanceof List<?>) {
                throw new IllegalStateException(name + " is an array parameter: send the parameters with form()");
            }
            single.put(name, (String) value);
        });
        return Collections.unmodifiableMap(single);
    }

    /** The parameters as a form body: the HTTP client sends each element of an array parameter as its own pair. */
    public Map<String, Object> form() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
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
