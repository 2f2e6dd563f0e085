package io.github.proxmoxmcp.sandbox;

import io.github.proxmoxmcp.sandbox.ConfigCollection.Refusal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Notifications (proxmox-notify): endpoints of each type and the matchers that route to them. All of them share one
 * config, so a name is unique across types; errors are proxmox-notify's (400 and 404). Secrets (tokens, passwords,
 * webhook secrets) go to the private config and are never returned.
 */
final class NotificationCollections {

    static final String BASE = "/cluster/notifications";
    static final List<String> ENDPOINT_TYPES = List.of("sendmail", "gotify", "smtp", "webhook");
    private static final String COMMON = "comment disable:bool";

    private NotificationCollections() {
    }

    static void register(Router r, Cluster c) {
        r.get(BASE, "", q -> NodeApi.names("endpoints", "matcher-fields", "matcher-field-values", "matchers", "targets"));
        r.get(BASE + "/endpoints", "", q -> NodeApi.names("gotify", "sendmail", "smtp", "webhook"));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("sendmail", "mailto:list mailto-user:list from-address author");
        fields.put("gotify", "server* token*!");
        fields.put("smtp", "server* port:int mode:insecure|starttls|tls username password! from-address* mailto:list "
                + "mailto-user:list author");
        fields.put("webhook", "url* method*:post|put|get body header:list secret!:list");
        for (Map.Entry<String, String> type : fields.entrySet()) {
            ConfigCollection endpoints = entity(BASE + "/endpoints/" + type.getKey(), type.getValue(), "endpoint", c);
            if (type.getKey().equals("webhook")) {
                endpoints.validate(NotificationCollections::keepSecrets).view((q, row, out) -> {
                    if (row.containsKey("secret")) {
                        out.put("secret", secrets(row.get("secret")).keySet().stream().map(n -> "name=" + n).toList());
                    }
                });
            }
            endpoints
                    .beforeDelete(w -> {
                        List<String> referrers = new ArrayList<>();
                        for (Map<String, String> matcher : c.tables.table(BASE + "/matchers", null).rows) {
                            if (List.of(matcher.getOrDefault("target", "").split("\n")).contains(w.id())) {
                                referrers.add(matcher.get("name"));
                            }
                        }
                        if (!referrers.isEmpty()) {
                            throw new ApiException(400, "cannot delete '" + w.id() + "', referenced by: " + String.join(", ", referrers));
                        }
                    })
                    .register(r, c);
        }
        entity(BASE + "/matchers", "match-field:list match-severity:list match-calendar:list mode:all|any invert-match:bool target:list",
                "matcher", c)
                .validate(w -> {
                    for (String target : w.item().getOrDefault("target", "").split("\n")) {
                        if (!target.isEmpty() && endpoint(c, target) == null) {
                            throw new ApiException(404, "endpoint '" + target + "' does not exist");
                        }
                    }
                })
                .register(r, c);
        r.get(BASE + "/targets", "", q -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String type : ENDPOINT_TYPES) {
                for (Map<String, String> row : c.tables.table(BASE + "/endpoints/" + type, null).rows) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", row.get("name"));
                    m.put("type", type);
                    m.put("origin", row.getOrDefault("origin", "user-created"));
                    if (row.containsKey("comment")) {
                        m.put("comment", row.get("comment"));
                    }
                    m.put("disable", Request.isTrue(row.getOrDefault("disable", "0")) ? 1 : 0);
                    out.add(m);
                }
            }
            return out;
        });
        r.get(BASE + "/matcher-fields", "", q -> List.of(Map.of("name", "type"), Map.of("name", "hostname"),
                Map.of("name", "job-id")));
        r.get(BASE + "/matcher-field-values", "", q -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String type : List.of("package-updates", "fencing", "replication", "vzdump", "system-mail")) {
                out.add(Map.of("field", "type", "value", type));
            }
            c.nodes.keySet().forEach(node -> out.add(Map.of("field", "hostname", "value", node)));
            return out;
        });
        r.post(BASE + "/targets/{name}/test", "name*:pve-configid", q -> {
            if (endpoint(c, q.var("name")) == null) {
                throw new ApiException(404, "target '" + q.var("name") + "' does not exist");
            }
            return null;
        });
        seed(c);
    }

    /** Webhook secrets by name: the stored {@code name=<n>,value=<base64>} property strings, one a line. */
    private static Map<String, String> secrets(String stored) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String secret : stored.split("\n")) {
            String name = null;
            for (String pair : secret.split(",")) {
                if (pair.startsWith("name=")) {
                    name = pair.substring(5);
                }
            }
            if (name != null) {
                byName.put(name, secret);
            }
        }
        return byName;
    }

    /** An update's secret given by name alone keeps its stored value; an unknown one is refused as Proxmox does. */
    private static void keepSecrets(ConfigCollection.Write w) {
        String given = w.item().get("secret");
        if (w.before() == null || given == null || !w.request().has("secret")) {
            return;
        }
        Map<String, String> stored = secrets(w.before().getOrDefault("secret", ""));
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, String> secret : secrets(given).entrySet()) {
            if (secret.getValue().contains("value=")) {
                kept.add(secret.getValue());
            } else if (stored.containsKey(secret.getKey())) {
                kept.add(stored.get(secret.getKey()));
            } else {
                throw new ApiException(400, "secret '" + secret.getKey() + "' has no value");
            }
        }
        w.item().put("secret", String.join("\n", kept));
    }

    /** One proxmox-notify entity type: sorted by name, digest, 400 on a taken name, 404 on an unknown one. */
    private static ConfigCollection entity(String path, String spec, String kind, Cluster c) {
        return ConfigCollection.keyed(path, "name:pve-configid").fields(COMMON + " " + spec)
                .shows("origin").insert(ConfigCollection.Insert.SORTED).digest()
                .digestRefusal(Refusal.status(400, "detected modified configuration - file changed by other user? Try again."))
                .duplicate(Refusal.status(400, "Cannot create '{id}', an entity with the same name already exists"))
                .missing(Refusal.status(404, kind + " '{id}' not found"))
                .validate(w -> {
                    if (w.before() == null && (endpoint(c, w.id()) != null || matcher(c, w.id()) != null)) {
                        throw new ApiException(400, "Cannot create '" + w.id() + "', an entity with the same name already exists");
                    }
                    if (w.before() != null && "builtin".equals(w.before().get("origin"))) {
                        w.item().put("origin", "modified-builtin");
                    }
                })
                .view((q, row, out) -> out.putIfAbsent("origin", "user-created"));
    }

    private static Map<String, String> find(Cluster c, String table, String name) {
        for (Map<String, String> row : c.tables.table(table, null).rows) {
            if (row.get("name").equals(name)) {
                return row;
            }
        }
        return null;
    }

    private static Map<String, String> endpoint(Cluster c, String name) {
        for (String type : ENDPOINT_TYPES) {
            Map<String, String> row = find(c, BASE + "/endpoints/" + type, name);
            if (row != null) {
                return row;
            }
        }
        return null;
    }

    private static Map<String, String> matcher(Cluster c, String name) {
        return find(c, BASE + "/matchers", name);
    }

    // ---- seed: the built-in mail-to-root and default-matcher, a Gotify server and a matcher for errors ----

    private static void seed(Cluster c) {
        Tables tables = c.tables;
        tables.table(BASE + "/endpoints/sendmail", null).add("name", "mail-to-root", "mailto-user", "root@pam",
                "comment", "Send mails to root@pam's email address", "origin", "builtin");
        tables.table(BASE + "/endpoints/gotify", null).add("name", "gotify-ops", "server", "https://gotify.example.com",
                "token", "sandbox-gotify-" + Long.toHexString(c.seed & 0xffffff), "comment", "Ops phone push");
        tables.table(BASE + "/endpoints/smtp", null).add("name", "smtp-relay", "server", "mail.example.com", "port", "587",
                "mode", "starttls", "username", "pve-alerts", "password", "sandbox-smtp-password", "from-address",
                "pve@example.com", "mailto", "ops@example.com", "author", "Proxmox VE");
        tables.table(BASE + "/matchers", null).add("name", "default-matcher", "target", "mail-to-root",
                "comment", "Route all notifications to mail-to-root", "origin", "builtin");
        tables.table(BASE + "/matchers", null).add("name", "errors-to-gotify", "match-severity", "error", "mode", "all",
                "target", "gotify-ops\nsmtp-relay", "comment", "Failed backups and replication");
    }
}
