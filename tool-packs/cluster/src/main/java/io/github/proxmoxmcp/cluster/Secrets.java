package io.github.proxmoxmcp.cluster;

import io.micronaut.json.tree.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Write-only values (tokens, auth headers) stay out of every answer: shown as set, never as their value. */
final class Secrets {

    static final String HIDDEN = "(set, hidden)";

    private Secrets() {
    }

    /** The object with each secret key's value replaced by {@link #HIDDEN}. */
    static JsonNode hidden(JsonNode object, Set<String> secretKeys) {
        if (object == null || !object.isObject() || secretKeys.isEmpty()) {
            return object;
        }
        Map<String, JsonNode> shown = new LinkedHashMap<>();
        object.entries().forEach(e -> shown.put(e.getKey(),
                secretKeys.contains(e.getKey()) ? JsonNode.createStringNode(HIDDEN) : e.getValue()));
        return JsonNode.createObjectNode(shown);
    }
}
