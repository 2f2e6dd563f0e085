package io.github.proxmoxmcp.notifications;

import io.github.proxmoxmcp.core.client.Json;
import io.micronaut.json.tree.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An endpoint's or matcher's settings as shown: sorted, lists comma-joined, the webhook body and header values
 * decoded from base64, and no secret: the token and password are left out, of the webhook secrets only the names
 * are shown.
 */
final class Settings {

    private Settings() {
    }

    static Map<String, String> shown(JsonNode object) {
        Map<String, String> shown = new TreeMap<>();
        if (object == null || !object.isObject()) {
            return shown;
        }
        object.entries().forEach(e -> {
            String key = e.getKey();
            List<String> values = strings(e.getValue());
            switch (key) {
                case "digest", "token", "password" -> { }
                case "secret" -> shown.put(key, String.join(",", values.stream().map(Settings::nameOnly).toList())
                        + " (values hidden)");
                case "header" -> shown.put(key, String.join(",", values.stream().map(Settings::decodedHeader).toList()));
                case "body" -> shown.put(key, decoded(values.isEmpty() ? "" : values.getFirst()));
                default -> shown.put(key, String.join(",", values));
            }
        });
        return shown;
    }

    static String lines(Map<String, String> settings) {
        StringBuilder out = new StringBuilder();
        settings.forEach((k, v) -> out.append(k).append(": ").append(v.replace("\n", "\\n")).append('\n'));
        return out.isEmpty() ? "(empty)" : out.toString().stripTrailing();
    }

    /** A value or the elements of a list value, as text. */
    static List<String> strings(JsonNode value) {
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (value.isArray()) {
            value.values().forEach(v -> out.add(v.coerceStringValue()));
        } else {
            out.add(value.coerceStringValue());
        }
        return out;
    }

    /** The strings of a field that may be a list or a single value. */
    static List<String> strings(JsonNode object, String field) {
        return strings(Json.field(object, field));
    }

    /** {@code name=<n>,value=<base64>} property string: only the name. */
    private static String nameOnly(String property) {
        String name = property(property, "name");
        return name == null ? "?" : name;
    }

    private static String decodedHeader(String property) {
        String name = property(property, "name");
        String value = property(property, "value");
        return name == null ? property : name + "=" + (value == null ? "" : decoded(value));
    }

    private static String property(String property, String key) {
        for (String pair : property.split(",")) {
            if (pair.startsWith(key + "=")) {
                return pair.substring(key.length() + 1);
            }
        }
        return null;
    }

    private static String decoded(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return base64;
        }
    }

    static String encoded(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
