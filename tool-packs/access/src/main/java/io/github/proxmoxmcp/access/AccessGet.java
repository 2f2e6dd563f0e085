package io.github.proxmoxmcp.access;

import static io.github.proxmoxmcp.core.id.PveFormat.GROUP;
import static io.github.proxmoxmcp.core.id.PveFormat.REALM;
import static io.github.proxmoxmcp.core.id.PveFormat.ROLE;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Compact;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_access_get}: groups, roles and the privileges this Proxmox version knows, and authentication
 * realms. A realm's OpenID client key is masked: Proxmox keeps it in the realm config and returns it.
 */
final class AccessGet {

    enum View { groups, group, roles, role, privileges, realms, realm }

    /** Realm options that are credentials: shown as set, never by value. */
    static final Set<String> REALM_SECRETS = Set.of("password", "client-key");

    @Serdeable
    record Input(@NotNull View view,
                 @PveId(GROUP) String groupid,
                 @PveId(ROLE) String roleid,
                 @PveId(REALM) String realm,
                 Integer limit) {
    }

    private AccessGet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_access_get", "Read groups, roles, the privileges Proxmox knows, or auth realms.",
                Input.class, AccessGet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        AccessClient client = context.bean(AccessClient.class);
        Fields fields = Fields.of("view=" + input.view()).with("groupid", input.groupid()).with("roleid", input.roleid())
                .with("realm", input.realm()).with("limit", input.limit());
        int limit = Limits.of(input.limit());
        return switch (input.view()) {
            case groups -> {
                fields.allow("limit");
                yield client.groups().map(r -> ToolResult.ok(groups(r.list(), limit)));
            }
            case group -> {
                fields.allow("groupid").require("groupid");
                yield client.group(input.groupid()).map(r -> ToolResult.ok(group(input.groupid(), r.dataOrNull())));
            }
            case roles -> {
                fields.allow();
                yield client.roles().map(r -> ToolResult.ok(roles(r.list())));
            }
            case role -> {
                fields.allow("roleid").require("roleid");
                yield client.role(input.roleid()).map(r -> ToolResult.ok(role(input.roleid(), r.dataOrNull())));
            }
            case privileges -> {
                fields.allow();
                yield client.roles().map(r -> ToolResult.ok(privileges(r.list())));
            }
            case realms -> {
                fields.allow();
                yield client.realms().map(r -> ToolResult.ok(realms(r.list())));
            }
            case realm -> {
                fields.allow("realm").require("realm");
                yield client.realm(input.realm()).map(r -> ToolResult.ok(realm(input.realm(), r.dataOrNull())));
            }
        };
    }

    // groups and roles

    private static String groups(List<JsonNode> groups, int limit) {
        Table table = Table.of("GROUP", "MEMBERS", "COMMENT");
        groups.stream().sorted(Comparator.comparing(g -> Json.text(g, "groupid", "")))
                .forEach(g -> table.row(Json.text(g, "groupid"), Json.text(g, "users"), Text.text(g, "comment")));
        return table.size() == 0 ? "no groups" : table.render(limit);
    }

    private static String group(String groupid, JsonNode group) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("group", groupid);
        lines.put("comment", Text.text(group, "comment"));
        String members = Text.joined(Json.field(group, "members"));
        lines.put("members", members == null ? "none" : members);
        return Text.lines(lines);
    }

    private static String roles(List<JsonNode> roles) {
        SortedSet<String> all = Privileges.known(roles);
        Table table = Table.of("ROLE", "BUILT-IN", "PRIVILEGES");
        roles.stream().sorted(Comparator.comparing(r -> Json.text(r, "roleid", "")))
                .forEach(r -> table.row(Json.text(r, "roleid"), Json.flag(r, "special") ? "yes" : "no",
                        Privileges.summary(Privileges.parse(Json.text(r, "privs")), all)));
        return table.render();
    }

    private static String role(String roleid, JsonNode role) {
        SortedSet<String> privileges = Privileges.granted(role);
        return "role " + roleid + ": " + (privileges.isEmpty() ? "no privileges"
                : privileges.size() + " privileges\n" + Privileges.byPrefix(privileges));
    }

    private static String privileges(List<JsonNode> roles) {
        SortedSet<String> all = Privileges.known(roles);
        return all.size() + " privileges:\n" + Privileges.byPrefix(all);
    }

    // realms

    private static String realms(List<JsonNode> realms) {
        Table table = Table.of("REALM", "TYPE", "TFA", "COMMENT");
        realms.stream().sorted(Comparator.comparing(r -> Json.text(r, "realm", "")))
                .forEach(r -> table.row(Json.text(r, "realm"), Json.text(r, "type"), Json.text(r, "tfa"),
                        Text.text(r, "comment")));
        return table.render();
    }

    private static String realm(String realm, JsonNode config) {
        Map<String, String> shown = new TreeMap<>();
        if (config != null && config.isObject()) {
            config.entries().forEach(e -> {
                if (REALM_SECRETS.contains(e.getKey())) {
                    shown.put(e.getKey(), "(set, write-only)");
                } else if (!e.getKey().equals("digest")) {
                    shown.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().coerceStringValue() : Compact.json(e.getValue()));
                }
            });
        }
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("realm", realm);
        lines.putAll(shown);
        return Text.lines(lines);
    }
}
