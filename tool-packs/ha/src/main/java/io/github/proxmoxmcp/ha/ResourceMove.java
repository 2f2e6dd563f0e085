package io.github.proxmoxmcp.ha;

import static io.github.proxmoxmcp.core.id.PveFormat.HA_SID;
import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.client.PveResponse;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_ha_resource_move}: ask the HA manager to migrate (online) or relocate (stop, move, start) an HA
 * resource. The API only queues the request for the manager and starts no task, so there is nothing to wait for;
 * the move shows in {@code proxmox_ha_status}.
 */
final class ResourceMove {

    @Serdeable
    record Input(@NotNull @PveId(HA_SID) String sid, @NotNull @PveId(NODE) String node, Boolean relocate) {
    }

    private ResourceMove() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_ha_resource_move",
                "HA-migrate (online) or relocate (stop, move, start) an HA resource to node.",
                Input.class, ToolHints.WRITE, ResourceMove::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        HaClient client = context.bean(HaClient.class);
        boolean relocate = Boolean.TRUE.equals(input.relocate());
        Map<String, String> form = Params.create().put("node", input.node()).map();
        return (relocate ? client.relocate(input.sid(), form) : client.migrate(input.sid(), form))
                .map(r -> outcome(r, (relocate ? "relocation" : "migration") + " of " + input.sid() + " to " + input.node()));
    }

    /**
     * PVE 9 answers which resources move along (positive affinity) and which block the move (negative affinity):
     * with blockers the request is queued but the HA manager will not carry it out.
     */
    private static ToolResult outcome(PveResponse response, String what) {
        JsonNode data = response.dataOrNull();
        JsonNode blocking = Json.field(data, "blocking-resources");
        if (blocking != null && blocking.isArray() && blocking.size() > 0) {
            StringJoiner blockers = new StringJoiner(", ");
            blocking.values().forEach(b -> blockers.add(Json.text(b, "sid", "?") + " (" + Json.text(b, "cause", "?") + ")"));
            return ToolResult.error(what + " is blocked by " + blockers + ": the HA manager will not carry it out");
        }
        String text = what + " requested; the HA manager carries it out (follow it with proxmox_ha_status)";
        List<String> along = new ArrayList<>();
        JsonNode comigrated = Json.field(data, "comigrated-resources");
        if (comigrated != null && comigrated.isArray()) {
            comigrated.values().forEach(v -> along.add(v.coerceStringValue()));
        }
        return ToolResult.ok(along.isEmpty() ? text : text + "\nmoving with it (positive affinity): " + String.join(", ", along));
    }
}
