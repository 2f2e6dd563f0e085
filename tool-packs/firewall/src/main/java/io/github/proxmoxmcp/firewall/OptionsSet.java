package io.github.proxmoxmcp.firewall;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_firewall_options_set}: a firewall's options at one scope. Turning a firewall on, or making the
 * input policy DROP or REJECT (also by removing it: DROP is the default), can cut the admin off: such a change
 * needs confirm, and its result says whether 8006 and 22 still get in ({@link AdminAccess}).
 */
final class OptionsSet {

    @Serdeable
    record Input(@NotNull @JsonPropertyDescription("cluster|node/N|guest/VMID|vnet/V") String scope,
                 @JsonPropertyDescription("enable, policy_in...; null removes") Map<String, Object> set,
                 String digest,
                 Boolean confirm) implements Confirmable {

        Place place() {
            return Place.parse(scope, null);
        }
    }

    private OptionsSet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_firewall_options_set",
                "Set firewall options; turning on or policy_in DROP/REJECT needs confirm and says if 8006, 22 get in.",
                Input.class, new ToolHints(false, true, true, false), OptionsSet::handle)
                .confirmWhen(OptionsSet::mayLockOut);
    }

    /** On, or an input policy that drops what no rule accepts (removing it too: DROP is the default). */
    static boolean mayLockOut(Input input) {
        Map<String, Object> set = input.set() == null ? Map.of() : input.set();
        Object enable = set.get("enable");
        Object policy = set.get("policy_in");
        boolean on = Boolean.TRUE.equals(enable) || enable instanceof Number n && n.doubleValue() == 1
                // a node firewall is on unless its enable is 0
                || enable == null && set.containsKey("enable") && input.place().scope() == Scope.node;
        return on || "DROP".equals(policy) || "REJECT".equals(policy) || policy == null && set.containsKey("policy_in");
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Place place = input.place();
        Scope scope = place.scope();
        Targets.check(place, Targets.WITH_OPTIONS, "options");
        Map<String, String> changes = Params.create().putAll(OptionKeys.wire(scope, input.set()))
                .delete(OptionKeys.unset(scope, input.set())).map();
        if (changes.isEmpty()) {
            throw new ToolInputException("set: give an option to change or, as null, to remove");
        }
        Map<String, String> form = Params.create().putAll(changes).put("digest", input.digest()).map();
        FirewallClient client = context.bean(FirewallClient.class);
        return Targets.resolve(place, Targets.WITH_OPTIONS, "options", context).flatMap(t -> {
            String done = "firewall options of " + t.label() + " updated: " + changes.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
            Mono<String> access = mayLockOut(input) ? AdminAccess.report(t, client, context.bean(JsonMapper.class)) : Mono.just("");
            return client.setOptions(t.root(), form).then(access).map(report -> ToolResult.ok(done + report));
        });
    }
}
