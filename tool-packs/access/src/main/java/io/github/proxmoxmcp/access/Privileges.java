package io.github.proxmoxmcp.access;

import io.github.proxmoxmcp.core.client.Json;
import io.micronaut.json.tree.JsonNode;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Privilege names as Proxmox lists them ({@code VM.Audit,VM.Console}), and compact ways to show sets of them. */
final class Privileges {

    private Privileges() {
    }

    /** The privileges of a comma list such as a role's {@code privs}. */
    static SortedSet<String> parse(String list) {
        if (list == null || list.isBlank()) {
            return new TreeSet<>();
        }
        return Arrays.stream(list.split("[,;\\s]+")).filter(p -> !p.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The privileges set to true in a {@code {"VM.Audit": 1, ...}} object, as one role's config is read. */
    static SortedSet<String> granted(JsonNode object) {
        SortedSet<String> privileges = new TreeSet<>();
        if (object != null && object.isObject()) {
            object.entries().forEach(e -> {
                if (Json.flag(object, e.getKey())) {
                    privileges.add(e.getKey());
                }
            });
        }
        return privileges;
    }

    /** Every privilege the roles of this Proxmox version name: the built-in Administrator role has all of them. */
    static SortedSet<String> known(List<JsonNode> roles) {
        SortedSet<String> all = new TreeSet<>();
        roles.forEach(role -> all.addAll(parse(Json.text(role, "privs"))));
        return all;
    }

    /** One line per prefix ({@code Datastore}, {@code Sys}, {@code VM}...), full names comma-separated. */
    static String byPrefix(Collection<String> privileges) {
        Map<String, List<String>> groups = new TreeMap<>(privileges.stream().sorted().collect(Collectors.groupingBy(
                p -> p.contains(".") ? p.substring(0, p.indexOf('.')) : p)));
        return groups.values().stream().map(names -> String.join(", ", names)).collect(Collectors.joining("\n"));
    }

    /** A role's privileges in few words: {@code all}, {@code all except A, B} when that is shorter, or the list. */
    static String summary(SortedSet<String> privileges, SortedSet<String> all) {
        if (privileges.isEmpty()) {
            return "none";
        }
        if (!all.isEmpty() && privileges.containsAll(all)) {
            return "all";
        }
        SortedSet<String> missing = new TreeSet<>(all);
        missing.removeAll(privileges);
        if (all.containsAll(privileges) && missing.size() < privileges.size()) {
            return "all except " + String.join(", ", missing);
        }
        return String.join(", ", privileges);
    }
}
