package io.github.proxmoxmcp.sdn;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.PveResponse;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.StringJoiner;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_sdn_node_get}: SDN as one node runs it: zone status, a zone's vnets, bridges and VRF routes, a vnet's
 * EVPN MAC table, a fabric's routes, neighbors and interfaces, and what applying the pending changes would change.
 */
final class SdnNodeGet {

    enum View { zones, vnets, bridges, ip_vrf, mac_vrf, routes, neighbors, interfaces, dry_run }

    @Serdeable
    record Input(View view, @PveId(NODE) String node, String id) {
    }

    private SdnNodeGet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_sdn_node_get",
                "SDN on a node; id: the view's zone, vnet (mac_vrf) or fabric; dry_run: what apply would change.",
                Input.class, SdnNodeGet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        View view = input.view() == null ? View.zones : input.view();
        Kind needs = switch (view) {
            case vnets, bridges, ip_vrf -> Kind.zone;
            case mac_vrf -> Kind.vnet;
            case routes, neighbors, interfaces -> Kind.fabric;
            case zones, dry_run -> null;
        };
        if (needs == null && input.id() != null) {
            throw new ToolInputException("id does not go with view=" + view);
        }
        if (needs != null && input.id() == null) {
            throw new ToolInputException("id (the " + needs.label() + ") is required for view=" + view);
        }
        if (needs != null) {
            needs.format().check("id", input.id());
        }
        String id = input.id();
        String node = context.node(input.node());
        SdnClient client = context.bean(SdnClient.class);
        return switch (view) {
            case zones -> client.node(node, List.of("zones")).map(r -> table(r, "no SDN zones on " + node,
                    Table.of("ZONE", "STATUS"), e -> new Object[] {Json.text(e, "zone"), Json.text(e, "status")}));
            case vnets -> client.node(node, List.of("zones", id, "content")).map(r -> table(r,
                    "no vnets in zone " + id + " on " + node, Table.of("VNET", "STATUS", "MESSAGE"),
                    e -> new Object[] {Json.text(e, "vnet"), Json.text(e, "status"), Json.text(e, "statusmsg")}));
            case bridges -> client.node(node, List.of("zones", id, "bridges")).map(r -> table(r,
                    "no bridges in zone " + id + " on " + node, Table.of("BRIDGE", "VLAN_FILTERING", "PORTS"),
                    e -> new Object[] {Json.text(e, "name"), Json.text(e, "vlan_filtering"), ports(e)}));
            case ip_vrf -> client.node(node, List.of("zones", id, "ip-vrf")).map(r -> table(r,
                    "no routes in the VRF of zone " + id + " on " + node,
                    Table.of("IP", "PROTOCOL", "METRIC", "NEXTHOPS"), e -> new Object[] {Json.text(e, "ip"),
                            Json.text(e, "protocol"), Json.text(e, "metric"), joined(e, "nexthops")}));
            case mac_vrf -> client.node(node, List.of("vnets", id, "mac-vrf")).map(r -> table(r,
                    "no MAC VRF entries for vnet " + id + " on " + node, Table.of("IP", "MAC", "NEXTHOP"),
                    e -> new Object[] {Json.text(e, "ip"), Json.text(e, "mac"), Json.text(e, "nexthop")}));
            case routes -> client.node(node, List.of("fabrics", id, "routes")).map(r -> table(r,
                    "no routes of fabric " + id + " on " + node, Table.of("ROUTE", "VIA"),
                    e -> new Object[] {Json.text(e, "route"), joined(e, "via")}));
            case neighbors -> client.node(node, List.of("fabrics", id, "neighbors")).map(r -> table(r,
                    "no neighbors of fabric " + id + " on " + node, Table.of("NEIGHBOR", "STATUS", "UPTIME"),
                    e -> new Object[] {Json.text(e, "neighbor"), Json.text(e, "status"), Json.text(e, "uptime")}));
            case interfaces -> client.node(node, List.of("fabrics", id, "interfaces")).map(r -> table(r,
                    "no interfaces in fabric " + id + " on " + node, Table.of("NAME", "TYPE", "STATE"),
                    e -> new Object[] {Json.text(e, "name"), Json.text(e, "type"), Json.text(e, "state")}));
            case dry_run -> client.dryRun(node).map(r -> ToolResult.ok(dryRun(node, r.dataOrNull())));
        };
    }

    private static ToolResult table(PveResponse response, String empty, Table table,
                                    java.util.function.Function<JsonNode, Object[]> row) {
        List<JsonNode> entries = response.list();
        if (entries.isEmpty()) {
            return ToolResult.ok(empty);
        }
        entries.forEach(e -> table.row(row.apply(e)));
        return ToolResult.ok(table.render());
    }

    /** A bridge's ports: {@code tap100i0 (100, vlan 10)}. */
    private static String ports(JsonNode bridge) {
        JsonNode ports = Json.field(bridge, "ports");
        if (ports == null || !ports.isArray() || ports.size() == 0) {
            return null;
        }
        StringJoiner out = new StringJoiner(", ");
        ports.values().forEach(p -> {
            StringJoiner about = new StringJoiner(", ");
            if (Json.text(p, "vmid") != null) {
                about.add("VM " + Json.text(p, "vmid"));
            }
            if (Json.text(p, "primary_vlan") != null) {
                about.add("vlan " + Json.text(p, "primary_vlan"));
            }
            out.add(Json.text(p, "name", "?") + (about.length() == 0 ? "" : " (" + about + ")"));
        });
        return out.toString();
    }

    private static String joined(JsonNode entry, String field) {
        JsonNode values = Json.field(entry, field);
        if (values == null || !values.isArray()) {
            return Json.text(entry, field);
        }
        StringJoiner out = new StringJoiner(",");
        values.values().forEach(v -> out.add(v.coerceStringValue()));
        return out.toString();
    }

    private static String dryRun(String node, JsonNode diff) {
        String interfaces = Json.text(diff, "interfaces-diff");
        String frr = Json.text(diff, "frr-diff");
        if ((interfaces == null || interfaces.isBlank()) && (frr == null || frr.isBlank())) {
            return "applying the pending SDN changes would change nothing on " + node;
        }
        StringBuilder out = new StringBuilder("applying the pending SDN changes would change on " + node + ":");
        if (interfaces != null && !interfaces.isBlank()) {
            out.append("\n/etc/network/interfaces.d/sdn:\n").append(interfaces.stripTrailing());
        }
        if (frr != null && !frr.isBlank()) {
            out.append("\nFRR:\n").append(frr.stripTrailing());
        }
        return out.toString();
    }
}
