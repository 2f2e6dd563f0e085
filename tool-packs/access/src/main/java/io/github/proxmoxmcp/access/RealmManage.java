package io.github.proxmoxmcp.access;

import static io.github.proxmoxmcp.core.id.PveFormat.REALM;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_access_realm_manage}: create, update or delete an authentication realm (LDAP, AD, OpenID; the
 * built-in pam and pve realms can only be updated). The bind password and the OpenID client key are write-only:
 * they are sent and never shown.
 */
final class RealmManage {

    enum Action { create, update, delete }

    /** The realm types that can be created: pam and pve exist once, built in. */
    enum Type { ldap, ad, openid }

    private static final Set<String> COMMON = Set.of("comment", "default");
    private static final Set<String> DIRECTORY = Set.of("server1", "server2", "port", "mode", "secure", "sslversion",
            "verify", "capath", "cert", "certkey", "base_dn", "bind_dn", "password", "user_attr", "filter",
            "sync_attributes", "user_classes", "group_dn", "group_name_attr", "group_filter", "group_classes",
            "sync-defaults-options", "case-sensitive", "check-connection", "tfa");
    private static final Set<String> OPENID = Set.of("issuer-url", "client-id", "client-key", "autocreate", "username-claim",
            "groups-claim", "groups-autocreate", "groups-overwrite", "prompt", "scopes", "acr-values", "query-userinfo");
    private static final Set<String> ANY = union(COMMON, DIRECTORY, OPENID, Set.of("domain"));

    @Serdeable
    record Input(@NotNull Action action,
                 @NotNull @PveId(REALM) String realm,
                 Type type,
                 @JsonPropertyDescription("update: null clears") Map<String, Object> settings,
                 Boolean confirm) implements Confirmable {
    }

    private RealmManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_access_realm_manage",
                        "Create (ldap|ad|openid), update or delete (confirm) an auth realm.",
                        Input.class, ToolHints.DESTRUCTIVE, RealmManage::handle)
                .confirmWhen(in -> in.action() == Action.delete);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        AccessClient client = context.bean(AccessClient.class);
        String realm = input.realm();
        Fields fields = Fields.of("action=" + input.action()).with("type", input.type()).with("settings", input.settings());
        return switch (input.action()) {
            case create -> {
                fields.allow("type", "settings").require("type");
                Map<String, Object> settings = input.settings() == null ? Map.of() : input.settings();
                checkKeys(settings.keySet(), allowed(input.type()), "type=" + input.type());
                List<String> missing = required(input.type()).stream().filter(k -> !settings.containsKey(k)).toList();
                if (!missing.isEmpty()) {
                    throw new ToolInputException("type=" + input.type() + " needs settings " + String.join(", ", missing));
                }
                yield client.createRealm(Params.create().put("realm", realm).put("type", input.type())
                                .putAll(values(settings)).map())
                        .thenReturn(ToolResult.ok("realm " + realm + " (" + input.type() + ") created"));
            }
            case update -> {
                fields.allow("settings").require("settings");
                Map<String, Object> settings = new TreeMap<>();
                List<String> unset = new ArrayList<>();
                input.settings().forEach((key, value) -> {
                    if (value == null) {
                        unset.add(key);
                    } else {
                        settings.put(key, value);
                    }
                });
                checkKeys(new TreeSet<>(input.settings().keySet()), ANY, "a realm");
                List<String> changed = Stream.concat(settings.keySet().stream(), unset.stream().map(k -> k + " (cleared)"))
                        .toList();
                yield client.updateRealm(realm, Params.create().putAll(values(settings)).delete(unset).map())
                        .thenReturn(ToolResult.ok("realm " + realm + " updated: " + String.join(", ", changed)));
            }
            case delete -> {
                fields.allow();
                yield client.deleteRealm(realm).thenReturn(ToolResult.ok("realm " + realm
                        + " deleted; its users stay in the user list but can no longer log in"));
            }
        };
    }

    private static Set<String> allowed(Type type) {
        return switch (type) {
            case ldap -> union(COMMON, DIRECTORY);
            case ad -> union(COMMON, DIRECTORY, Set.of("domain"));
            case openid -> union(COMMON, OPENID);
        };
    }

    private static List<String> required(Type type) {
        return switch (type) {
            case ldap -> List.of("server1", "base_dn", "user_attr");
            case ad -> List.of("server1", "domain");
            case openid -> List.of("issuer-url", "client-id");
        };
    }

    private static void checkKeys(java.util.Collection<String> keys, Set<String> allowed, String what) {
        Set<String> unknown = new TreeSet<>(keys);
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw new ToolInputException("settings: " + String.join(", ", unknown) + " is not an option of " + what
                    + "; options: " + String.join(", ", new TreeSet<>(allowed)));
        }
    }

    /** Option values as Proxmox wants them; a nested value is refused (its text could not be a Proxmox option). */
    private static Map<String, String> values(Map<String, Object> settings) {
        settings.forEach((key, value) -> {
            if (value == null) {
                throw new ToolInputException("settings." + key + " is null: only an update clears an option");
            }
            if (value instanceof Map<?, ?> || value instanceof java.util.Collection<?>) {
                throw new ToolInputException("settings." + key + " must be a string, number or boolean");
            }
            if (value instanceof String s && s.isEmpty()) {
                throw new ToolInputException("settings." + key + " is empty: to clear an option, update it to null");
            }
        });
        return Params.create().putAll(new TreeMap<>(settings)).map();
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        List<String> all = new ArrayList<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }
}
