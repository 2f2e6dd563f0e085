package io.github.proxmoxmcp.storage;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.STORAGE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_storage_prune}: remove the backups a retention does not keep (needs confirm). The same arguments to
 * {@code proxmox_storage_content_get view=prune} show what would be removed; protected backups are always kept.
 */
final class Prune {

    @Serdeable
    record Input(@NotNull @PveId(STORAGE) String storage,
                 @PveId(VMID) Integer vmid,
                 @JsonProperty(Retention.FIELD) @JsonPropertyDescription("e.g. keep-last=3") String pruneBackups,
                 @PveId(NODE) String node,
                 Boolean confirm) implements Confirmable {
    }

    private Prune() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_storage_prune",
                "Prune backups by retention (preview: content_get view=prune); needs confirm.",
                Input.class, ToolHints.DESTRUCTIVE, Prune::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String retention = Retention.checked(input.pruneBackups());
        return StorageNode.of(input.storage(), input.node(), context).flatMap(node -> Tasks.finish(
                context.bean(StorageClient.class).prune(node, input.storage(), Params.create()
                        .put(Retention.FIELD, retention).put("vmid", input.vmid()).map()),
                Waiting.DEFAULT, context, "prune of " + (input.vmid() == null ? "" : "VMID " + input.vmid() + " ") + "backups on "
                        + input.storage()));
    }
}
