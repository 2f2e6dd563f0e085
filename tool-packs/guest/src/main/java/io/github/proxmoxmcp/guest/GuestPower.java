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
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_power}: start, shut down, stop, reboot, reset, suspend or resume a guest, waiting for the task. */
final class GuestPower {

    @Serdeable
    enum Action { start, shutdown, stop, reboot, reset, suspend, resume }

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @PveId(NODE) String node,
            GuestType type,
            @NotNull Action action,
            @JsonPropertyDescription("shutdown: then hard stop") Boolean forceStop,
            @Min(0) Integer shutdownTimeout,
            @JsonPropertyDescription("suspend: hibernate") Boolean todisk,
            Boolean confirm,
            @JsonProperty("wait") Boolean waitForTask,
            @Min(1) Integer timeout) implements GuestTarget, Confirmable, TaskInput {
    }

    private GuestPower() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_power",
                        "Power a guest (reset, todisk: qemu only); stop, reset, shutdown+forceStop need confirm.",
                        Input.class, ToolHints.DESTRUCTIVE, GuestPower::handle)
                .confirmWhen(in -> in.action() == Action.stop || in.action() == Action.reset
                        || in.action() == Action.shutdown && Boolean.TRUE.equals(in.forceStop()));
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        if (input.action() == Action.reset && input.type() == GuestType.lxc) {
            throw new ToolInputException("reset is QEMU-only; use action=reboot or stop for a container");
        }
        return GuestLocator.locate(input, context).flatMap(g -> {
            if (input.action() == Action.reset && !g.qemu()) {
                return Mono.just(ToolResult.error(g.label() + " is a container: reset is QEMU-only; use reboot or stop. "
                        + "Nothing was changed."));
            }
            Params form = Params.create();
            switch (input.action()) {
                case shutdown -> form.put("forceStop", input.forceStop()).put("timeout", input.shutdownTimeout());
                case reboot -> form.put("timeout", input.shutdownTimeout());
                case suspend -> form.put("todisk", g.qemu() ? input.todisk() : null);
                default -> { }
            }
            return Tasks.finish(context.bean(GuestClient.class).power(g.node(), g.path(), g.vmid(), input.action().name(), form.map()),
                    input, context, input.action() + " of " + g.label());
        });
    }
}
