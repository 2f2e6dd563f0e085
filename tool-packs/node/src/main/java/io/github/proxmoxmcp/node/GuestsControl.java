package io.github.proxmoxmcp.node;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/** {@code proxmox_node_guests_control}: start, stop or migrate all (or the listed) guests of a node. */
final class GuestsControl {

    enum Action {
        start("startall"), stop("stopall"), migrate("migrateall");

        final String path;

        Action(String path) {
            this.path = path;
        }
    }

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @NotNull Action action,
                 @JsonPropertyDescription("Default all") List<@Min(100) Integer> vms,
                 @JsonPropertyDescription("start: ignore onboot") Boolean force,
                 @JsonProperty("force-stop") @JsonPropertyDescription("stop")
                 Boolean forceStop,
                 @JsonProperty("shutdown_timeout") @Min(0) @Max(7200) @JsonPropertyDescription("stop: s per guest")
                 Integer shutdownTimeout,
                 @JsonPropertyDescription("migrate") @PveId(NODE) String target,
                 @JsonProperty("with-local-disks") @JsonPropertyDescription("migrate")
                 Boolean withLocalDisks,
                 @JsonProperty("max-workers") Integer maxWorkers,
                 Boolean confirm,
                 @JsonProperty("wait") Boolean waitForTask,
                 Integer timeout) implements Confirmable, TaskInput {
    }

    private GuestsControl() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_node_guests_control",
                "Start, stop or migrate all (or listed) guests of a node; stop/migrate need confirm.",
                Input.class, ToolHints.DESTRUCTIVE, GuestsControl::handle)
                .confirmWhen(in -> in.action() != Action.start);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String node = context.node(input.node());
        Params form = Params.create().put("vms", input.vms()).put("max-workers", input.maxWorkers());
        switch (input.action()) {
            case start -> {
                refuse(input.forceStop() != null || input.shutdownTimeout() != null || input.target() != null
                        || input.withLocalDisks() != null, "start");
                form.put("force", input.force());
            }
            case stop -> {
                refuse(input.force() != null || input.target() != null || input.withLocalDisks() != null, "stop");
                form.put("force-stop", input.forceStop()).put("timeout", input.shutdownTimeout());
            }
            case migrate -> {
                refuse(input.force() != null || input.forceStop() != null || input.shutdownTimeout() != null, "migrate");
                if (input.target() == null || input.target().isBlank()) {
                    throw new ToolInputException("target is required for action=migrate");
                }
                form.put("target", input.target()).put("with-local-disks", input.withLocalDisks());
            }
        }
        Map<String, String> body = form.map();
        String what = input.action() + " of " + (input.vms() == null || input.vms().isEmpty() ? "all guests" : "guests " + input.vms())
                + " on " + node + (input.action() == Action.migrate ? " to " + input.target() : "");
        return Tasks.finish(context.bean(NodeClient.class).bulk(node, input.action().path, body), input, context, what);
    }

    private static void refuse(boolean otherFieldsGiven, String action) {
        if (otherFieldsGiven) {
            throw new ToolInputException("a field for another action was given with action=" + action
                    + " (force: start; force-stop, shutdown_timeout: stop; target, with-local-disks: migrate)");
        }
    }
}
