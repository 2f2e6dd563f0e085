package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.SNAPSHOT;
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
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.spi.Unlisted;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_snapshot}: create, roll back to, or delete a snapshot. */
final class GuestSnapshot {

    @Serdeable
    enum Action { create, rollback, delete }

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @InInstructions @PveId(NODE) String node,
            @InInstructions GuestType type,
            @NotNull Action action,
            @NotNull @PveId(SNAPSHOT) String snapname,
            @JsonPropertyDescription("vmstate, start, force...") Map<String, Object> options,
            Boolean confirm,
            @JsonProperty("wait") Boolean waitForTask,
            @Min(value = 1, groups = Unlisted.class) Integer timeout) implements GuestTarget, Confirmable, TaskInput {
    }

    /** The keys of {@code options}: parameters of the create, rollback and delete endpoints. */
    private static final Map<Action, OptionKeys> OPTIONS = Map.of(
            Action.create, OptionKeys.of("options", "action=create").text("description", "(?s).*", "a string").bool("vmstate"),
            Action.rollback, OptionKeys.of("options", "action=rollback").bool("start"),
            Action.delete, OptionKeys.of("options", "action=delete").bool("force"));

    private GuestSnapshot() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_snapshot",
                        "Take, roll back (confirm) or delete (confirm) a snapshot.",
                        Input.class, ToolHints.DESTRUCTIVE, GuestSnapshot::handle)
                .confirmWhen(in -> in.action() != Action.create);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Map<String, String> options = OPTIONS.get(input.action()).wire(input.options());
        GuestClient client = context.bean(GuestClient.class);
        return GuestLocator.locate(input, context).flatMap(g -> {
            if (!g.qemu() && options.containsKey("vmstate")) {
                return Mono.just(ToolResult.error(g.label() + " is a container: vmstate is QEMU-only. Nothing was changed."));
            }
            String name = input.snapname();
            return switch (input.action()) {
                case create -> Tasks.finish(client.snapshot(g.node(), g.path(), g.vmid(), Params.create()
                                .put("snapname", name).putAll(options).map()),
                        input, context, "snapshot " + name + " of " + g.label());
                case rollback -> Tasks.finish(client.rollback(g.node(), g.path(), g.vmid(), name, options),
                        input, context, "rollback of " + g.label() + " to " + name);
                case delete -> Tasks.finish(client.deleteSnapshot(g.node(), g.path(), g.vmid(), name, options),
                        input, context, "deletion of snapshot " + name + " of " + g.label());
            };
        });
    }
}
