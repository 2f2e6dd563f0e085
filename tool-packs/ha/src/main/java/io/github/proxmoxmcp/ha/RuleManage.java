package io.github.proxmoxmcp.ha;

import static io.github.proxmoxmcp.core.id.PveFormat.HA_ID;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveFormat;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_ha_rule_manage}: where HA resources may run. On PVE 9 an HA rule: node-affinity when it has nodes
 * (run on these nodes, highest priority first; strict: nowhere else), resource-affinity when it has an affinity
 * (positive: together, negative: apart). On PVE 8 an HA group (nodes by priority; restricted: nowhere else), which
 * a resource joins through its group setting. The rule type is never asked for: it follows from the fields given,
 * or from the rule itself on update.
 */
final class RuleManage {

    enum Action { create, update, delete }

    enum Affinity { positive, negative }

    static final String NODE_AFFINITY = "node-affinity";
    static final String RESOURCE_AFFINITY = "resource-affinity";

    @Serdeable
    record Input(@NotNull Action action,
                 @PveId(HA_ID) String rule,
                 @PveId(HA_ID) String group,
                 String resources,
                 String nodes,
                 Boolean strict,
                 Affinity affinity,
                 Boolean restricted,
                 Boolean nofailback,
                 Boolean disable,
                 String comment,
                 Boolean confirm) implements Confirmable {
    }

