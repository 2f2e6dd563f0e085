package io.github.proxmoxmcp.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /access/domains/{realm}/sync}: an LDAP or AD realm's directory (a fixed one in the sandbox) copied into
 * user.cfg by a task. Users become {@code uid@realm}, groups {@code name-realm}; {@code remove-vanished} takes out the
 * entries, ACLs and properties the directory no longer has; {@code dry-run} logs the same and changes nothing.
 */
final class RealmSync {

    /** A directory user: uid, first name, last name, email. */
    private record Person(String uid, String firstname, String lastname, String email) {
    }

    private static final List<Person> PEOPLE = List.of(
            new Person("carol", "Carol", "Nguyen", "carol@corp.example"),
            new Person("dave", "Dave", "Okafor", "dave@corp.example"),
            new Person("erin", "Erin", "Schulz", "erin@corp.example"));
    private static final Map<String, List<String>> DIRECTORY_GROUPS = Map.of(
            "devops", List.of("carol", "dave"),
            "finance", List.of("erin"));

    private RealmSync() {
    }

    static void register(Router r, Cluster c) {
        r.post(AccessCollections.DOMAINS + "/{realm}/sync", "realm:pve-realm dry-run:bool enable-new:bool full:bool purge:bool "
                + "remove-vanished scope:users|groups|both", q -> {
                    String realm = q.var("realm");
                    Map<String, String> domain = c.tables.table(AccessCollections.DOMAINS, null).rows.stream()
                            .filter(row -> row.get("realm").equals(realm)).findFirst()
                            .orElseThrow(() -> ApiException.fail("domain '" + realm + "' does not exist"));
                    if (!List.of("ldap", "ad").contains(domain.get("type"))) {
                        throw ApiException.fail("Cannot sync realm of type '" + domain.get("type") + "'");
                    }
                    Map<String, String> defaults = options(domain.getOrDefault("sync-defaults-options", ""));
                    String scope = q.str("scope", defaults.get("scope"));
                    if (scope == null) {
                        throw ApiException.parameter("scope", "parameter is required (or set it in the realm's sync-defaults-options)");
                    }
                    List<String> vanished = List.of(q.str("remove-vanished", defaults.getOrDefault("remove-vanished", "none"))
                            .split(";"));
                    for (String item : vanished) {
                        if (!List.of("none", "entry", "acl", "properties").contains(item)) {
                            throw ApiException.parameter("remove-vanished", "value '" + item + "' is not one of entry, acl, properties, none");
                        }
                    }
                    boolean enableNew = Request.isTrue(q.str("enable-new", defaults.getOrDefault("enable-new", "1")));
                    boolean dryRun = q.flag("dry-run");
                    return c.startTask(c.nodes.keySet().iterator().next(), "auth-realm-sync", realm, q.user,
                            t -> sync(c, t, realm, scope, vanished, enableNew, dryRun),
                            "starting sync for realm " + realm + (dryRun ? " (dry run)" : ""));
                });
    }

    private static Map<String, String> options(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return out;
    }

    private static void sync(Cluster c, Task t, String realm, String scope, List<String> vanished, boolean enableNew,
                             boolean dryRun) {
        Tables.Table users = c.tables.table(AccessCollections.USERS, null);
        Tables.Table groups = c.tables.table(AccessCollections.GROUPS, null);
        String suffix = "@" + realm;
        List<String> synced = new ArrayList<>();
        if (!scope.equals("groups")) {
            t.log.add("got data from server, updating users");
            for (Person person : PEOPLE) {
                String userid = person.uid() + suffix;
                synced.add(userid);
                Map<String, String> row = row(users, "userid", userid);
                t.log.add((row == null ? "added user '" : "updated user '") + userid + "'");
                if (dryRun) {
                    continue;
                }
                if (row == null) {
                    row = users.add("userid", userid, "enable", enableNew ? "1" : "0");
                } else if (vanished.contains("properties")) {
                    row.keySet().retainAll(List.of("userid", "enable", "expire", "keys"));
                }
                row.put("firstname", person.firstname());
                row.put("lastname", person.lastname());
                row.put("email", person.email());
            }
            if (vanished.contains("entry")) {
                for (Map<String, String> row : List.copyOf(users.rows)) {
                    String userid = row.get("userid");
                    if (userid.endsWith(suffix) && !synced.contains(userid)) {
                        t.log.add("removed user '" + userid + "'");
                        if (!dryRun) {
                            users.rows.remove(row);
                            removeAcls(c, vanished, userid);
                        }
                    }
                }
            }
        }
        if (!scope.equals("users")) {
            t.log.add("got data from server, updating groups");
            for (Map.Entry<String, List<String>> group : new java.util.TreeMap<>(DIRECTORY_GROUPS).entrySet()) {
                String groupid = group.getKey() + "-" + realm;
                Map<String, String> row = row(groups, "groupid", groupid);
                t.log.add((row == null ? "added group '" : "updated group '") + groupid + "'");
                if (dryRun) {
                    continue;
                }
                if (row == null) {
                    row = groups.add("groupid", groupid);
                }
                row.put("users", String.join(",", group.getValue().stream().map(uid -> uid + suffix)
                        .filter(userid -> row(users, "userid", userid) != null).toList()));
            }
        }
        t.log.add("updating user.cfg" + (dryRun ? " skipped (dry run)" : ""));
    }

    private static void removeAcls(Cluster c, List<String> vanished, String userid) {
        if (vanished.contains("acl")) {
            c.tables.table(AccessCollections.ACL, null).rows.removeIf(acl -> userid.equals(acl.get("ugid")));
        }
    }

    private static Map<String, String> row(Tables.Table table, String field, String id) {
        return table.rows.stream().filter(row -> id.equals(row.get(field))).findFirst().orElse(null);
    }
}
