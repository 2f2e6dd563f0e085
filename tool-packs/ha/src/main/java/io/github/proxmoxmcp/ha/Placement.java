package io.github.proxmoxmcp.ha;

import io.github.proxmoxmcp.core.client.ProxmoxVersion;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import reactor.core.publisher.Mono;

/**
 * Which placement model the cluster has: PVE 9 replaced HA groups ({@code /cluster/ha/groups}, which answers
 * 500 there) with HA rules. Read once from {@code /version}; asking for the other model is refused with what
 * to use instead, before anything else is sent.
 */
enum Placement {
    RULES,
    GROUPS;

    /** An input error that depends on the cluster's placement model: the text for a PVE 9 cluster, or for PVE 8. */
    static <T> Mono<T> refuse(ToolContext context, String onRules, String onGroups) {
        return context.bean(ProxmoxVersion.class).release().map(release -> {
            throw new ToolInputException(release.atLeast(9)
                    ? onRules + " (PVE " + release.version() + " has HA rules, not groups)"
                    : onGroups + " (PVE " + release.version() + " has HA groups; rules need PVE 9)");
        });
    }

    /** The cluster's placement model when it is the one wanted, else an input error saying what to use instead. */
    static Mono<Placement> require(Placement wanted, ToolContext context, String instead) {
        return context.bean(ProxmoxVersion.class).release().map(release -> {
            Placement actual = release.atLeast(9) ? RULES : GROUPS;
            if (actual != wanted) {
                throw new ToolInputException(actual == RULES
                        ? "PVE " + release.version() + " has HA rules; HA groups were replaced by rules in PVE 9: " + instead
                        : "PVE " + release.version() + " has HA groups; HA rules need PVE 9: " + instead);
            }
            return actual;
        });
    }
}
