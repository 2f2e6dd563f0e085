package io.github.proxmoxmcp.firewall;

import static io.github.proxmoxmcp.core.id.PveFormat.CIDR;
import static io.github.proxmoxmcp.core.id.PveFormat.FW_NAME;
import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.PveResponse;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.KeyValues;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
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

    @Serdeable
    record Input(@JsonPropertyDescription("Default cluster") Scope scope,
                 @PveId(NODE) String node,
                 @PveId(VMID) Integer vmid,
                 @JsonPropertyDescription("vnet, group, alias or IP set") @PveId(FW_NAME) String name,
                 View view,
                 @Min(0) Integer pos,
                 @PveId(CIDR) String cidr,
                 @Min(1) Integer limit) implements Scoped {
    }

    private FirewallGet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_firewall_get",
                "Read a firewall: rules (pos: one), options, aliases, ipsets (name: entries), refs; groups, macros.",
                Input.class, FirewallGet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        View view = input.view() == null ? View.rules : input.view();
        Scope scope = input.scope() == null ? Scope.cluster : input.scope();
        int limit = input.limit() == null ? DEFAULT_LIMIT : input.limit();
        if (input.pos() != null && view != View.rules) {
            throw new ToolInputException("pos is for view=rules");
        }
        if (input.cidr() != null && (view != View.ipsets || input.name() == null)) {
            throw new ToolInputException("cidr is for view=ipsets with the name of the IP set");
        }
        boolean scopeName = scope == Scope.vnet || scope == Scope.group;
        if (input.name() != null && !scopeName && view != View.aliases && view != View.ipsets) {
            throw new ToolInputException("name is for view=aliases or view=ipsets, or the vnet or group of that scope");
        }
        FirewallClient client = context.bean(FirewallClient.class);
        return switch (view) {
            case groups, macros -> {
                Targets.check(input, scope, EnumSet.of(Scope.cluster), view.name());
                if (input.name() != null) {
                    throw new ToolInputException("view=" + view + " takes no name");
                }
                yield view == View.groups
                        ? client.groups().map(r -> ToolResult.ok(list(r, "GROUP", "group", limit, "no security groups")))
                        : client.macros().map(r -> ToolResult.ok(macros(r, limit)));
            }
            case rules -> Targets.resolve(input, scope, Targets.ALL, "rules", context).flatMap(t -> input.pos() != null
                    ? client.rule(t.rules(), input.pos()).map(r -> ToolResult.ok(KeyValues.of(r.data())))
                    : client.rules(t.rules()).map(r -> ToolResult.ok(RuleText.rules(r.list(), limit, "no rules in " + t.label()))));
            case options -> Targets.resolve(input, scope, Targets.WITH_OPTIONS, "options", context)
                    .flatMap(t -> client.options(t.root()).map(r -> ToolResult.ok(KeyValues.of(r.data()))));
            case aliases -> Targets.resolve(input, scope, Targets.CLUSTER_OR_GUEST, "aliases", context)
                    .flatMap(t -> input.name() != null
                            ? client.alias(t.root(), input.name()).map(r -> ToolResult.ok(KeyValues.of(r.data())))
                            : client.aliases(t.root()).map(r -> ToolResult.ok(aliases(r, limit, t))));
            case ipsets -> Targets.resolve(input, scope, Targets.CLUSTER_OR_GUEST, "IP sets", context)
                    .flatMap(t -> ipsets(client, t, input, limit));
            case refs -> Targets.resolve(input, scope, Targets.CLUSTER_OR_GUEST, "refs", context)
                    .flatMap(t -> client.refs(t.root()).map(r -> ToolResult.ok(refs(r, limit, t))));
        };
    }

    private static Mono<ToolResult> ipsets(FirewallClient client, Target t, Input input, int limit) {
        if (input.cidr() != null) {
            return client.entry(t.root(), input.name(), input.cidr()).map(r -> ToolResult.ok(KeyValues.of(r.data())));
        }
        if (input.name() != null) {
            return client.ipsetEntries(t.root(), input.name()).map(r -> {
                List<JsonNode> entries = sorted(r, e -> Json.text(e, "cidr", ""));
                if (entries.isEmpty()) {
                    return ToolResult.ok("IP set " + input.name() + " of " + t.label() + " is empty");
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
