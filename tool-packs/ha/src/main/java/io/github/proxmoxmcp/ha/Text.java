package io.github.proxmoxmcp.ha;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.text.Compact;
import io.micronaut.json.tree.JsonNode;

/** Small text forms shared by the pack's outputs. */
final class Text {

    private Text() {
    }

    static String yesNo(JsonNode node, String field) {
        return Json.flag(node, field) ? "yes" : "no";
    }

    /** A scalar as text, anything else as compact JSON. */
    static String value(JsonNode value) {
        return value.isValueNode() ? value.coerceStringValue() : Compact.json(value);
    }
}
