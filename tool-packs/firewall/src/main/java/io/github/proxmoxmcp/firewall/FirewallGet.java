package io.github.proxmoxmcp.firewall;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.PveResponse;
import io.github.proxmoxmcp.core.id.PveFormat;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.KeyValues;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_firewall_get}: the reads of one firewall (rules, options, aliases, IP sets, references) and the
 * cluster-wide lists (security groups, macros).
 */
final class FirewallGet {

    static final int DEFAULT_LIMIT = 100;

    enum View { rules, options, aliases, ipsets, refs, groups, macros }

    /** The view's description, which is also its grammar: Proxmox's path below the firewall. */
    static final String VIEWS = "rules[/POS]|options|aliases[/A]|ipsets[/S[/CIDR]]|refs|groups|macros";

    @Serdeable
    record Input(@JsonPropertyDescription(Place.ANY) String scope,
                 @JsonPropertyDescription(VIEWS) String view,
                 Integer limit) {
    }

    /** A view parsed and checked: what is read, and the position, name or CIDR of the one item it names. */
    record Sel(View view, Integer pos, String name, String cidr) {

        static Sel parse(String text) {
            if (text == null) {
                return new Sel(View.rules, null, null, null);
            }
            Slashed path = Slashed.of("view", text);
            View view;
            try {
                view = View.valueOf(path.head());
            } catch (IllegalArgumentException e) {
                throw new ToolInputException("view must be " + VIEWS + ", not '" + text + "'");
            }
            if (path.rest() == null) {
                return new Sel(view, null, null, null);
            }
            return switch (view) {
                case rules -> new Sel(view, path.position(), null, null);
                case aliases -> new Sel(view, null, path.id(PveFormat.FW_NAME), null);
                case ipsets -> new Sel(view, null, path.ipset(), path.cidr());
                default -> throw new ToolInputException("view " + view + " names nothing below it, not '" + text + "'");
            };
        }
    }

    private FirewallGet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_firewall_get",
                "Read a firewall, or the cluster's groups and macros.",
                Input.class, FirewallGet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Targets.atLeast(input.limit(), 1, "limit");
        Sel sel = Sel.parse(input.view());
        View view = sel.view();
        Place place = Place.parse(input.scope(), Scope.cluster);
        int limit = input.limit() == null ? DEFAULT_LIMIT : input.limit();
        FirewallClient client = context.bean(FirewallClient.class);
        return switch (view) {
            case groups, macros -> {
                Targets.check(place, EnumSet.of(Scope.cluster), view.name());
                yield view == View.groups
                        ? client.groups().map(r -> ToolResult.ok(list(r, "GROUP", "group", limit, "no security groups")))
                        : client.macros().map(r -> ToolResult.ok(macros(r, limit)));
            }
            case rules -> Targets.resolve(place, Targets.ALL, "rules", context).flatMap(t -> sel.pos() != null
                    ? client.rule(t.rules(), sel.pos()).map(r -> ToolResult.ok(KeyValues.of(r.data())))
                    : client.rules(t.rules()).map(r -> ToolResult.ok(RuleText.rules(r.list(), limit, "no rules in " + t.label()))));
            case options -> Targets.resolve(place, Targets.WITH_OPTIONS, "options", context)
                    .flatMap(t -> client.options(t.root()).map(r -> ToolResult.ok(KeyValues.of(r.data()))));
            case aliases -> Targets.resolve(place, Targets.CLUSTER_OR_GUEST, "aliases", context)
                    .flatMap(t -> sel.name() != null
                            ? client.alias(t.root(), sel.name()).map(r -> ToolResult.ok(KeyValues.of(r.data())))
                            : client.aliases(t.root()).map(r -> ToolResult.ok(aliases(r, limit, t))));
            case ipsets -> Targets.resolve(place, Targets.CLUSTER_OR_GUEST, "IP sets", context)
                    .flatMap(t -> ipsets(client, t, sel, limit));
            case refs -> Targets.resolve(place, Targets.CLUSTER_OR_GUEST, "refs", context)
                    .flatMap(t -> client.refs(t.root()).map(r -> ToolResult.ok(refs(r, limit, t))));
        };
    }

    private static Mono<ToolResult> ipsets(FirewallClient client, Target t, Sel sel, int limit) {
        if (sel.cidr() != null) {
            return client.entry(t.root(), sel.name(), sel.cidr()).map(r -> ToolResult.ok(KeyValues.of(r.data())));
        }
        if (sel.name() != null) {
            return client.ipsetEntries(t.root(), sel.name()).map(r -> {
                List<JsonNode> entries = sorted(r, e -> Json.text(e, "cidr", ""));
                if (entries.isEmpty()) {
                    return ToolResult.ok("IP set " + sel.name() + " of " + t.label() + " is empty");
                }
                Table table = Table.of("CIDR", "NOMATCH", "COMMENT");
                entries.forEach(e -> table.row(Json.text(e, "cidr"), Json.flag(e, "nomatch") ? "yes" : null,
                        Json.text(e, "comment")));
                return ToolResult.ok(RuleText.withDigest(table.render(limit), entries));
            });
        }
        return client.ipsets(t.root()).map(r -> ToolResult.ok(list(r, "NAME", "name", limit, "no IP sets in " + t.label())));
    }

    private static String aliases(PveResponse response, int limit, Target t) {
        List<JsonNode> aliases = sorted(response, a -> Json.text(a, "name", ""));
        if (aliases.isEmpty()) {
            return "no aliases in " + t.label();
        }
        Table table = Table.of("NAME", "CIDR", "COMMENT");
        aliases.forEach(a -> table.row(Json.text(a, "name"), Json.text(a, "cidr"), Json.text(a, "comment")));
        return RuleText.withDigest(table.render(limit), aliases);
    }

    /** References as a rule's source or dest writes them: {@code +scope/name} for an IP set, {@code scope/name} for an alias. */
    private static String refs(PveResponse response, int limit, Target t) {
        List<JsonNode> refs = response.list().stream()
                .sorted(Comparator.comparing((JsonNode r) -> Json.text(r, "type", ""))
                        .thenComparing(r -> Json.text(r, "scope", "")).thenComparing(r -> Json.text(r, "name", "")))
                .toList();
        if (refs.isEmpty()) {
            return "no IP sets or aliases to refer to from " + t.label();
        }
        Table table = Table.of("REF", "TYPE", "COMMENT");
        refs.forEach(r -> table.row((Json.text(r, "type", "").equals("ipset") ? "+" : "") + Json.text(r, "scope", "dc") + "/"
                + Json.text(r, "name"), Json.text(r, "type"), Json.text(r, "comment")));
        return table.render(limit);
    }

    private static String macros(PveResponse response, int limit) {
        Table table = Table.of("MACRO", "DESCRIPTION");
        sorted(response, m -> Json.text(m, "macro", "")).forEach(m -> table.row(Json.text(m, "macro"), Json.text(m, "descr")));
        return table.size() == 0 ? "no macros" : table.render(limit);
    }

    /** A named list (groups, IP sets): name and comment, then the digest. */
    private static String list(PveResponse response, String header, String field, int limit, String empty) {
        List<JsonNode> items = sorted(response, i -> Json.text(i, field, ""));
        if (items.isEmpty()) {
            return empty;
        }
        Table table = Table.of(header, "COMMENT");
        items.forEach(i -> table.row(Json.text(i, field), Json.text(i, "comment")));
        return RuleText.withDigest(table.render(limit), items);
    }

    private static List<JsonNode> sorted(PveResponse response, Function<JsonNode, String> key) {
        return response.list().stream().sorted(Comparator.comparing(key)).toList();
    }
}