    private RuleManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_ha_rule_manage",
                        "Create/update/delete (confirm) an HA rule (PVE 9; nodes pve1:2,pve2 or affinity) or group "
                                + "(PVE 8).",
                        Input.class, ToolHints.DESTRUCTIVE, RuleManage::handle)
                .confirmWhen(in -> in.action() == Action.delete);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        if (input.rule() == null && input.group() == null) {
            return Placement.refuse(context, "rule is required", "group is required");
        }
        if (input.rule() != null && input.group() != null) {
            return Placement.refuse(context, "give rule, not group", "give group, not rule");
        }
        checkNodes(input.nodes());
        checkResources(input.resources());
        if (input.action() == Action.delete && !given(input).isEmpty()) {
            throw new ToolInputException("action=delete does not take " + String.join(", ", given(input)));
        }
        if (input.action() == Action.update && given(input).isEmpty()) {
            throw new ToolInputException("action=update needs a setting to change");
        }
        return input.rule() != null ? rule(input, context) : group(input, context);
    }

    // PVE 9 rules

    private static Mono<ToolResult> rule(Input input, ToolContext context) {
        refuse(input, List.of("restricted", "nofailback"), "a rule (restricted is strict there)");
        String id = input.rule();
        HaClient client = context.bean(HaClient.class);
        Mono<Placement> rules = Placement.require(Placement.RULES, context,
                "give group instead of rule (nodes, restricted, nofailback); resources join it with their group setting");
        if (input.action() == Action.delete) {
            return rules.then(Mono.defer(() -> client.deleteRule(id))).thenReturn(ToolResult.ok("HA rule " + id + " deleted"));
        }
        if (input.nodes() != null && input.affinity() != null) {
            throw new ToolInputException("a rule has nodes (node-affinity) or affinity (resource-affinity), not both");
        }
        String implied = input.nodes() != null || input.strict() != null ? NODE_AFFINITY
                : input.affinity() != null ? RESOURCE_AFFINITY : null;
        if (input.action() == Action.create) {
            if (implied == null) {
                throw new ToolInputException("action=create needs nodes (node-affinity) or affinity (resource-affinity)");
            }
            if (input.resources() == null) {
                throw new ToolInputException("resources is required for action=create, e.g. vm:100,ct:101");
            }
            if (implied.equals(NODE_AFFINITY) && input.nodes() == null) {
                throw new ToolInputException("nodes is required for a node-affinity rule, e.g. pve1:2,pve2:1");
            }
            if (input.comment() != null && input.comment().isEmpty()) {
                throw new ToolInputException("action=create: leave comment out instead of giving it empty");
            }
        }
        Mono<String> type = input.action() == Action.create ? Mono.just(implied)
                : Mono.defer(() -> client.rule(id)).map(r -> Json.text(r.dataOrNull(), "type", ""));
        return rules.then(type).flatMap(ruleType -> {
            if (implied != null && !implied.equals(ruleType)) {
                throw new ToolInputException(id + " is a " + ruleType + " rule: "
                        + (ruleType.equals(NODE_AFFINITY) ? "affinity is for resource-affinity rules"
                        : "nodes and strict are for node-affinity rules"));
            }
            Params form = Params.create().put("type", ruleType).put("resources", input.resources())
                    .put("nodes", input.nodes()).put("strict", input.strict()).put("affinity", input.affinity())
                    .put("disable", input.disable()).put("comment", blankToNull(input.comment()));
            return input.action() == Action.create
                    ? client.createRule(Params.create().put("rule", id).putAll(form.map()).map())
                            .thenReturn(ToolResult.ok("HA rule " + id + " (" + ruleType + ") created"))
                    : client.updateRule(id, form.delete(cleared(input)).map())
                            .thenReturn(ToolResult.ok("HA rule " + id + " updated"));
        });
    }

    // PVE 8 groups

    private static Mono<ToolResult> group(Input input, ToolContext context) {
        refuse(input, List.of("resources", "strict", "affinity", "disable"),
                "a group (resources join it with proxmox_ha_resource_manage group=" + input.group() + ")");
        String id = input.group();
        HaClient client = context.bean(HaClient.class);
        Mono<Placement> groups = Placement.require(Placement.GROUPS, context,
                "give rule instead of group: a node-affinity rule (nodes, strict, resources) replaces a group");
        Params form = Params.create().put("nodes", input.nodes()).put("restricted", input.restricted())
                .put("nofailback", input.nofailback()).put("comment", blankToNull(input.comment()));
        return switch (input.action()) {
            case create -> {
                if (input.nodes() == null) {
                    throw new ToolInputException("nodes is required for action=create, e.g. pve1:2,pve2:1");
                }
                if (!cleared(input).isEmpty()) {
                    throw new ToolInputException("action=create: leave comment out instead of giving it empty");
                }
                yield groups.then(Mono.defer(() -> client.createGroup(Params.create().put("group", id).putAll(form.map()).map())))
                        .thenReturn(ToolResult.ok("HA group " + id + " created; resources join it with "
                                + "proxmox_ha_resource_manage group=" + id));
            }
            case update -> groups.then(Mono.defer(() -> client.updateGroup(id, form.delete(cleared(input)).map())))
                    .thenReturn(ToolResult.ok("HA group " + id + " updated"));
            case delete -> groups.then(Mono.defer(() -> client.deleteGroup(id)))
                    .thenReturn(ToolResult.ok("HA group " + id + " deleted"));
        };
    }

    // checks that need no request

    /** pve-ha-node-list: comma-separated node names, each optionally {@code :priority}. */
    private static void checkNodes(String nodes) {
        if (nodes == null) {
            return;
        }
        for (String node : nodes.split(",", -1)) {
            int colon = node.indexOf(':');
            String name = colon < 0 ? node : node.substring(0, colon);
            boolean priority = colon < 0 || node.substring(colon + 1).matches("[0-9]{1,9}");
            if (!PveFormat.NODE.matches(name) || !priority) {
                throw new ToolInputException("nodes: give node or node:priority, comma-separated, e.g. pve1:2,pve2; got '"
                        + node + "'");
            }
        }
    }

    /** pve-ha-resource-id-list: rules name resources with their type, the plain-VMID shortcut is not taken there. */
    private static void checkResources(String resources) {
        if (resources == null) {
            return;
        }
        for (String sid : resources.split(",", -1)) {
            if (!PveFormat.HA_SID.matches(sid) || !sid.contains(":")) {
                throw new ToolInputException("resources: give vm:VMID or ct:VMID, comma-separated, e.g. vm:100,ct:101; got '"
                        + sid + "'");
            }
        }
    }

    private static void refuse(Input input, List<String> fields, String what) {
        List<String> stray = given(input).stream().filter(fields::contains).toList();
        if (!stray.isEmpty()) {
            throw new ToolInputException(String.join(", ", stray) + ": not settings of " + what);
        }
    }

    /** The settings given, by name. */
    private static List<String> given(Input input) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("resources", input.resources());
        values.put("nodes", input.nodes());
        values.put("strict", input.strict());
        values.put("affinity", input.affinity());
        values.put("restricted", input.restricted());
        values.put("nofailback", input.nofailback());
        values.put("disable", input.disable());
        values.put("comment", input.comment());
        List<String> given = new ArrayList<>();
        values.forEach((name, value) -> {
            if (value != null) {
                given.add(name);
            }
        });
        return given;
    }

    /** An empty comment clears it: Proxmox clears a setting with {@code delete}, not with an empty value. */
    private static List<String> cleared(Input input) {
        return input.comment() != null && input.comment().isEmpty() ? List.of("comment") : List.of();
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
