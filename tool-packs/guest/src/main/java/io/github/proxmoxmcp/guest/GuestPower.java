package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.OptionKeys;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.guest.GuestLocator;
import io.github.proxmoxmcp.core.guest.GuestTarget;
import io.github.proxmoxmcp.core.guest.GuestType;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.InInstructions;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.spi.Unlisted;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_power}: start, shut down, stop, reboot, reset, suspend or resume a guest, waiting for the task. */
final class GuestPower {

    @Serdeable
    enum Action { start, shutdown, stop, reboot, reset, suspend, resume }

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @InInstructions @PveId(NODE) String node,
            @InInstructions GuestType type,
            @NotNull Action action,
            @JsonPropertyDescription("forceStop, timeout...") Map<String, Object> options,
            Boolean confirm,
            @JsonProperty("wait") Boolean waitForTask,
            @Min(value = 1, groups = Unlisted.class) Integer timeout) implements GuestTarget, Confirmable, TaskInput {
    }

    /** The keys of {@code options}: parameters of each action's {@code status/<action>} endpoint. */
    private static final Map<Action, OptionKeys> OPTIONS = Map.of(
            Action.shutdown, OptionKeys.of("options", "action=shutdown").bool("forceStop").integer("timeout", 0, Long.MAX_VALUE),
            Action.reboot, OptionKeys.of("options", "action=reboot").integer("timeout", 0, Long.MAX_VALUE),
            Action.suspend, OptionKeys.of("options", "action=suspend").bool("todisk"));

    private GuestPower() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_power",
                        "Power a guest; stop, reset and shutdown with forceStop need confirm.",
                        Input.class, ToolHints.DESTRUCTIVE, GuestPower::handle)
                .confirmWhen(in -> in.action() == Action.stop || in.action() == Action.reset
                        || in.action() == Action.shutdown && in.options() != null
                        && List.of(true, 1).contains(in.options().get("forceStop")));
    }

    private static OptionKeys options(Action action) {
        return OPTIONS.getOrDefault(action, OptionKeys.of("options", "action=" + action));
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Map<String, String> options = options(input.action()).wire(input.options());
        if (input.action() == Action.reset && input.type() == GuestType.lxc) {
            throw new ToolInputException("reset is QEMU-only; use action=reboot or stop for a container");
        }
        return GuestLocator.locate(input, context).flatMap(g -> {
            if (input.action() == Action.reset && !g.qemu()) {
                return Mono.just(ToolResult.error(g.label() + " is a container: reset is QEMU-only; use reboot or stop. "
                        + "Nothing was changed."));
            }
            if (!g.qemu() && options.containsKey("todisk")) {
                return Mono.just(ToolResult.error(g.label() + " is a container: todisk is QEMU-only. Nothing was changed."));
            }
            return Tasks.finish(context.bean(GuestClient.class).power(g.node(), g.path(), g.vmid(), input.action().name(), options),
                    input, context, input.action() + " of " + g.label());
        });
    }
}
