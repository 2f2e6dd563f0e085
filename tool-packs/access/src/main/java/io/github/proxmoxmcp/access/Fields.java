package io.github.proxmoxmcp.access;

import io.github.proxmoxmcp.core.spi.ToolInputException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The optional fields given to one view or action of a tool, checked against what that view or action takes:
 * a field it does not use is refused rather than silently ignored, and a field it needs is named when missing.
 */
final class Fields {

    private final String selector;
    private final Map<String, Object> given = new LinkedHashMap<>();

    private Fields(String selector) {
        this.selector = selector;
    }

    /** For {@code selector}, e.g. {@code "action=create"}. */
    static Fields of(String selector) {
        return new Fields(selector);
    }

    /** Records the field when it was given (not null). */
    Fields with(String name, Object value) {
        if (value != null) {
            given.put(name, value);
        }
        return this;
    }

    /** Refuses every given field not named here. */
    Fields allow(String... names) {
        Set<String> allowed = Set.of(names);
        List<String> extra = given.keySet().stream().filter(name -> !allowed.contains(name)).toList();
        if (!extra.isEmpty()) {
            throw new ToolInputException(String.join(", ", extra) + (extra.size() == 1 ? " does" : " do") + " not apply to "
                    + selector + (names.length == 0 ? "" : " (it takes " + String.join(", ", names) + ")"));
        }
        return this;
    }

    /** Refuses the call when one of these fields is missing, or is an empty list or map. */
    Fields require(String... names) {
        for (String name : names) {
            Object value = given.get(name);
            if (value == null || value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty()) {
                throw new ToolInputException(selector + " needs " + name);
            }
        }
        return this;
    }

    /** Refuses the call when none of these fields was given. */
    Fields requireAny(String... names) {
        if (java.util.Arrays.stream(names).noneMatch(given::containsKey)) {
            throw new ToolInputException(selector + " needs one of " + String.join(", ", names));
        }
        return this;
    }

    /**
     * Refuses empty texts and lists: Proxmox reads {@code name=} as if the parameter were absent, so sending
     * one would report a change that never happens.
     */
    Fields nonEmpty(String... names) {
        for (String name : names) {
            Object value = given.get(name);
            if (value instanceof String s && s.isEmpty() || value instanceof Collection<?> c && c.isEmpty()) {
                throw new ToolInputException(name + " is empty: Proxmox ignores an empty value, so it would change nothing");
            }
        }
        return this;
    }

    boolean has(String name) {
        return given.containsKey(name);
    }

    /** The names of the given fields, in the order they were recorded. */
    List<String> names() {
        return List.copyOf(given.keySet());
    }
}
