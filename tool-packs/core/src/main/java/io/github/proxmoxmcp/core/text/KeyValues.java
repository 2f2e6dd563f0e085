package io.github.proxmoxmcp.core.text;

import io.micronaut.json.tree.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/** {@code key: value} lines for an object answer, keys sorted, nested values as compact JSON. */
public final class KeyValues {

    private KeyValues() {
    }

    public static String of(JsonNode object) {
        if (object == null || object.isNull()) {
            return "(empty)";
        }
        if (!object.isObject()) {
            return object.isValueNode() ? object.coerceStringValue() : object.toString();
        }
        Map<String, String> sorted = new TreeMap<>();
        object.entries().forEach(e -> sorted.put(e.getKey(), value(e.getValue())));
        if (sorted.isEmpty()) {
            return "(empty)";
        }
        StringBuilder out = new StringBuilder();
        sorted.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        return out.toString().stripTrailing();
    }

    static String value(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.coerceStringValue().replace("\n", "\\n") : Compact.json(value);
    }
}
