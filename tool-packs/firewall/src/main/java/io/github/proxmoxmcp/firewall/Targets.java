package io.github.proxmoxmcp.firewall;

import io.github.proxmoxmcp.core.client.ProxmoxVersion;
import io.github.proxmoxmcp.core.guest.GuestLocator;
import io.github.proxmoxmcp.core.guest.GuestTarget;
import io.github.proxmoxmcp.core.guest.GuestType;
import io.github.proxmoxmcp.core.id.PveFormat;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * Turns a scope and its identifiers into the firewall they name. A node or VMID that does not belong to the
 * scope is refused rather than ignored, so a forgotten {@code scope: guest} never lands on the cluster firewall.
 */
final class Targets {

    static final Set<Scope> ALL = EnumSet.allOf(Scope.class);
    /** Where Proxmox keeps aliases and IP sets (and their references). */
    static final Set<Scope> CLUSTER_OR_GUEST = EnumSet.of(Scope.cluster, Scope.guest);
    static final Set<Scope> WITH_OPTIONS = EnumSet.of(Scope.cluster, Scope.node, Scope.guest, Scope.vnet);

    private Targets() {
    }

    /**
     * @param what what is addressed, for the error when the scope has none, e.g. {@code "aliases"}
     */
    static Mono<Target> resolve(Scoped input, Scope scope, Set<Scope> allowed, String what, ToolContext context) {
        check(input, scope, allowed, what);
        return switch (scope) {
            case cluster -> Mono.just(Target.cluster());
            case node -> Mono.just(Target.node(context.node(input.node())));
            case guest -> guest(input, context);
            case vnet -> vnet(required(input.name(), "name (the vnet)", scope), context);
            case group -> Mono.just(Target.group(required(input.name(), "name (the security group)", scope)));
        };
    }

    /** The scope is one of those allowed, and no identifier of another scope was given. */
    static void check(Scoped input, Scope scope, Set<Scope> allowed, String what) {
        if (!allowed.contains(scope)) {
            throw new ToolInputException(what + " are at scope " + allowed.stream().map(Enum::name)
                    .collect(Collectors.joining(" or ")) + ", not " + scope);
        }
        stray(input.node() != null && scope != Scope.node && scope != Scope.guest, "node", "scope node or guest");
        stray(input.vmid() != null && scope != Scope.guest, "vmid", "scope guest");
        PveFormat own = scope == Scope.vnet ? PveFormat.SDN_VNET : scope == Scope.group ? PveFormat.FW_GROUP : null;
        if (own != null && input.name() != null && !own.matches(input.name())) {
            throw new ToolInputException("name: " + own.problem(input.name()));
        }
    }

    private static Mono<Target> guest(Scoped input, ToolContext context) {
        Integer vmid = required(input.vmid(), "vmid", Scope.guest);
        GuestTarget guest = new GuestTarget() {
            @Override
            public Integer vmid() {
                return vmid;
            }

            @Override
            public String node() {
                return input.node();
            }

            @Override
            public GuestType type() {
                return null;
            }
        };
        return GuestLocator.locate(guest, context).map(g -> Target.guest(g.node(), g.path(), g.vmid(), g.label()));
    }

    /** The vnet firewall came with Proxmox VE 8.3; older clusters answer 501 for its paths. */
    private static Mono<Target> vnet(String vnet, ToolContext context) {
        return context.bean(ProxmoxVersion.class).release().map(release -> {
            if (release.major() < 8 || release.major() == 8 && release.minor() < 3) {
                throw new ToolInputException("the vnet firewall needs Proxmox VE 8.3 or later; this cluster runs "
                        + release.version());
            }
            return Target.vnet(vnet);
        });
    }

    private static <T> T required(T value, String field, Scope scope) {
        if (value == null) {
            throw new ToolInputException(field + " is required for scope " + scope);
        }
        return value;
    }

    private static void stray(boolean stray, String field, String belongs) {
        if (stray) {
            throw new ToolInputException(field + " is for " + belongs + "; set scope accordingly or leave " + field + " out");
        }
    }
}
