package io.github.proxmoxmcp.cluster;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.client.ProxmoxApiException;
import io.github.proxmoxmcp.core.client.ProxmoxErrors;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_cluster_guests_control}: start, shut down, suspend or migrate guests across the whole cluster
 * ({@code /cluster/bulk-action/guest}, PVE 9.1+), all of them or the listed ones. One task runs them all.
 */
final class GuestsControl {

    enum Action { start, shutdown, suspend, migrate }

    @Serdeable
    record Input(@NotNull Action action,
                 List<@Min(100) @PveId(VMID) Integer> vms,
                 @PveId(NODE) String target,
                 Boolean online,
                 @JsonProperty("with-local-disks") Boolean withLocalDisks,
                 @JsonProperty("force-stop") Boolean forceStop,
                 Boolean confirm,
                 @JsonProperty("wait") Boolean waitForTask) implements Confirmable, TaskInput {

        @Override
        public Integer timeout() {
            return null;
        }
    }

    private GuestsControl() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_cluster_guests_control",
                "Start, shut down, suspend or migrate guests cluster-wide; all but start need confirm.",
                Input.class, ToolHints.DESTRUCTIVE, GuestsControl::handle)
                .confirmWhen(in -> in.action() != Action.start);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Params form = Params.create().putEach("vms", input.vms());
        boolean migrateFields = input.target() != null || input.online() != null || input.withLocalDisks() != null;
        boolean shutdownFields = input.forceStop() != null;
        switch (input.action()) {
            case start, suspend -> refuse(migrateFields || shutdownFields, input.action().name());
            case shutdown -> {
                refuse(migrateFields, "shutdown");
                form.put("force-stop", input.forceStop());
            }
            case migrate -> {
                refuse(shutdownFields, "migrate");
                if (input.target() == null) {
                    throw new ToolInputException("target is required for action=migrate");
                }
                form.put("target", input.target()).put("online", input.online()).put("with-local-disks", input.withLocalDisks());
            }
        }
        String what = input.action() + " of " + (input.vms() == null || input.vms().isEmpty() ? "all guests" : "guests " + input.vms())
                + (input.action() == Action.migrate ? " to " + input.target() : "");
        Mono<io.github.proxmoxmcp.core.client.PveResponse> started = context.bean(ClusterClient.class)
                .bulkGuests(input.action().name(), form.form())
                .onErrorMap(e -> {
                    ProxmoxApiException api = ProxmoxErrors.map(e, context.bean(JsonMapper.class));
                    return api.status() == 501 ? new ProxmoxApiException(api.kind(), api.status(), api.detail()
                            + " (cluster-wide bulk actions need PVE 9.1 or later; use proxmox_node_guests_control per node)",
                            api.errors()) : api;
                });
        return Tasks.finish(started, input, context, what);
    }

    private static void refuse(boolean otherFieldsGiven, String action) {
        if (otherFieldsGiven) {
            throw new ToolInputException("a field for another action was given with action=" + action
                    + " (target, online, with-local-disks: migrate; force-stop: shutdown)");
        }
    }
}
