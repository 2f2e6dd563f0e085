package io.github.proxmoxmcp.ceph;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_ceph_init}: the first Ceph setup of the cluster, run on one node (writes ceph.conf with the public
 * and cluster networks and the pool defaults). Confirm: it fixes the networks Ceph uses.
 */
final class CephInit {

    private static final Map<String, String> OPTIONS = Map.of("size", "int:1:7", "min_size", "int:1:7", "pg_bits", "int:6:14",
            "disable_cephx", "bool");

    @Serdeable
    record Input(@PveId(NODE) String node,
                 String network,
                 @JsonProperty("cluster-network") String clusterNetwork,
                 @JsonPropertyDescription("size, min_size, pg_bits, disable_cephx") Map<String, Object> options,
                 Boolean confirm) implements Confirmable {
    }

    private CephInit() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_ceph_init",
                "First Ceph setup on a node: network (CIDR), cluster-network, pool defaults; confirm.",
                Input.class, ToolHints.DESTRUCTIVE, CephInit::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Checks.cidr("network", input.network());
        Checks.cidr("cluster-network", input.clusterNetwork());
        if (input.clusterNetwork() != null && input.network() == null) {
            Checks.require(null, "network", "init with cluster-network");
        }
        String node = context.node(input.node());
        Params form = Params.create().put("network", input.network()).put("cluster-network", input.clusterNetwork())
                .putAll(Checks.options(input.options(), OPTIONS, "init"));
        return context.bean(CephClient.class).init(node, form.map()).thenReturn(ToolResult.ok("Ceph initialised on " + node
                + (input.network() == null ? "" : " (public network " + input.network() + ")")
                + ": create the first monitor next (proxmox_ceph_service_manage action=create type=mon)"));
    }
}
