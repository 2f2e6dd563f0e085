package io.github.proxmoxmcp.access;

import static io.github.proxmoxmcp.core.id.PveFormat.ROLE;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Comparator;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_access_acl_get}: the ACL entries, filtered. With a path it shows the entries on that path and those
 * it inherits from its parents, which is what decides access there (together with pools and groups).
 */
final class AclGet {

    @Serdeable
    record Input(String path,
                 String who,
                 @PveId(ROLE) String roleid,
                 Integer limit) {
    }

    private AclGet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_access_acl_get", "List ACL entries by path (with inherited), who or role.",
                Input.class, AclGet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String path = AclPath.check("path", input.path());
        Who who = input.who() == null ? null : Who.of("who", input.who());
        List<String> paths = path == null ? null : AclPath.withParents(path);
        int limit = Limits.of(input.limit());
        return context.bean(AccessClient.class).acl().map(response -> {
            Table table = Table.of("PATH", "TYPE", "WHO", "ROLE", "PROPAGATE");
            response.list().stream()
                    .filter(e -> paths == null || paths.contains(Json.text(e, "path", ""))
                            && (Json.text(e, "path", "").equals(path) || propagates(e)))
                    .filter(e -> who == null || who.kind().name().equals(Json.text(e, "type")) && who.id().equals(Json.text(e, "ugid")))
                    .filter(e -> input.roleid() == null || input.roleid().equals(Json.text(e, "roleid")))
                    .sorted(Comparator.comparing((JsonNode e) -> Json.text(e, "path", ""))
                            .thenComparing(e -> Json.text(e, "type", "")).thenComparing(e -> Json.text(e, "ugid", ""))
                            .thenComparing(e -> Json.text(e, "roleid", "")))
                    .forEach(e -> table.row(Json.text(e, "path"), Json.text(e, "type"), Json.text(e, "ugid"),
                            Json.text(e, "roleid"), Text.yes(e, "propagate")));
            return ToolResult.ok(table.size() == 0 ? "no ACL entries match" : table.render(limit));
        });
    }

    /** An entry passes its role down to child paths unless it says {@code propagate: 0}. */
    private static boolean propagates(JsonNode entry) {
        return Json.field(entry, "propagate") == null || Json.flag(entry, "propagate");
    }
}
