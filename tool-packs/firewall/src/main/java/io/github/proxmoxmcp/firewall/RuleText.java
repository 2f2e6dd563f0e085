package io.github.proxmoxmcp.firewall;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.text.Compact;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/** Firewall lists as text: a rule's match in Proxmox's own key=value terms, and the digest that guards edits. */
final class RuleText {

    /** The rule fields that say what a rule matches, in the order an admin reads them. */
    private static final List<String> MATCH = List.of("macro", "proto", "dport", "sport", "source", "dest", "iface",
            "icmp-type", "log");

    private RuleText() {
    }

    static String rules(List<JsonNode> rules, int limit, String empty) {
        if (rules.isEmpty()) {
            return empty;
        }
        Table table = Table.of("POS", "ON", "TYPE", "ACTION", "MATCH", "COMMENT");
        rules.forEach(r -> table.row(Json.text(r, "pos"), Json.flag(r, "enable") ? "yes" : "no", Json.text(r, "type"),
                Json.text(r, "action"), match(r), Json.text(r, "comment")));
        return withDigest(table.render(limit), rules);
    }

    /** {@code proto=tcp dport=443 source=+dc/admins}: only the fields the rule sets. */
    static String match(JsonNode rule) {
        StringJoiner match = match(field -> Json.text(rule, field));
        JsonNode errors = Json.field(rule, "errors");
        if (errors != null) {
            match.add("errors=" + Compact.json(errors));
        }
        if (match.length() > 0) {
            return match.toString();
        }
        // a group rule without iface takes the group's own matches; any other rule then matches all traffic
        return "group".equals(Json.text(rule, "type")) ? null : "any";
    }

    /** A rule about to be sent, in one line: {@code in ACCEPT proto=tcp dport=443, enabled}. */
    static String summary(Map<String, String> rule) {
        StringJoiner match = match(rule::get);
        return rule.get("type") + " " + rule.get("action") + (match.length() == 0 ? "" : " " + match)
                + ("0".equals(rule.get("enable")) ? ", disabled" : ", enabled");
    }

    private static StringJoiner match(Function<String, String> value) {
        StringJoiner match = new StringJoiner(" ");
        for (String field : MATCH) {
            String v = value.apply(field);
            if (v != null && !v.isEmpty()) {
                match.add(field + "=" + v);
            }
        }
        return match;
    }

    /** The table, then the digest of the list (every entry carries it) for guarded edits. */
    static String withDigest(String table, List<JsonNode> items) {
        String digest = items.isEmpty() ? null : Json.text(items.getFirst(), "digest");
        return digest == null ? table : table + "\ndigest: " + digest;
    }
}
