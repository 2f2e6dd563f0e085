package io.github.proxmoxmcp.ha;

import static io.github.proxmoxmcp.core.id.PveFormat.HA_ID;
import static io.github.proxmoxmcp.core.id.PveFormat.HA_SID;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import reactor.core.publisher.Mono;

/** {@code proxmox_ha_config_get}: HA resources, and placement rules (PVE 9) or groups (PVE 8); or one of them. */
final class ConfigGet {

    enum View { resources, rules, groups }

    @Serdeable
    record Input(View view, @PveId(HA_SID) String sid, @PveId(HA_ID) String rule, @PveId(HA_ID) String group) {
    }

    private ConfigGet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_ha_config_get",
                "HA resources, rules (PVE 9) or groups (PVE 8); sid/rule/group: that one; view=rules + sid: its rules.",
                Input.class, ConfigGet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        View view = view(input);
        HaClient client = context.bean(HaClient.class);
        return switch (view) {
            case resources -> input.sid() != null
                    ? client.resource(input.sid()).map(ConfigGet::config)
                    : client.resources().map(r -> ToolResult.ok(resources(r.list())));
            case rules -> Placement.require(Placement.RULES, context, "use view=groups")
                    .then(Mono.defer(() -> input.rule() != null
                            ? client.rule(input.rule()).map(ConfigGet::config)
                            : client.rules(Params.create().put("resource", input.sid()).map())
                                    .map(r -> ToolResult.ok(rules(r.list())))));
            case groups -> Placement.require(Placement.GROUPS, context, "use view=rules")
                    .then(Mono.defer(() -> input.group() != null
                            ? client.group(input.group()).map(ConfigGet::config)
                            : client.groups().map(r -> ToolResult.ok(groups(r.list())))));
        };
    }

    /** The view given, else the one the id given belongs to, else resources; a stray id is an error, not ignored. */
    private static View view(Input input) {
        if (input.rule() != null && input.group() != null) {
            throw new ToolInputException("give rule or group, not both");
        }
        View implied = input.rule() != null ? View.rules : input.group() != null ? View.groups : View.resources;
        View view = input.view() == null ? implied : input.view();
        if (input.rule() != null && view != View.rules || input.group() != null && view != View.groups) {
            throw new ToolInputException((input.rule() != null ? "rule" : "group") + " goes with view=" + implied);
        }
        if (input.sid() != null && view == View.groups) {
            throw new ToolInputException("sid goes with view=resources or view=rules");
        }
        if (input.sid() != null && input.rule() != null) {
            throw new ToolInputException("give rule (one rule) or sid (the rules using it), not both");
        }
        return view;
    }

    /** One resource, rule or group: its settings without the digest, which no tool takes. */
    private static ToolResult config(PveResponse response) {
        JsonNode data = response.dataOrNull();
        if (!data.isObject()) {
            return ToolResult.ok(KeyValues.of(data));
        }
        Map<String, JsonNode> shown = new LinkedHashMap<>();
        data.entries().forEach(e -> shown.put(e.getKey(), e.getValue()));
        shown.remove("digest");
        return ToolResult.ok(KeyValues.of(JsonNode.createObjectNode(shown)));
    }

    // resources, rules, groups

    static String resources(List<JsonNode> resources) {
        if (resources.isEmpty()) {
            return "no HA resources";
        }
        return ResourceTable.render(resources, List.of("SID", "STATE", "RESTART", "RELOCATE"),
                r -> List.of(Json.text(r, "sid", "-"), Json.text(r, "state", "started"), Json.text(r, "max_restart", "1"),
                        Json.text(r, "max_relocate", "1")));
    }

    static String rules(List<JsonNode> rules) {
        if (rules.isEmpty()) {
            return "no HA rules";
        }
        Table table = Table.of("RULE", "TYPE", "RESOURCES", "NODES", "STRICT", "AFFINITY", "ENABLED", "COMMENT");
        List<String> problems = new ArrayList<>();
        for (JsonNode r : rules) {
            boolean nodeAffinity = "node-affinity".equals(Json.text(r, "type"));
            table.row(Json.text(r, "rule"), Json.text(r, "type"), Json.text(r, "resources"), Json.text(r, "nodes"),
                    nodeAffinity ? Text.yesNo(r, "strict") : null, Json.text(r, "affinity"),
                    Json.flag(r, "disable") ? "no" : "yes", Json.text(r, "comment"));
            JsonNode errors = Json.field(r, "errors");
            if (errors != null && errors.isObject() && errors.size() > 0) {
                StringJoiner why = new StringJoiner("; ");
                errors.entries().forEach(e -> why.add(e.getKey() + ": " + messages(e.getValue())));
                problems.add("rule " + Json.text(r, "rule") + " is not applied: " + why);
            }
        }
        String text = table.render();
        return problems.isEmpty() ? text : text + "\n" + String.join("\n", problems);
    }

    static String groups(List<JsonNode> groups) {
        if (groups.isEmpty()) {
            return "no HA groups";
        }
        Table table = Table.of("GROUP", "NODES", "RESTRICTED", "NOFAILBACK", "COMMENT");
        groups.forEach(g -> table.row(Json.text(g, "group"), Json.text(g, "nodes"), Text.yesNo(g, "restricted"),
                Text.yesNo(g, "nofailback"), Json.text(g, "comment")));
        return table.render();
    }

    private static String messages(JsonNode value) {
        if (value.isArray()) {
            StringJoiner all = new StringJoiner(", ");
            value.values().forEach(v -> all.add(v.coerceStringValue()));
            return all.toString();
        }
        return Text.value(value);
    }

}
