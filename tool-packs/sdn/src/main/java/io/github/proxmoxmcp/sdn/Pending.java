package io.github.proxmoxmcp.sdn;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.text.Compact;
import io.github.proxmoxmcp.core.text.KeyValues;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * SDN objects as {@code pending=1} shows them (pve-network's pending_config): the applied values at the top,
 * {@code state} new, changed or deleted, and {@code pending} holding each value not yet applied ("deleted" for a
 * removed one). Shown as the configuration once applied, with what is still pending said beside it.
 */
final class Pending {

    /** Keys the views show elsewhere or never: bookkeeping and what the id already says. */
    private static final Set<String> HIDDEN = Set.of("digest", "state", "pending", "id", "cidr", "network", "mask",
            "fabric_id");

    private Pending() {
    }

    /** A list as a table: id, type, settings, and the pending state when the kind has one. */
    static String table(Kind kind, List<JsonNode> items) {
        if (items.isEmpty()) {
            return "no SDN " + kind.label() + "s";
        }
        boolean typed = kind.typeParam() != null;
        List<String> headers = new ArrayList<>(List.of(kind.label().toUpperCase(java.util.Locale.ROOT)));
        if (typed) {
            headers.add("TYPE");
        }
        headers.add("SETTINGS");
        if (kind.pending()) {
            headers.add("STATE");
        }
        Table table = Table.of(headers.toArray(String[]::new));
        List<String> changes = new ArrayList<>();
        for (JsonNode item : items) {
            Map<String, String> values = effective(item);
            String id = id(kind, item);
            StringJoiner settings = new StringJoiner(" ");
            values.forEach((key, value) -> {
                if (!key.equals(kind.idParam()) && !key.equals(typed ? kind.typeParam() : "type") && !HIDDEN.contains(key)
                        && !(kind == Kind.subnet && key.equals("vnet"))) {
                    settings.add(key + "=" + value);
                }
            });
            String state = Json.text(item, "state");
            List<String> cells = new ArrayList<>(List.of(id));
            if (typed) {
                cells.add(values.getOrDefault(kind.typeParam(), "-"));
            }
            cells.add(settings.length() == 0 ? "-" : settings.toString());
            if (kind.pending()) {
                cells.add(state == null ? "-" : state);
            }
            table.row(cells.toArray());
            if ("changed".equals(state)) {
                changes.add(id + ": " + changes(item));
            }
        }
        StringBuilder out = new StringBuilder(table.render());
        changes.forEach(line -> out.append('\n').append(line));
        if (items.stream().anyMatch(item -> Json.text(item, "state") != null)) {
            out.append("\npending changes: apply them with proxmox_sdn_apply");
        }
        return out.toString();
    }

    /** One object: its settings once applied, then its pending state. */
    static String object(JsonNode item) {
        Map<String, JsonNode> shown = new TreeMap<>();
        effective(item).forEach((key, value) -> {
            if (!key.equals("digest")) {
                shown.put(key, JsonNode.createStringNode(value));
            }
        });
        String text = KeyValues.of(JsonNode.createObjectNode(shown));
        String state = Json.text(item, "state");
        if (state == null) {
            return text;
        }
        return text + "\npending: " + ("changed".equals(state) ? changes(item) : state)
                + "; apply with proxmox_sdn_apply";
    }

    /** The values as they will be once applied, secrets masked, in the order Proxmox gave them. */
    static Map<String, String> effective(JsonNode item) {
        Map<String, String> values = new LinkedHashMap<>();
        if (item == null || !item.isObject()) {
            return values;
        }
        item.entries().forEach(e -> {
            if (!e.getKey().equals("state") && !e.getKey().equals("pending") && !e.getValue().isNull()) {
                values.put(e.getKey(), text(e.getKey(), e.getValue()));
            }
        });
        JsonNode pending = Json.field(item, "pending");
        if (pending != null && pending.isObject()) {
            pending.entries().forEach(e -> {
                if ("deleted".equals(e.getValue().coerceStringValue())) {
                    values.remove(e.getKey());
                } else {
                    values.put(e.getKey(), text(e.getKey(), e.getValue()));
                }
            });
        }
        return values;
    }

    /** What a changed object will change: {@code tag 10 -> 20, mtu removed, alias=web added}. */
    private static String changes(JsonNode item) {
        StringJoiner out = new StringJoiner(", ");
        JsonNode pending = Json.field(item, "pending");
        if (pending == null || !pending.isObject()) {
            return "changed";
        }
        pending.entries().forEach(e -> {
            String key = e.getKey();
            JsonNode was = Json.field(item, key);
            if ("deleted".equals(e.getValue().coerceStringValue())) {
                out.add(key + " removed");
            } else if (was == null) {
                out.add(key + "=" + text(key, e.getValue()) + " added");
            } else {
                out.add(key + " " + text(key, was) + " -> " + text(key, e.getValue()));
            }
        });
        return out.length() == 0 ? "changed" : out.toString();
    }

    private static String id(Kind kind, JsonNode item) {
        if (kind == Kind.subnet && Json.text(item, "cidr") != null) {
            return Json.text(item, "cidr");
        }
        return Json.text(item, kind.idParam(), "-");
    }

    /** A value as text: a secret as {@code (set)}, a list of ranges or interfaces comma-joined. */
    static String text(String key, JsonNode value) {
        if (Kind.SECRETS.contains(key)) {
            return "(set)";
        }
        if (value.isArray()) {
            StringJoiner all = new StringJoiner(",");
            value.values().forEach(v -> all.add(v.isObject() ? range(v) : v.coerceStringValue()));
            return all.toString();
        }
        return value.isValueNode() ? value.coerceStringValue() : Compact.json(value);
    }

    /** A DHCP range as Proxmox returns it in a subnet ({@code start-address}, {@code end-address}): {@code a-b}. */
    private static String range(JsonNode value) {
        String start = Json.text(value, "start-address");
        String end = Json.text(value, "end-address");
        return start != null && end != null ? start + "-" + end : Compact.json(value);
    }
}
