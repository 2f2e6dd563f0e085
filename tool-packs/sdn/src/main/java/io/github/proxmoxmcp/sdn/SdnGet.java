package io.github.proxmoxmcp.sdn;

import static io.github.proxmoxmcp.core.id.PveFormat.SDN_FABRIC;
import static io.github.proxmoxmcp.core.id.PveFormat.SDN_VNET;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_sdn_get}: the SDN configuration of the cluster, one kind of object at a time, always with what is
 * pending (written but not applied); or one object by id; or the addresses an IPAM holds.
 */
final class SdnGet {

        @Serdeable
    record Input(@NotNull Kind kind,
                 String id,
                 @PveId(SDN_VNET) String vnet,
                 @PveId(SDN_FABRIC) String fabric) {
    }

    private SdnGet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_sdn_get",
                "SDN objects by kind with pending changes; id: one; subnet and ip need vnet, fabric_node fabric.",
                Input.class, SdnGet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        SdnClient client = context.bean(SdnClient.class);
        Kind kind = input.kind();
        String parent = Parents.of(kind, input.vnet(), input.fabric());
        if (kind == Kind.ip) {
            return vnetIps(parent, input.id(), client);
        }
        Integer pending = kind.pending() ? 1 : null;
        if (input.id() == null) {
            return client.read(kind.collection(parent), pending).map(r -> ToolResult.ok(Pending.table(kind, r.list())));
        }
        Mono<String> config = Subnets.id(kind, parent, input.id(), client)
                .flatMap(id -> client.read(kind.object(parent, id), pending))
                .map(r -> Pending.object(r.dataOrNull()));
        if (kind != Kind.ipam) {
            return config.map(ToolResult::ok);
        }
        return config.zipWith(client.read(List.of("ipams", input.id(), "status"), null),
                (text, status) -> ToolResult.ok(text + "\n\n" + status("IPAM " + input.id(), status.list())));
    }

    /** The addresses the IPAM of the vnet's zone holds for that vnet (the built-in pve IPAM when the zone names none). */
    private static Mono<ToolResult> vnetIps(String vnet, String id, SdnClient client) {
        if (id != null) {
            throw new ToolInputException("kind=ip lists a vnet's addresses: leave id out");
        }
        return client.read(List.of("vnets", vnet), null).map(r -> Json.text(r.dataOrNull(), "zone", ""))
                .flatMap(zone -> zone.isEmpty() ? Mono.error(new ToolInputException("vnet " + vnet + " has no zone"))
                        : client.read(List.of("zones", zone), null))
                .map(r -> Json.text(r.dataOrNull(), "ipam", "pve"))
                .flatMap(ipam -> client.read(List.of("ipams", ipam, "status"), null).map(r -> ToolResult.ok(status(
                        "vnet " + vnet + " (IPAM " + ipam + ")",
                        r.list().stream().filter(e -> vnet.equals(Json.text(e, "vnet"))).toList()))));
    }

    private static String status(String what, List<JsonNode> entries) {
        if (entries.isEmpty()) {
            return what + ": no addresses";
        }
        Table table = Table.of("ZONE", "VNET", "SUBNET", "IP", "MAC", "VMID", "HOSTNAME");
        entries.forEach(e -> table.row(Json.text(e, "zone"), Json.text(e, "vnet"), Json.text(e, "subnet"),
                Json.text(e, "ip"), Json.text(e, "mac"), Json.text(e, "vmid"),
                Json.flag(e, "gateway") ? "(gateway)" : Json.text(e, "hostname")));
        return table.render();
    }
}
