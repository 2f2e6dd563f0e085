package io.github.proxmoxmcp.firewall;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.SDN_VNET;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_firewall_options_set}: a firewall's options at one scope. Turning a firewall on, or making the
 * input policy DROP or REJECT (also by unsetting it: DROP is the default), can cut the admin off: such a change
 * needs confirm, and its result says whether 8006 and 22 still get in ({@link AdminAccess}).
 */
final class OptionsSet {

    enum Policy { ACCEPT, REJECT, DROP }

    /** The scopes that have options. */
    enum Where { cluster, node, guest, vnet }

    @Serdeable
    record Input(@JsonProperty("scope") @NotNull Where where,
                 @PveId(NODE) String node,
                 @PveId(VMID) Integer vmid,
                 @JsonPropertyDescription("The vnet") @PveId(SDN_VNET) String name,
                 Boolean enable,
                 @JsonProperty("policy_in") Policy policyIn,
                 @JsonPropertyDescription("More by Proxmox name: policy_out, log_level_in, ndp...") Map<String, Object> set,
                 List<String> unset,
                 String digest,
                 Boolean confirm) implements Scoped, Confirmable {

        @Override
        public Scope scope() {
            return Scope.valueOf(where.name());
        }
    }

    private OptionsSet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_firewall_options_set",
                "Set firewall options; enabling or policy_in DROP/REJECT needs confirm, then says if 8006 and 22 still get in.",
                Input.class, new ToolHints(false, true, true, false), OptionsSet::handle)
                .confirmWhen(OptionsSet::mayLockOut);
    }

    /** On, or an input policy that drops what no rule accepts. */
    static boolean mayLockOut(Input input) {
        boolean unsetPolicy = input.unset() != null && (input.unset().contains("policy_in")
                // a node firewall is on unless its enable is 0
                || input.scope() == Scope.node && input.unset().contains("enable"));
        return Boolean.TRUE.equals(input.enable()) || input.policyIn() == Policy.DROP || input.policyIn() == Policy.REJECT
                || unsetPolicy;
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Scope scope = input.scope();
        Targets.check(input, scope, Targets.WITH_OPTIONS, "options");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("enable", input.enable());
        fields.put("policy_in", input.policyIn());
        fields.forEach((option, value) -> {
            if (value != null && !OptionKeys.has(scope, option)) {
                throw new ToolInputException(option + " is not a firewall option of scope " + scope + "; it has "
                        + OptionKeys.of(scope));
            }
        });
        Map<String, String> changes = Params.create().putAll(fields).putAll(OptionKeys.wire(scope, input.set()))
                .delete(OptionKeys.unset(scope, input.unset())).map();
        if (changes.isEmpty()) {
            throw new ToolInputException("give an option to set or unset");
        }
        Map<String, String> form = Params.create().putAll(changes).put("digest", input.digest()).map();
        FirewallClient client = context.bean(FirewallClient.class);
        return Targets.resolve(input, scope, Targets.WITH_OPTIONS, "options", context).flatMap(t -> {
            String done = "firewall options of " + t.label() + " updated: " + changes.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
            Mono<String> access = mayLockOut(input) ? AdminAccess.report(t, client, context.bean(JsonMapper.class)) : Mono.just("");
            return client.setOptions(t.root(), form).then(access).map(report -> ToolResult.ok(done + report));
        });
    }
}
