package io.github.proxmoxmcp.core.guest;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.ProxmoxApiException;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.micronaut.json.tree.JsonNode;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Finds a guest's node and type from its VMID with one {@code GET /cluster/resources?type=vm}, unless
 * the caller gave both. A node or type given that contradicts the cluster is an error, not a guess.
 */
public final class GuestLocator {

    private GuestLocator() {
    }

    public static Mono<Guest> locate(GuestTarget target, ToolContext context) {
        int vmid = target.vmid();
        String node = blankToNull(target.node());
        if (node != null && target.type() != null) {
            return Mono.just(new Guest(node, target.type(), vmid, null, null, false));
        }
        return context.bean(ClusterResourcesClient.class).resources("vm").flatMap(response -> {
            JsonNode found = response.list().stream()
                    .filter(r -> Json.number(r, "vmid").orElse(-1L) == vmid)
                    .findFirst().orElse(null);
            if (found == null) {
                return Mono.error(notFound("VMID " + vmid + " does not exist in the cluster"));
            }
            Guest guest = of(found);
            if (target.type() != null && target.type() != guest.type()) {
                return Mono.error(notFound("VMID " + vmid + " is " + guest.type() + ", not " + target.type()));
            }
            if (node != null && !node.equals(guest.node())) {
                return Mono.error(notFound("VMID " + vmid + " is on node " + guest.node() + ", not " + node));
            }
            return Mono.just(guest);
        });
    }

    /** A guest from one {@code /cluster/resources} entry. */
    private static Guest of(JsonNode resource) {
        String type = Json.text(resource, "type", "qemu");
        return new Guest(Json.text(resource, "node"), "lxc".equals(type) ? GuestType.lxc : GuestType.qemu,
                Json.number(resource, "vmid").orElse(0L).intValue(), Json.text(resource, "name"),
                Json.text(resource, "status"), Json.flag(resource, "template"));
    }

    private static ProxmoxApiException notFound(String message) {
        return new ProxmoxApiException(ProxmoxApiException.Kind.NOT_FOUND, 0, message, Map.of());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
