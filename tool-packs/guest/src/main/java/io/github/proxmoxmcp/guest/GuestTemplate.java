package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonProperty;
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
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.spi.Unlisted;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_template}: turn a stopped guest into a template (cannot be undone). */
final class GuestTemplate {

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @InInstructions @PveId(NODE) String node,
            @InInstructions GuestType type,
            Boolean confirm,
            @JsonProperty("wait") Boolean waitForTask,
            @Min(value = 1, groups = Unlisted.class) Integer timeout) implements GuestTarget, Confirmable, TaskInput {
    }

    private GuestTemplate() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_template", "Make a stopped guest a template (irreversible); needs confirm.",
                Input.class, ToolHints.DESTRUCTIVE, GuestTemplate::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        return GuestLocator.locate(input, context).flatMap(g -> Tasks.finish(
                context.bean(GuestClient.class).template(g.node(), g.path(), g.vmid(), Map.of()), input, context,
                "conversion of " + g.label() + " to a template"));
    }
}
