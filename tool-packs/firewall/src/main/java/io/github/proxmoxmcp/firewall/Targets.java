package io.github.proxmoxmcp.firewall;

import io.github.proxmoxmcp.core.client.ProxmoxVersion;
import io.github.proxmoxmcp.core.guest.GuestLocator;
import io.github.proxmoxmcp.core.guest.GuestTarget;
import io.github.proxmoxmcp.core.guest.GuestType;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.micronaut.core.annotation.Nullable;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * Turns a {@link Place} into the firewall it names, refusing a scope the operation does not have.
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
    static Mono<Target> resolve(Place place, Set<Scope> allowed, String what, ToolContext context) {
        check(place, allowed, what);
        return switch (place.scope()) {
            case cluster -> Mono.just(Target.cluster());
            case node -> Mono.just(Target.node(context.node(place.id())));
            case guest -> guest(place.vmid(), context);
            case vnet -> vnet(place.id(), context);
            case group -> Mono.just(Target.group(place.id()));
        };
    }

    /**
     * A number is at least {@code min}, checked here rather than in the schema: positions and bounds are plain
     * integers to an agent, and the catalog is paid on every turn.
     */
    static void atLeast(@Nullable Number value, long min, String field) {
        if (value != null && value.longValue() < min) {
            throw new ToolInputException(field + ": must be greater than or equal to " + min);
        }
    }

    /** The scope is one of those allowed. */
    static void check(Place place, Set<Scope> allowed, String what) {
        if (!allowed.contains(place.scope())) {
            throw new ToolInputException(what + " are at scope " + allowed.stream().map(Enum::name)
                    .collect(Collectors.joining(" or ")) + ", not " + place.scope());
        }
    }

    private static Mono<Target> guest(int vmid, ToolContext context) {
        GuestTarget guest = new GuestTarget() {
            @Override
            public Integer vmid() {
                return vmid;
            }

            @Override
            public String node() {
                return null;
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
}
