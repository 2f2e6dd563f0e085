package io.github.proxmoxmcp.ceph;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_ceph_osd_destroy}: destroy an OSD (confirm), optionally wiping its disks. Refused while the OSD is up
 * or in, or while Ceph says it is not safe (its data has no other copy yet); {@code force} marks it out and stops it
 * first, and goes ahead whatever Ceph says.
 */
final class OsdDestroy {

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @NotNull @Min(0) Integer osd,
                 Boolean cleanup,
                 Boolean force,
                 Boolean confirm) implements Confirmable {
    }

    private OsdDestroy() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_ceph_osd_destroy",
                "Destroy an OSD (cleanup wipes its disks); confirm. Refused while up/in or unsafe; force: out, stop, destroy.",
                Input.class, ToolHints.DESTRUCTIVE, OsdDestroy::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String node = context.node(input.node());
        return destroy(input, node, context.bean(CephClient.class), context);
    }

    /** Reads the OSD's state and Ceph's verdict, then destroys it (taking it out and stopping it first with force). */
    private static Mono<ToolResult> destroy(Input input, String node, CephClient client, ToolContext context) {
        int id = input.osd();
        String osd = "osd." + id;
        boolean force = Boolean.TRUE.equals(input.force());
        return client.osdTree(node).flatMap(tree -> {
            JsonNode found = find(tree.dataOrNull(), id);
            if (found == null) {
                return Mono.just(ToolResult.error(osd + " does not exist: list the OSDs with proxmox_ceph_list what=osd"));
            }
            String host = Json.text(found, "host");
            if (host != null && !host.equals(node)) {
                return Mono.just(ToolResult.error(osd + " is on " + host + ": destroy it with node=" + host
                        + ". Nothing was changed."));
            }
            boolean up = "up".equals(Json.text(found, "status"));
            boolean in = Json.flag(found, "in");
            if ((up || in) && !force) {
                return Mono.just(ToolResult.error(osd + " is " + CephList.state(found) + ": nothing was changed. "
                        + (in ? "Mark it out (proxmox_ceph_osd_manage action=out), let Ceph move its data off "
                        + "(proxmox_ceph_status), then stop it" : "Stop it") + " (proxmox_ceph_service_manage action=stop "
                        + "type=osd id=" + id + ") and destroy it; force: true does " + (in && up ? "both" : "it") + " first."));
            }
            return Safety.problem(client, node, "osd", String.valueOf(id), "destroy").flatMap(problem -> {
                if (!problem.isEmpty() && !force) {
                    return Mono.just(ToolResult.error(Safety.refusal(osd, "destroy", problem, "force: true")));
                }
                List<String> steps = new ArrayList<>();
                Mono<?> before = Mono.empty();
                if (in) {
                    steps.add("marked out");
                    before = client.osdCommand(node, id, "out", Map.of());
                }
                if (up) {
                    steps.add("stopped");
                    before = before.then(Tasks.finish(client.service(node, "stop", Map.of("service", osd)), TaskInput.WAIT,
                            context, "stop of " + osd).flatMap(r -> r.error() ? Mono.error(new StepFailed(r)) : Mono.just(r)));
                }
                Mono<ToolResult> destroyed = Tasks.finish(client.destroyOsd(node, id, Params.create()
                        .put("cleanup", input.cleanup()).map()), TaskInput.WAIT, context, "destruction of " + osd + " on " + node
                        + (steps.isEmpty() ? "" : " (" + String.join(", ", steps) + " first)"));
                return before.then(destroyed).onErrorResume(StepFailed.class, e -> Mono.just(e.result));
            });
        });
    }

    /** The OSD of that id in the tree, or null. */
    private static JsonNode find(JsonNode tree, int id) {
        List<JsonNode> osds = new ArrayList<>();
        CephList.collect(Json.field(tree, "root"), osds);
        return osds.stream().filter(o -> Json.number(o, "id").orElse(-1L) == id).findFirst().orElse(null);
    }

    /** A step before the destruction failed: its result is the answer, and nothing more is sent. */
    private static final class StepFailed extends RuntimeException {

        private final transient ToolResult result;

        StepFailed(ToolResult result) {
            super(result.text(), null, false, false);
            this.result = result;
        }
    }
}
