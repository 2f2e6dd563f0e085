package io.github.proxmoxmcp.access;

import static io.github.proxmoxmcp.core.id.PveFormat.GROUP;

import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

/** {@code proxmox_access_group_manage}: create, update or delete a group. Members are set on the users. */
final class GroupManage {

    enum Action { create, update, delete }

    @Serdeable
    record Input(@NotNull Action action,
                 @NotNull @PveId(GROUP) String groupid,
                 String comment,
                 Boolean confirm) implements Confirmable {
    }

    private GroupManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_access_group_manage",
                        "Create, update or delete (confirm) a user group.",
                        Input.class, ToolHints.DESTRUCTIVE, GroupManage::handle)
                .confirmWhen(in -> in.action() == Action.delete);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        AccessClient client = context.bean(AccessClient.class);
        String groupid = input.groupid();
        Fields fields = Fields.of("action=" + input.action()).with("comment", input.comment());
        return switch (input.action()) {
            case create -> {
                fields.allow("comment").nonEmpty("comment");
                yield client.createGroup(Params.create().put("groupid", groupid).put("comment", input.comment()).map())
                        .thenReturn(ToolResult.ok("group " + groupid + " created"));
            }
            case update -> {
                fields.allow("comment").require("comment").nonEmpty("comment");
                yield client.updateGroup(groupid, Params.create().put("comment", input.comment()).map())
                        .thenReturn(ToolResult.ok("group " + groupid + " updated: comment"));
            }
            case delete -> {
                fields.allow();
                yield client.deleteGroup(groupid).thenReturn(ToolResult.ok("group " + groupid
                        + " deleted, with its ACL entries"));
            }
        };
    }
}
