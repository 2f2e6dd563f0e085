package io.github.proxmoxmcp.cluster;

import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import reactor.core.publisher.Mono;

/** {@code proxmox_cluster_options_set}: set or remove datacenter options ({@code /cluster/options}, datacenter.cfg). */
final class OptionsSet {

    /** The options {@code PUT /cluster/options} takes. */
    static final Set<String> OPTIONS = new TreeSet<>(Set.of("bwlimit", "consent-text", "console", "crs", "description",
            "email_from", "fencing", "ha", "http_proxy", "keyboard", "language", "mac_prefix", "max_workers", "migration",
            "migration_unsecure", "next-id", "notify", "registered-tags", "replication", "tag-style", "u2f",
            "user-tag-access", "webauthn"));

    @Serdeable
    record Input(Map<String, Object> set, List<String> unset) {
    }

    private OptionsSet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_cluster_options_set",
                "Set or unset datacenter options by Proxmox name; others are kept.",
                Input.class, ToolHints.IDEMPOTENT_WRITE, OptionsSet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Map<String, Object> set = input.set() == null ? Map.of() : input.set();
        List<String> unset = input.unset() == null ? List.of() : input.unset();
        if (set.isEmpty() && unset.isEmpty()) {
            throw new ToolInputException("give set or unset");
        }
        for (String key : new TreeSet<>(set.keySet())) {
            known(key, "set");
            if (unset.contains(key)) {
                throw new ToolInputException(key + " is both in set and in unset");
            }
        }
        unset.forEach(key -> known(key, "unset"));
        Params form = Params.create();
        SetMap.putAll(form, set, Set.of(), Set.of());
        form.delete(unset);
        return context.bean(ClusterClient.class).setOptions(form.map())
                .thenReturn(ToolResult.ok("datacenter options updated: " + SetMap.changes(new TreeSet<>(set.keySet()), unset)));
    }

    private static void known(String key, String field) {
        if (!OPTIONS.contains(key)) {
            throw new ToolInputException(field + ": " + key + " is not a datacenter option; options: " + String.join(", ", OPTIONS));
        }
    }
}
