package io.github.proxmoxmcp.access;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.text.Format;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How the access pack words what Proxmox answers: key-value lines, expiry dates, yes/no flags with defaults. */
final class Text {

    private Text() {
    }

    /** {@code key: value} lines in the given order, {@code -} for what is not set. */
    static String lines(Map<String, String> lines) {
        return lines.entrySet().stream().map(e -> e.getKey() + ": " + (e.getValue() == null ? "-" : e.getValue()))
                .collect(Collectors.joining("\n"));
    }

    /** A text field, null when absent or blank (a cleared comment comes back as {@code ""}). */
    static String text(JsonNode entry, String field) {
        String text = Json.text(entry, field);
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** An {@code expire} epoch: absent or 0 is never. */
    static String expire(JsonNode entry) {
        long expire = Json.number(entry, "expire").orElse(0L);
        return expire == 0 ? "never" : Format.time(expire);
    }

    /** A flag Proxmox leaves out when it has its default of true ({@code enable}, {@code privsep}, {@code propagate}). */
    static String yes(JsonNode entry, String field) {
        return Json.field(entry, field) == null || Json.flag(entry, field) ? "yes" : "no";
    }

    /** A list Proxmox sends as an array or as a comma-separated string, comma-joined; null when empty. */
    static String joined(JsonNode list) {
        if (list == null) {
            return null;
        }
        if (list.isArray()) {
            List<String> items = new ArrayList<>();
            list.values().forEach(v -> items.add(v.coerceStringValue()));
            return items.isEmpty() ? null : items.stream().sorted().collect(Collectors.joining(","));
        }
        String text = list.coerceStringValue();
        return text.isBlank() ? null : text;
    }
}
