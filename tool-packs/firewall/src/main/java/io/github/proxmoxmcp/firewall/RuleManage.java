package io.github.proxmoxmcp.firewall;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.client.ProxmoxApiException;
import io.github.proxmoxmcp.core.client.ProxmoxErrors;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_firewall_rule_manage}: create, update or move one rule of any rule list (deleting is
 * {@code proxmox_firewall_delete}). Proxmox inserts a new rule at the top, and moves a rule in front of the one
 * at {@code moveto}; here {@code pos} and {@code moveto} are the positions the rule ends at, translated after
 * reading how many rules there are. An empty value clears a field on update, as Proxmox takes it.
 */
final class RuleManage {

    enum Op { create, update, move }

    /** The rule fields, by Proxmox name, in the order a rule is written. */
    static final List<String> FIELDS = List.of("type", "action", "macro", "proto", "dport", "sport", "source", "dest", "iface",
            "log", "icmp-type", "comment", "enable");
    static final Set<String> TYPES = Set.of("in", "out", "forward", "group");

    @Serdeable
    record Input(@NotNull Op op,
                 @NotNull @JsonPropertyDescription(Place.ANY) String scope,
                 Integer pos,
                 Integer moveto,
                 @JsonPropertyDescription("Proxmox rule fields; \"\" clears")
                 Map<String, Object> rule,
                 String digest) {
    }

    private RuleManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_firewall_rule_manage",
                "Create (at pos, default 0), update or move the rule at pos.",
                Input.class, ToolHints.WRITE, RuleManage::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Targets.atLeast(input.pos(), 0, "pos");
        Targets.atLeast(input.moveto(), 0, "moveto");
        Map<String, String> fields = fields(input);
        check(input, fields);
        FirewallClient client = context.bean(FirewallClient.class);
        return Targets.resolve(Place.parse(input.scope(), null), Targets.ALL, "rules", context).flatMap(t -> switch (input.op()) {
            case create -> create(client, t, input, fields, context);
            case update -> client.updateRule(t.rules(), input.pos(), Params.create().putAll(fields)
                            .put("digest", input.digest()).map())
                    .thenReturn(ToolResult.ok("rule " + input.pos() + " of " + t.label() + " updated"));
            case move -> move(client, t, input);
        });
    }

    /** The rule fields given, checked and in wire form. */
    private static Map<String, String> fields(Input input) {
        Map<String, Object> rule = input.rule() == null ? Map.of() : input.rule();
        Set<String> unknown = new TreeSet<>(rule.keySet());
        FIELDS.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new ToolInputException("rule." + String.join(", rule.", unknown) + ": not a rule field; they are " + FIELDS);
        }
        Params params = Params.create();
        for (String field : FIELDS) {
            Object value = rule.get(field);
            if (value == null) {
                continue;
            }
            if (field.equals("enable") ? !(value instanceof Boolean) : !(value instanceof String || value instanceof Number)) {
                throw new ToolInputException("rule." + field + " must be " + (field.equals("enable") ? "true or false" : "a string"));
            }
            if (field.equals("type") && !TYPES.contains(value)) {
                throw new ToolInputException("rule.type must be one of " + new TreeSet<>(TYPES) + ", not " + value);
            }
            params.put(field, value);
        }
        return params.map();
    }

    private static void check(Input input, Map<String, String> fields) {
        Op op = input.op();
        if (op != Op.create && input.pos() == null) {
            throw new ToolInputException("pos is required for op=" + op + " (list the rules with proxmox_firewall_get)");
        }
        if (op != Op.move && input.moveto() != null) {
            throw new ToolInputException("moveto is for op=move");
        }
        switch (op) {
            case create -> {
                if (!fields.containsKey("type") || !fields.containsKey("action")) {
                    throw new ToolInputException("op=create needs rule type and action");
                }
            }
            case update -> {
                if (fields.isEmpty()) {
                    throw new ToolInputException("op=update needs a rule field to change");
                }
            }
            case move -> {
                if (!fields.isEmpty()) {
                    throw new ToolInputException("op=move takes no rule fields: " + fields.keySet());
                }
                if (input.moveto() == null) {
                    throw new ToolInputException("op=move needs moveto");
                }
            }
        }
    }

    private static Mono<ToolResult> create(FirewallClient client, Target t, Input input, Map<String, String> fields,
                                           ToolContext context) {
        // Proxmox (and its GUI) creates rules disabled; a rule asked for here is meant to work
        Map<String, String> form = Params.create().putAll(fields).put("enable", fields.containsKey("enable") ? null : 1)
                .put("digest", input.digest()).map();
        String what = RuleText.summary(form);
        int wanted = input.pos() == null ? 0 : input.pos();
        if (wanted == 0) {
            return client.createRule(t.rules(), form)
                    .thenReturn(ToolResult.ok("rule created at position 0 of " + t.label() + ": " + what));
        }
        return client.rules(t.rules()).map(r -> r.list().size()).flatMap(count -> {
            int at = Math.min(wanted, count);
            String where = at < wanted ? at + " (the end)" : Integer.toString(at);
            if (at == 0) {
                return client.createRule(t.rules(), form)
                        .thenReturn(ToolResult.ok("rule created at position 0 (the only one) of " + t.label() + ": " + what));
            }
            return client.createRule(t.rules(), form).then(client.updateRule(t.rules(), 0,
                            Params.create().put("moveto", at + 1).map())
                    .map(moved -> ToolResult.ok("rule created at position " + where + " of " + t.label() + ": " + what))
                    .onErrorResume(e -> Mono.just(ToolResult.error("rule created at position 0 of " + t.label() + ": " + what
                            + ", but not moved to " + where + ": " + message(e, context)))));
        });
    }

    private static Mono<ToolResult> move(FirewallClient client, Target t, Input input) {
        int from = input.pos();
        int to = input.moveto();
        return client.rules(t.rules()).flatMap(r -> {
            List<JsonNode> rules = r.list();
            if (from >= rules.size() || to >= rules.size()) {
                return Mono.just(ToolResult.error(rules.isEmpty() ? t.label() + " has no rules; nothing was moved"
                        : t.label() + " has " + rules.size() + " rules, at positions 0 to " + (rules.size() - 1)
                        + "; pos and moveto must be among them. Nothing was moved."));
            }
            if (from == to) {
                return Mono.just(ToolResult.ok("rule " + from + " of " + t.label() + " is already at position " + to));
            }
            String digest = input.digest() != null ? input.digest() : Json.text(rules.getFirst(), "digest");
            // Proxmox puts the rule in front of the one now at moveto: moving down, that is one further
            return client.updateRule(t.rules(), from, Params.create().put("moveto", to > from ? to + 1 : to)
                            .put("digest", digest).map())
                    .thenReturn(ToolResult.ok("rule " + from + " of " + t.label() + " moved to position " + to));
        });
    }

    private static String message(Throwable e, ToolContext context) {
        ProxmoxApiException api = ProxmoxErrors.map(e, context.bean(JsonMapper.class));
        return api.userMessage();
    }
}
