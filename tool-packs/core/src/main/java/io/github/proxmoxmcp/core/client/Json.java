package io.github.proxmoxmcp.core.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import java.util.Optional;

/**
 * Tolerant reads of Proxmox JSON: numbers and booleans arrive as numbers or as strings depending on
 * the endpoint ({@code vmid}, {@code uptime}, {@code running}...).
 */
public final class Json {

    private Json() {
    }

    @Nullable
    public static JsonNode field(@Nullable JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    /** The field as text (numbers and booleans converted), or null when absent. */
    @Nullable
    public static String text(@Nullable JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (value == null) {
            return null;
        }
        return value.isValueNode() ? value.coerceStringValue() : value.toString();
    }

    public static String text(@Nullable JsonNode node, String name, String fallback) {
        String value = text(node, name);
        return value == null ? fallback : value;
    }

    public static Optional<Long> number(@Nullable JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return Optional.of(value.getLongValue());
        }
        if (value.isString()) {
            try {
                return Optional.of((long) Double.parseDouble(value.getStringValue().trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (value.isBoolean()) {
            return Optional.of(value.getBooleanValue() ? 1L : 0L);
        }
        return Optional.empty();
    }

    public static Optional<Double> decimal(@Nullable JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return Optional.of(value.getDoubleValue());
        }
        if (value.isString()) {
            try {
                return Optional.of(Double.parseDouble(value.getStringValue().trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** True for {@code true}, {@code 1}, {@code "1"}, {@code "true"}, {@code "yes"}, {@code "on"}. */
    public static boolean flag(@Nullable JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (value == null) {
            return false;
        }
        if (value.isBoolean()) {
            return value.getBooleanValue();
        }
        if (value.isNumber()) {
            return value.getDoubleValue() != 0;
        }
        String s = value.coerceStringValue().trim().toLowerCase(java.util.Locale.ROOT);
        return s.equals("1") || s.equals("true") || s.equals("yes") || s.equals("on");
    }
}
