package io.github.proxmoxmcp.sdn;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.id.PveFormat;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Object ids as paths want them. A subnet is created by its CIDR but named in paths by its id
 * {@code zone-address-prefixlength} (a '/' would split the path): a CIDR given for an existing subnet becomes that id,
 * with the zone read from its vnet.
 */
final class Subnets {

    private Subnets() {
    }

    /** The id to put in the path: checked against the kind's format, a subnet's CIDR turned into its id. */
    static Mono<String> id(Kind kind, String vnet, String id, SdnClient client) {
        if (kind != Kind.subnet || !id.contains("/")) {
            kind.format().check("id", id);
            return Mono.just(id);
        }
        checkCidr(id);
        return client.read(List.of("vnets", vnet), null).map(r -> {
            String zone = Json.text(r.dataOrNull(), "zone");
            if (zone == null) {
                throw new ToolInputException("vnet " + vnet + " has no zone");
            }
            return zone + "-" + id.replace('/', '-');
        });
    }

    /** An IPv4 or IPv6 network with its prefix length, e.g. 10.0.0.0/24. */
    static void checkCidr(String cidr) {
        if (!cidr.matches("[0-9a-fA-F.:]+/[0-9]{1,3}") || !PveFormat.CIDR.matches(cidr)) {
            throw new ToolInputException("id: " + PveFormat.SDN_SUBNET.problem(cidr));
        }
    }
}
