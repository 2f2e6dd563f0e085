package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.guest.GuestLocator;
import io.github.proxmoxmcp.core.guest.GuestTarget;
import io.github.proxmoxmcp.core.guest.GuestType;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_migrate}: move a guest to another node, live (qemu), offline, or by restart (lxc). */
final class GuestMigrate {

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @PveId(NODE) String node,
            GuestType type,
            @NotNull @PveId(NODE) String target,
            Boolean online,
            Boolean withLocalDisks,
            @JsonPropertyDescription("Or map src:dst,...") String targetStorage,
            @JsonPropertyDescription("lxc") Boolean restart,
            @Min(1) Integer restartTimeout,
            @JsonPropertyDescription("KiB/s") @Min(0) Integer bwlimit,
            @JsonProperty("wait") Boolean waitForTask,
            @Min(1) Integer timeout) implements GuestTarget, TaskInput {
    }

    private GuestMigrate() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_migrate",
                "Migrate a guest to another node.",
                Input.class, ToolHints.WRITE, GuestMigrate::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        return GuestLocator.locate(input, context).flatMap(g -> {
            Params form = Params.create().put("target", input.target()).put("online", input.online()).put("bwlimit", input.bwlimit());
            if (g.qemu()) {
                form.put("with-local-disks", input.withLocalDisks()).put("targetstorage", input.targetStorage());
            } else {
                form.put("restart", input.restart()).put("timeout", input.restartTimeout()).put("target-storage", input.targetStorage());
            }
            return Tasks.finish(context.bean(GuestClient.class).migrate(g.node(), g.path(), g.vmid(), form.map()), input, context,
                    "migration of " + g.label() + " from " + g.node() + " to " + input.target());
        });
    }
}
