package io.github.proxmoxmcp.firewall;

import static io.github.proxmoxmcp.core.id.PveFormat.CIDR;
import static io.github.proxmoxmcp.core.id.PveFormat.FW_NAME;
import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.id.PveFormat;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_firewall_delete}: every firewall delete in one destructive tool, so the create and update tools
 * are not marked destructive. A rule at any scope, an alias, an IP set or one of its entries (cluster, guest),
 * or a security group (Proxmox refuses one that still has rules).
 */
final class FirewallDelete {

    enum Kind { rule, alias, ipset, entry, group }

    @Serdeable
    record Input(@NotNull Kind kind,
                 Scope scope,
                 @PveId(NODE) String node,
                 @PveId(VMID) Integer vmid,
                 @JsonPropertyDescription("vnet, group, alias or IP set") @PveId(FW_NAME) String name,
                 @Min(0) Integer pos,
                 @PveId(CIDR) String cidr,
                 @JsonPropertyDescription("ipset: also its entries") Boolean force,
                 String digest,
                 Boolean confirm) implements Scoped, Confirmable {
    }

    private FirewallDelete() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_firewall_delete",
                "Delete a firewall rule (pos), alias, IP set, entry (cidr) or security group (must be empty).",
                Input.class, ToolHints.DESTRUCTIVE, FirewallDelete::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Kind kind = input.kind();
        Scope scope = input.scope();
        boolean scopeName = scope == Scope.vnet || scope == Scope.group;
        given(input.pos(), "pos", kind, kind == Kind.rule);
        given(input.name(), "name", kind, kind != Kind.rule || scopeName);
        given(input.cidr(), "cidr", kind, kind == Kind.entry);
        if (input.force() != null && kind != Kind.ipset) {
            throw new ToolInputException("force is for kind=ipset");
        }
        if (input.digest() != null && (kind == Kind.ipset || kind == Kind.group)) {
            throw new ToolInputException("Proxmox takes no digest when deleting " + (kind == Kind.ipset ? "an IP set" : "a group"));
        }
        FirewallClient client = context.bean(FirewallClient.class);
        if (kind == Kind.group) {
            if (scope != null || input.node() != null || input.vmid() != null) {
                throw new ToolInputException("kind=group takes only the name: security groups are cluster-wide");
            }
            if (!PveFormat.FW_GROUP.matches(input.name())) {
                throw new ToolInputException("name: " + PveFormat.FW_GROUP.problem(input.name()));
            }
            return client.deleteGroup(input.name()).thenReturn(ToolResult.ok("security group " + input.name() + " deleted"));
        }
        if (scope == null) {
            throw new ToolInputException("scope is required for kind=" + kind);
        }
        Set<Scope> scopes = kind == Kind.rule ? Targets.ALL : Targets.CLUSTER_OR_GUEST;
        String what = switch (kind) {
            case rule -> "rules";
            case alias -> "aliases";
            default -> "IP sets";
        };
        return Targets.resolve(input, scope, scopes, what, context)
                .flatMap(t -> switch (kind) {
                    case rule -> client.deleteRule(t.rules(), input.pos(), input.digest()).thenReturn(ToolResult.ok("rule "
                            + input.pos() + " of " + t.label() + " deleted; the rules below it moved up one position"));
                    case alias -> client.deleteAlias(t.root(), input.name(), input.digest())
                            .thenReturn(ToolResult.ok("alias " + input.name() + " of " + t.label() + " deleted"));
                    case ipset -> client.deleteIpset(t.root(), input.name(), Boolean.TRUE.equals(input.force()) ? 1 : null)
                            .thenReturn(ToolResult.ok("IP set " + input.name() + " of " + t.label() + " deleted"
                                    + (Boolean.TRUE.equals(input.force()) ? " with its entries" : "")));
                    case entry -> client.removeEntry(t.root(), input.name(), input.cidr(), input.digest()).thenReturn(ToolResult.ok(
                            input.cidr() + " removed from IP set " + input.name() + " of " + t.label()));
                    case group -> throw new IllegalStateException("security groups are deleted above");
                });
    }

    /** A field the kind needs is there, one it does not take is not. */
    private static void given(Object value, String field, Kind kind, boolean needed) {
        if (needed && value == null) {
            throw new ToolInputException(field + " is required for kind=" + kind);
        }
        if (!needed && value != null) {
            throw new ToolInputException(field + " is not for kind=" + kind);
        }
    }
}
