package io.github.proxmoxmcp.firewall;

import static io.github.proxmoxmcp.core.id.PveFormat.CIDR;
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
 * {@code proxmox_firewall_ipset_manage}: create or update an IP set of the cluster or a guest, or (with
 * {@code cidr}) add or update one of its entries. Proxmox renames a set with the existing name as {@code rename}
 * and the new one as {@code name}, and replaces an entry's nomatch and comment on update: both are handled here,
 * so a rename keeps the comment and an entry update keeps what it was not given.
 */
final class IpsetManage {

    enum Op { create, update }

    @Serdeable
    record Input(@NotNull Op op,
                 @NotNull @JsonPropertyDescription("cluster|guest/VMID") String scope,
                 @NotNull @PveId(FW_NAME) String name,
                 @PveId(CIDR) String cidr,
                 @PveId(FW_NAME) String rename,
                 String comment,
                 Boolean nomatch) {
    }

    private IpsetManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_firewall_ipset_manage",
                "Create or update an IP set, or with cidr its entry.",
                Input.class, ToolHints.WRITE, IpsetManage::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        check(input);
        FirewallClient client = context.bean(FirewallClient.class);
        return Targets.resolve(Place.parse(input.scope(), null), Targets.CLUSTER_OR_GUEST, "IP sets", context)
                .flatMap(t -> input.cidr() == null ? set(client, t, input) : entry(client, t, input));
    }

    private static void check(Input input) {
        if (input.cidr() != null && input.rename() != null) {
            throw new ToolInputException("rename is for the set itself: leave cidr out");
        }
        if (input.cidr() == null && input.nomatch() != null) {
            throw new ToolInputException("nomatch is for an entry: give its cidr");
        }
        if (input.op() == Op.create && input.rename() != null) {
            throw new ToolInputException("rename is for op=update");
        }
        if (input.op() == Op.update && input.comment() == null && input.rename() == null && input.nomatch() == null) {
            throw new ToolInputException("op=update needs " + (input.cidr() == null ? "rename or comment" : "nomatch or comment"));
        }
    }

    private static Mono<ToolResult> set(FirewallClient client, Target t, Input input) {
        String set = "IP set " + input.name() + " of " + t.label();
        if (input.op() == Op.create) {
            return client.createIpset(t.root(), Params.create().put("name", input.name()).put("comment", input.comment()).map())
                    .thenReturn(ToolResult.ok(set + " created"));
        }
        String newName = input.rename() == null ? input.name() : input.rename();
        return client.createIpset(t.root(), Params.create().put("name", newName).put("rename", input.name())
                        .put("comment", input.comment()).map())
                .thenReturn(ToolResult.ok(newName.equals(input.name()) ? set + " updated"
                        : set + " renamed to " + newName + "; rules naming +" + input.name() + " still name the old set"));
    }

    private static Mono<ToolResult> entry(FirewallClient client, Target t, Input input) {
        String entry = input.cidr() + " in IP set " + input.name() + " of " + t.label();
        if (input.op() == Op.create) {
            return client.addEntry(t.root(), input.name(), Params.create().put("cidr", input.cidr())
                            .put("nomatch", input.nomatch()).put("comment", input.comment()).map())
                    .thenReturn(ToolResult.ok(entry + " added" + (Boolean.TRUE.equals(input.nomatch()) ? " (nomatch)" : "")));
        }
        return client.entry(t.root(), input.name(), input.cidr()).flatMap(current -> {
            // Proxmox sets both nomatch and comment from the request: keep what was not given
            Params form = Params.create()
                    .put("nomatch", input.nomatch() != null ? input.nomatch() : Json.flag(current.data(), "nomatch"))
                    .put("comment", input.comment() != null ? input.comment() : Json.text(current.data(), "comment"))
                    .put("digest", Json.text(current.data(), "digest"));
            return client.updateEntry(t.root(), input.name(), input.cidr(), form.map())
                    .thenReturn(ToolResult.ok(entry + " updated"));
        });
    }
}
