package io.github.proxmoxmcp.ha;

import static io.github.proxmoxmcp.core.id.PveFormat.HA_SID;

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
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_ha_resource_manage}: put a guest under HA, change its HA settings, or take it out of HA (the guest
 * itself is left as it is). An empty comment or group clears it.
 */
final class ResourceManage {

    enum Action { add, update, remove }

    enum State { started, stopped, disabled, ignored }

    @Serdeable
    record Input(@NotNull Action action,
                 @NotNull @PveId(HA_SID) String sid,
                 State state,
                 Integer max_restart,
                 Integer max_relocate,
                 String comment,
                 Boolean failback,
                 String group,
                 Boolean confirm) implements Confirmable {
    }

    private ResourceManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_ha_resource_manage",
                        "Add a guest to HA (sid vm:100), update (\"\" clears) or remove it (confirm). group: PVE 8, "
                                + "failback: PVE 9.",
                        Input.class, ToolHints.DESTRUCTIVE, ResourceManage::handle)
                .confirmWhen(in -> in.action() == Action.remove);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        check(input);
        HaClient client = context.bean(HaClient.class);
        String sid = input.sid();
        return version(input, context).then(Mono.defer(() -> switch (input.action()) {
            case add -> client.createResource(Params.create().put("sid", sid).putAll(settings(input).map()).map())
                    .thenReturn(ToolResult.ok("HA resource " + sid + " added"));
            case update -> client.updateResource(sid, settings(input).delete(cleared(input)).map())
                    .thenReturn(ToolResult.ok("HA resource " + sid + " updated"));
            case remove -> client.deleteResource(sid, Params.create().map())
                    .thenReturn(ToolResult.ok("HA resource " + sid + " removed; the guest itself is unchanged"));
        }));
    }

    private static void check(Input input) {
        for (var count : java.util.Map.of("max_restart", nonNull(input.max_restart()), "max_relocate",
                nonNull(input.max_relocate())).entrySet()) {
            if (count.getValue() < 0) {
                throw new ToolInputException(count.getKey() + " must be 0 or more");
            }
        }
        if (input.group() != null && !input.group().isEmpty() && !PveFormat.HA_ID.matches(input.group())) {
            throw new ToolInputException("group " + PveFormat.HA_ID.problem(input.group()));
        }
        boolean changes = !settings(input).isEmpty() || !cleared(input).isEmpty();
        switch (input.action()) {
            case add -> {
                if (!cleared(input).isEmpty()) {
                    throw new ToolInputException("action=add: leave out " + String.join(" and ", cleared(input))
                            + " instead of giving it empty");
                }
            }
            case update -> {
                if (!changes) {
                    throw new ToolInputException("action=update needs a setting to change");
                }
            }
            case remove -> {
                if (changes) {
                    throw new ToolInputException("action=remove takes only sid and confirm");
                }
            }
        }
    }

    /** group exists on PVE 8 only, failback on PVE 9 only: the version is read only when one of them is given. */
    private static Mono<Placement> version(Input input, ToolContext context) {
        if (input.group() != null) {
            return Placement.require(Placement.GROUPS, context,
                    "leave group out and place the resource with a node-affinity rule (proxmox_ha_rule_manage)");
        }
        if (input.failback() != null) {
            return Placement.require(Placement.RULES, context,
                    "leave failback out; nofailback on the resource's group does the same (proxmox_ha_rule_manage)");
        }
        return Mono.empty();
    }

    /** The settings given with a value, in wire form. */
    private static Params settings(Input input) {
        return Params.create().put("state", input.state()).put("max_restart", input.max_restart())
                .put("max_relocate", input.max_relocate()).put("comment", blankToNull(input.comment()))
                .put("failback", input.failback()).put("group", blankToNull(input.group()));
    }

    /** The text settings given empty: Proxmox clears a setting with {@code delete}, not with an empty value. */
    private static List<String> cleared(Input input) {
        List<String> cleared = new ArrayList<>();
        if (input.comment() != null && input.comment().isEmpty()) {
            cleared.add("comment");
        }
        if (input.group() != null && input.group().isEmpty()) {
            cleared.add("group");
        }
        return cleared;
    }

    private static int nonNull(Integer value) {
        return value == null ? 0 : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
