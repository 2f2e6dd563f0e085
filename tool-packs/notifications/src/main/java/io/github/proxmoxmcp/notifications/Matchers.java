package io.github.proxmoxmcp.notifications;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Matchers as text: what each one matches, in words, and which matchers route to a target. */
final class Matchers {

    private Matchers() {
    }

    static String table(List<JsonNode> matchers) {
        Table table = Table.of("NAME", "ENABLED", "ORIGIN", "MATCHES", "TARGETS", "COMMENT");
        for (JsonNode m : matchers) {
            List<String> targets = Settings.strings(m, "target");
            table.row(Json.text(m, "name"), Json.flag(m, "disable") ? "no" : "yes", Json.text(m, "origin"), matches(m),
                    targets.isEmpty() ? null : String.join(",", targets), Json.text(m, "comment"));
        }
        return table.render();
    }

    /**
     * What the matcher matches: its conditions joined by its mode ({@code all}: and, {@code any}: or), negated when
     * inverted; without conditions, every notification.
     */
    static String matches(JsonNode matcher) {
        List<String> conditions = new ArrayList<>();
        List<String> severities = Settings.strings(matcher, "match-severity");
        if (!severities.isEmpty()) {
            conditions.add("severity " + String.join("|", severities));
        }
        conditions.addAll(Settings.strings(matcher, "match-field"));
        Settings.strings(matcher, "match-calendar").forEach(c -> conditions.add("calendar " + c));
        boolean inverted = Json.flag(matcher, "invert-match");
        if (conditions.isEmpty()) {
            return inverted ? "nothing" : "everything";
        }
        String joined = String.join("any".equals(Json.text(matcher, "mode")) ? " or " : " and ", conditions);
        return inverted ? "not (" + joined + ")" : joined;
    }

    /** The matchers naming this target, a disabled one marked so. */
    static List<String> routingTo(List<JsonNode> matchers, String target) {
        List<String> names = new ArrayList<>();
        for (JsonNode m : matchers) {
            if (Settings.strings(m, "target").contains(target)) {
                names.add(Json.text(m, "name", "") + (Json.flag(m, "disable") ? " (disabled)" : ""));
            }
        }
        return names;
    }
}
