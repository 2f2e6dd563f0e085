package io.github.proxmoxmcp.access;

import static io.github.proxmoxmcp.core.id.PveFormat.ROLE;

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
import java.util.List;
import reactor.core.publisher.Mono;

/** {@code proxmox_access_role_manage}: create, update or delete a custom role; built-in roles cannot change. */
final class RoleManage {

    enum Action { create, update, delete }

    @Serdeable
    record Input(@NotNull Action action,
                 @NotNull @PveId(ROLE) String roleid,
                 List<String> privs,
                 Boolean append,
                 Boolean confirm) implements Confirmable {
    }

    private RoleManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_access_role_manage",
                        "Create, update (privs replaced unless append) or delete (confirm) a role.",
                        Input.class, ToolHints.DESTRUCTIVE, RoleManage::handle)
                .confirmWhen(in -> in.action() == Action.delete);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        AccessClient client = context.bean(AccessClient.class);
        String roleid = input.roleid();
        Fields fields = Fields.of("action=" + input.action()).with("privs", input.privs()).with("append", input.append());
        return switch (input.action()) {
            case create -> {
                fields.allow("privs").nonEmpty("privs");
                if (roleid.regionMatches(true, 0, "PVE", 0, 3)) {
                    throw new ToolInputException("roleid must not start with PVE: Proxmox keeps that prefix for its built-in roles");
                }
                yield client.createRole(Params.create().put("roleid", roleid).put("privs", input.privs()).map())
                        .thenReturn(ToolResult.ok("role " + roleid + " created"
                                + (input.privs() == null ? " without privileges" : " with " + String.join(", ", input.privs()))));
            }
            case update -> {
                fields.allow("privs", "append").require("privs");
                boolean append = Boolean.TRUE.equals(input.append());
                yield client.updateRole(roleid, Params.create().put("privs", input.privs()).put("append", input.append()).map())
                        .thenReturn(ToolResult.ok("role " + roleid + (append ? " gained " : " now has exactly ")
                                + String.join(", ", input.privs())));
            }
            case delete -> {
                fields.allow();
                yield client.deleteRole(roleid).thenReturn(ToolResult.ok("role " + roleid + " deleted"));
            }
        };
    }
}
