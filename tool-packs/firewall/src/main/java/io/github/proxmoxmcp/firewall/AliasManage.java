package io.github.proxmoxmcp.firewall;

import static io.github.proxmoxmcp.core.id.PveFormat.FW_NAME;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
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
 * {@code proxmox_firewall_alias_manage}: create or update a named address of the cluster or a guest. Proxmox
 * rebuilds an alias from the update request alone (cidr required, a comment left out is dropped), so an update
 * reads the alias first and resends what it was not given, guarded by the digest it read.
 */
final class AliasManage {

    enum Op { create, update }

    @Serdeable
    record Input(@NotNull Op op,
                 @NotNull @JsonPropertyDescription("cluster|guest/VMID") String scope,
                 @NotNull @PveId(FW_NAME) String name,
                 String cidr,
                 @PveId(FW_NAME) String rename,
                 String comment) {
    }

    private AliasManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_firewall_alias_manage",
                "Create (cidr) or update an alias.",
                Input.class, ToolHints.WRITE, AliasManage::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        if (input.op() == Op.create && (input.cidr() == null || input.rename() != null)) {
            throw new ToolInputException("op=create takes name, cidr and comment");
        }
        if (input.op() == Op.update && input.cidr() == null && input.rename() == null && input.comment() == null) {
            throw new ToolInputException("op=update needs cidr, rename or comment");
        }
        FirewallClient client = context.bean(FirewallClient.class);
        return Targets.resolve(Place.parse(input.scope(), null), Targets.CLUSTER_OR_GUEST, "aliases", context).flatMap(t -> {
            String alias = "alias " + input.name() + " of " + t.label();
            if (input.op() == Op.create) {
                return client.createAlias(t.root(), Params.create().put("name", input.name()).put("cidr", input.cidr())
                        .put("comment", input.comment()).map()).thenReturn(ToolResult.ok(alias + " created: " + input.cidr()));
            }
            return client.alias(t.root(), input.name()).flatMap(current -> client.updateAlias(t.root(), input.name(),
                            Params.create()
                                    .put("cidr", input.cidr() != null ? input.cidr() : Json.text(current.data(), "cidr"))
                                    .put("comment", input.comment() != null ? input.comment()
                                            : Json.text(current.data(), "comment"))
                                    .put("rename", input.rename())
                                    .put("digest", Json.text(current.data(), "digest"))
                                    .map()))
                    .thenReturn(ToolResult.ok(input.rename() == null ? alias + " updated"
                            : alias + " renamed to " + input.rename() + "; rules naming " + input.name()
                                    + " still name the old alias"));
        });
    }
}
