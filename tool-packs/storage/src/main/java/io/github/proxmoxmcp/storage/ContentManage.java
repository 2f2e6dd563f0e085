package io.github.proxmoxmcp.storage;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.VOLUME;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_storage_content_manage}: set a volume's notes or protection, or delete a volume (confirm). A
 * protected backup cannot be deleted or pruned until its protection is removed.
 */
final class ContentManage {

    @Serdeable
    enum Action { update, delete }

    @Serdeable
    record Input(@NotNull Action action,
                 @NotNull @JsonPropertyDescription("e.g. local:iso/a.iso") @PveId(VOLUME) String volume,
                 @PveId(NODE) String node,
                 String notes,
                 @JsonProperty("protected") Boolean protect,
                 Boolean confirm) implements Confirmable {
    }

    private ContentManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_storage_content_manage",
                "Set a volume's notes or protection, or delete it (confirm).",
                Input.class, ToolHints.DESTRUCTIVE, ContentManage::handle)
                .confirmWhen(in -> in.action() == Action.delete);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        boolean attributes = input.notes() != null || input.protect() != null;
        if (input.action() == Action.update && !attributes) {
            throw new ToolInputException("action=update needs notes or protected");
        }
        if (input.action() == Action.delete && attributes) {
            throw new ToolInputException("notes and protected are for action=update");
        }
        String storage = Volumes.storage(null, input.volume());
        StorageClient client = context.bean(StorageClient.class);
        return StorageNode.of(storage, input.node(), context).flatMap(node -> input.action() == Action.update
                ? client.updateVolume(node, storage, input.volume(), Params.create()
                        .put("notes", input.notes()).put("protected", input.protect()).map())
                .thenReturn(ToolResult.ok(input.volume() + " updated"))
                : Tasks.finish(client.deleteVolume(node, storage, input.volume()), Waiting.DEFAULT, context, "deletion of " + input.volume()));
    }
}
