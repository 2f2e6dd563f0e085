package io.github.proxmoxmcp.access;

import static io.github.proxmoxmcp.core.id.PveFormat.ROLE;

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
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_access_acl_set}: grant roles on a path to users, groups or tokens ({@code PUT /access/acl}), or
 * revoke them (the same call with {@code delete=1}).
 */
final class AclSet {

    enum Action { grant, revoke }

    @Serdeable
    record Input(@NotNull Action action,
                 @NotNull String path,
                 @NotNull List<@PveId(ROLE) String> roles,
                 @NotNull List<String> who,
                 Boolean propagate,
                 Boolean confirm) implements Confirmable {
    }

    private AclSet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_access_acl_set", "Grant or revoke (confirm) roles on a path for users, groups or tokens.",
                        Input.class, ToolHints.DESTRUCTIVE, AclSet::handle)
                .confirmWhen(in -> in.action() == Action.revoke);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String path = AclPath.check("path", input.path());
        if (input.roles().isEmpty() || input.who().isEmpty()) {
            throw new ToolInputException((input.roles().isEmpty() ? "roles" : "who") + " is empty: name at least one");
        }
        boolean grant = input.action() == Action.grant;
        if (!grant && input.propagate() != null) {
            throw new ToolInputException("propagate does not apply to action=revoke: it removes the role whatever its propagation");
        }
        Map<Who.Kind, List<String>> who = input.who().stream().map(id -> Who.of("who", id)).distinct()
                .collect(Collectors.groupingBy(Who::kind, () -> new java.util.EnumMap<>(Who.Kind.class),
                        Collectors.mapping(Who::id, Collectors.toList())));
        var form = Params.create().put("path", path).put("roles", input.roles()).put("users", who.get(Who.Kind.user))
                .put("groups", who.get(Who.Kind.group)).put("tokens", who.get(Who.Kind.token))
                .put("propagate", input.propagate()).put("delete", grant ? null : true).map();
        String roles = String.join(", ", input.roles());
        List<String> subjects = new ArrayList<>();
        who.forEach((kind, ids) -> subjects.add(kind + (ids.size() == 1 ? " " : "s ") + String.join(", ", ids)));
        String whom = String.join(", ", subjects);
        return context.bean(AccessClient.class).updateAcl(form).thenReturn(ToolResult.ok(grant
                ? "granted " + roles + " on " + path + " to " + whom
                        + (Boolean.FALSE.equals(input.propagate()) ? " (this path only)" : " (and its child paths)")
                : "revoked " + roles + " on " + path + " from " + whom));
    }
}
