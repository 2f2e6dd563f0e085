package io.github.proxmoxmcp.firewall;

import static io.github.proxmoxmcp.core.id.PveFormat.FW_GROUP;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_firewall_group_manage}: create or update a security group (cluster-wide). Its rules are edited
 * with {@code proxmox_firewall_rule_manage} at scope group; a rule of type group puts it into another rule list.
 * Proxmox renames a group with the existing name as {@code rename} and the new one as {@code group}, and changes
 * the rules that use it.
 */
final class GroupManage {

    enum Op { create, update }

    @Serdeable
    record Input(@NotNull Op op,
                 @NotNull @PveId(FW_GROUP) String name,
                 @PveId(FW_GROUP) String rename,
                 String comment) {
    }

    private GroupManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_firewall_group_manage",
                "Create or update a security group.",
                Input.class, ToolHints.WRITE, GroupManage::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        FirewallClient client = context.bean(FirewallClient.class);
        String group = "security group " + input.name();
        if (input.op() == Op.create) {
            if (input.rename() != null) {
                throw new ToolInputException("rename is for op=update");
            }
            return client.createGroup(Params.create().put("group", input.name()).put("comment", input.comment()).map())
                    .thenReturn(ToolResult.ok(group + " created"));
        }
        if (input.rename() == null && input.comment() == null) {
            throw new ToolInputException("op=update needs rename or comment");
        }
        String newName = input.rename() == null ? input.name() : input.rename();
        return client.createGroup(Params.create().put("group", newName).put("rename", input.name())
                        .put("comment", input.comment()).map())
                .thenReturn(ToolResult.ok(newName.equals(input.name()) ? group + " updated"
                        : group + " renamed to " + newName + ", and the rules using it"));
    }
}
