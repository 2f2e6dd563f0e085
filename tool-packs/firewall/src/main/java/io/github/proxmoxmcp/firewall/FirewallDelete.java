package io.github.proxmoxmcp.firewall;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.id.PveFormat;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_firewall_delete}: every firewall delete in one destructive tool, so the create and update tools
 * are not marked destructive. The {@code item} names what goes, as Proxmox's path below the firewall does: a rule at
 * any scope ({@code rule/POS}), an alias or an IP set or one of its entries (cluster, guest: {@code alias/NAME},
 * {@code ipset/NAME}, {@code ipset/NAME/CIDR}), or a security group ({@code group/NAME}; Proxmox refuses one that
 * still has rules).
 */
final class FirewallDelete {

    enum Kind { rule, alias, ipset, entry, group }

    /** The item's description, which is also its grammar. */
    static final String ITEM = "rule/POS|alias/A|ipset/S[/CIDR]|group/G";

    @Serdeable
    record Input(@JsonPropertyDescription(Place.ANY) String scope,
                 @NotNull @JsonPropertyDescription(ITEM) String item,
                 Boolean force,
                 String digest,
                 Boolean confirm) implements Confirmable {
    }

    /** An item parsed and checked: its kind, and the name, position or CIDR its kind has. */
    record Item(Kind kind, String name, Integer pos, String cidr) {

        static Item parse(String text) {
            Slashed path = Slashed.of("item", text);
            String head = path.head();
            if (!head.equals("rule") && !head.equals("alias") && !head.equals("ipset") && !head.equals("group")) {
                throw new ToolInputException("item must be " + ITEM + ", not '" + text + "'");
            }
            if (path.rest() == null || path.rest().isEmpty()) {
                throw new ToolInputException("item " + head + " needs its " + (head.equals("rule") ? "position" : "name")
                        + ": " + ITEM);
            }
            return switch (head) {
                case "rule" -> new Item(Kind.rule, null, path.position(), null);
                case "group" -> new Item(Kind.group, path.id(PveFormat.FW_GROUP), null, null);
                case "alias" -> new Item(Kind.alias, path.id(PveFormat.FW_NAME), null, null);
                default -> {
                    String cidr = path.cidr();
                    yield new Item(cidr == null ? Kind.ipset : Kind.entry, path.ipset(), null, cidr);
                }
            };
        }
    }

    private FirewallDelete() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_firewall_delete",
                "Delete a rule, alias, IP set (force: with entries), entry or empty group.",
                Input.class, ToolHints.DESTRUCTIVE, FirewallDelete::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Item item = Item.parse(input.item());
        Kind kind = item.kind();
        if (input.force() != null && kind != Kind.ipset) {
            throw new ToolInputException("force is for an IP set: item ipset/NAME");
        }
        if (input.digest() != null && (kind == Kind.ipset || kind == Kind.group)) {
            throw new ToolInputException("Proxmox takes no digest when deleting " + (kind == Kind.ipset ? "an IP set" : "a group"));
        }
        FirewallClient client = context.bean(FirewallClient.class);
        if (kind == Kind.group) {
            if (input.scope() != null) {
                throw new ToolInputException("item group/… takes no scope: security groups are cluster-wide");
            }
            return client.deleteGroup(item.name()).thenReturn(ToolResult.ok("security group " + item.name() + " deleted"));
        }
        if (input.scope() == null) {
            throw new ToolInputException("scope is required for item " + kind + "/…");
        }
        Place place = Place.parse(input.scope(), null);
        Set<Scope> scopes = kind == Kind.rule ? Targets.ALL : Targets.CLUSTER_OR_GUEST;
        String what = switch (kind) {
            case rule -> "rules";
            case alias -> "aliases";
            default -> "IP sets";
        };
        return Targets.resolve(place, scopes, what, context)
                .flatMap(t -> switch (kind) {
                    case rule -> client.deleteRule(t.rules(), item.pos(), input.digest()).thenReturn(ToolResult.ok("rule "
                            + item.pos() + " of " + t.label() + " deleted; the rules below it moved up one position"));
                    case alias -> client.deleteAlias(t.root(), item.name(), input.digest())
                            .thenReturn(ToolResult.ok("alias " + item.name() + " of " + t.label() + " deleted"));
                    case ipset -> client.deleteIpset(t.root(), item.name(), Boolean.TRUE.equals(input.force()) ? 1 : null)
                            .thenReturn(ToolResult.ok("IP set " + item.name() + " of " + t.label() + " deleted"
                                    + (Boolean.TRUE.equals(input.force()) ? " with its entries" : "")));
                    case entry -> client.removeEntry(t.root(), item.name(), item.cidr(), input.digest()).thenReturn(ToolResult.ok(
                            item.cidr() + " removed from IP set " + item.name() + " of " + t.label()));
                    case group -> throw new IllegalStateException("security groups are deleted above");
                });
    }

}
