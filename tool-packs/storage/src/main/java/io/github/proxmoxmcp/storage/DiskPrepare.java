package io.github.proxmoxmcp.storage;

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
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import reactor.core.publisher.Mono;

/** {@code proxmox_storage_disk_prepare}: wipe a disk or partition, or give a disk a new GPT; both need confirm. */
final class DiskPrepare {

    @Serdeable
    enum Action { wipe, initgpt }

    @Serdeable
    record Input(@NotNull Action action,
                 @PveId(NODE) String node,
                 @NotNull @JsonPropertyDescription("e.g. /dev/sdb") String disk,
                 Boolean confirm) implements Confirmable {
    }

    private DiskPrepare() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_storage_disk_prepare",
                "Wipe a disk or partition, or initialise GPT on it; needs confirm.",
                Input.class, ToolHints.DESTRUCTIVE, DiskPrepare::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String disk = Disks.checked("disk", input.disk());
        String node = context.node(input.node());
        StorageClient client = context.bean(StorageClient.class);
        Map<String, String> form = Params.create().put("disk", disk).map();
        return input.action() == Action.wipe
                ? Tasks.finish(client.wipeDisk(node, form), Waiting.DEFAULT, context, "wipe of " + disk + " on " + node)
                : Tasks.finish(client.initGpt(node, form), Waiting.DEFAULT, context, "GPT initialisation of " + disk + " on " + node);
    }
}
