package io.github.proxmoxmcp.access;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveFormat;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_access_permissions}: the privileges a user or token really has, per path, as Proxmox works
 * them out from ACLs, groups, roles and token privilege separation. The check to run before a change, and the
 * place a 403 points to.
 */
final class AccessPermissions {

    static final String NAME = "proxmox_access_permissions";
    /** Every path of a large cluster would flood the context: past this many, the agent asks for one path. */
    private static final int MAX_PATHS = 200;

    @Serdeable
    record Input(String userid,
                 String path,
                 @JsonPropertyDescription("checked on path") List<String> privs) {
    }

    private AccessPermissions() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read(NAME,
                "Effective privileges per path of a user or token (default: this server's).",
                Input.class, AccessPermissions::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        if (input.userid() != null && !PveFormat.USER.matches(input.userid()) && !PveFormat.TOKEN.matches(input.userid())) {
            throw new ToolInputException("userid must be a user id user@realm or a token id user@realm!name");
        }
        AclPath.check("path", input.path());
        List<String> wanted = input.privs() == null ? List.of() : input.privs();
        if (!wanted.isEmpty() && input.path() == null) {
            throw new ToolInputException("privs needs path: the privileges are checked on one path");
        }
        Credentials credentials = Credentials.of(context);
        String subject = input.userid() == null ? credentials.authId() + " (this server)" : input.userid();
        boolean token = input.userid() == null ? credentials.token() : input.userid().contains("!");
        Map<String, String> query = Params.create().put("userid", input.userid()).put("path", input.path()).map();
        return context.bean(AccessClient.class).permissions(query).map(response -> {
            Map<String, JsonNode> paths = new TreeMap<>();
            JsonNode data = response.dataOrNull();
            if (data.isObject()) {
                data.entries().forEach(e -> paths.put(e.getKey(), e.getValue()));
            }
            if (!wanted.isEmpty()) {
                return ToolResult.ok(check(subject, input.path(), paths.get(input.path()), wanted, token));
            }
            if (paths.values().stream().allMatch(p -> entries(p).isEmpty())) {
                return ToolResult.ok(subject + " has no privileges" + (input.path() == null ? "" : " on " + input.path())
                        + (token ? "\n" + TOKEN_NOTE : ""));
            }
            Table table = Table.of("PATH", "PRIVILEGES");
            paths.forEach((path, privileges) -> table.row(path, privileges(privileges)));
            return ToolResult.ok(subject + ":\n" + table.render(MAX_PATHS));
        });
    }

    static final String TOKEN_NOTE = "A token with privilege separation (the default) has only what ACLs grant to the "
            + "token itself, within its user's privileges.";

    /** {@code {"VM.Audit": 1, "VM.Console": 0}}: the value says whether the privilege propagates to child paths. */
    private static String privileges(JsonNode privileges) {
        List<String> propagating = new ArrayList<>();
        List<String> here = new ArrayList<>();
        entries(privileges).keySet().forEach(name -> (Json.flag(privileges, name) ? propagating : here).add(name));
        String text = String.join(", ", propagating);
        if (!here.isEmpty()) {
            text += (text.isEmpty() ? "" : "; ") + "this path only: " + String.join(", ", here);
        }
        return text.isEmpty() ? "none" : text;
    }

    private static Map<String, JsonNode> entries(JsonNode object) {
        Map<String, JsonNode> entries = new TreeMap<>();
        if (object != null && object.isObject()) {
            object.entries().forEach(e -> entries.put(e.getKey(), e.getValue()));
        }
        return entries;
    }

    private static String check(String subject, String path, JsonNode privileges, List<String> wanted, boolean token) {
        SortedSet<String> has = new TreeSet<>(entries(privileges).keySet());
        List<String> missing = wanted.stream().filter(p -> !has.contains(p)).distinct().toList();
        List<String> present = wanted.stream().filter(has::contains).distinct().toList();
        if (missing.isEmpty()) {
            return subject + " on " + path + ": has " + String.join(", ", present);
        }
        return subject + " on " + path + ": missing " + String.join(", ", missing)
                + (present.isEmpty() ? "" : "\nhas: " + String.join(", ", present))
                + "\nGrant a role that has them with proxmox_access_acl_set"
                + (token ? ". " + TOKEN_NOTE : ".");
    }
}
