package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.STORAGE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;
import static io.github.proxmoxmcp.core.id.PveFormat.VOLUME;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.guest.GuestType;
import io.github.proxmoxmcp.core.guest.Nodes;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.spi.Unlisted;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_restore}: restore a backup archive to a VMID; overwriting an existing guest needs force+confirm. */
final class GuestRestore {

    @Serdeable
    record Input(
            @PveId(NODE) String node,
            @NotNull @PveId(VMID) Integer vmid,
            @NotNull GuestType type,
            @NotNull @PveId(VOLUME) String archive,
            @PveId(STORAGE) String storage,
            Boolean force,
            Boolean unique,
            Boolean start,
            Boolean confirm,
            @JsonProperty("wait") Boolean waitForTask,
            @Min(value = 1, groups = Unlisted.class) Integer timeout) implements Confirmable, TaskInput {

        @Override
        public java.time.Duration waitTimeout() {
            return java.time.Duration.ofSeconds(timeout() == null ? 3600 : timeout());
        }
    }

    private GuestRestore() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_restore",
                        "Restore a backup as vmid, waiting up to 3600 s; force overwrites (confirm).",
                        Input.class, ToolHints.DESTRUCTIVE, GuestRestore::handle)
                .confirmWhen(in -> Boolean.TRUE.equals(in.force()));
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        boolean qemu = input.type() == GuestType.qemu;
        Params form = Params.create().put("vmid", input.vmid());
        if (qemu) {
            form.put("archive", input.archive());
        } else {
            form.put("ostemplate", input.archive()).put("restore", true);
        }
        form.put("storage", input.storage()).put("force", input.force()).put("unique", input.unique()).put("start", input.start());
        return Nodes.forRestore(input.node(), input.vmid(), context).flatMap(place -> Tasks.finish(
                context.bean(GuestClient.class).create(place.node(), input.type().name(), form.map()), input, context,
                "restore of " + input.type().label() + " " + input.vmid() + " on " + place.node()).map(place::explain));
    }
}
