package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.OptionKeys;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.guest.Guest;
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
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_guest_delete}: destroy a guest and its disks. A running guest is refused unless
 * {@code stop: true}, which stops it (and waits) first.
 */
final class GuestDelete {

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @InInstructions @PveId(NODE) String node,
            @InInstructions GuestType type,
            @JsonPropertyDescription("purge...") Map<String, Object> options,
            Boolean stop,
            Boolean confirm,
            @JsonProperty("wait") Boolean waitForTask,
            @Min(value = 1, groups = Unlisted.class) Integer timeout) implements GuestTarget, Confirmable, TaskInput {
    }

    /** The keys of {@code options}: parameters of {@code DELETE /nodes/{node}/{type}/{vmid}}. */
    private static final OptionKeys OPTIONS = OptionKeys.of("options").bool("purge", "destroy-unreferenced-disks");

    private GuestDelete() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_delete",
                "Destroy a guest and its disks; needs confirm, and stop if it runs.",
                Input.class, ToolHints.DESTRUCTIVE, GuestDelete::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Map<String, String> query = OPTIONS.wire(input.options());
        GuestClient client = context.bean(GuestClient.class);
        Steps steps = new Steps(context, input.waitTimeout());
        return steps.finish(GuestLocator.locate(input, context).flatMap(g -> client.status(g.node(), g.path(), g.vmid())
                .flatMap(status -> {
                    boolean running = !"stopped".equals(Json.text(status.dataOrNull(), "status", "stopped"));
                    if (running && !Boolean.TRUE.equals(input.stop())) {
                        return Mono.just(ToolResult.error(g.label() + " is " + Json.text(status.dataOrNull(), "status")
                                + ": nothing was deleted. Pass stop: true to stop it first, or shut it down with proxmox_guest_power."));
                    }
                    Mono<?> stopped = running
                            ? steps.task("stop of " + g.label(), client.power(g.node(), g.path(), g.vmid(), "stop", Map.of()))
                            : Mono.just(true);
                    return stopped.then(Mono.defer(() -> destroy(client, g, query, input, context, steps)));
                })));
    }

    private static Mono<ToolResult> destroy(GuestClient client, Guest g, Map<String, String> query, Input input,
                                            ToolContext context, Steps steps) {
        return client.destroy(g.node(), g.path(), g.vmid(), query).flatMap(response -> {
            String upid = response.string();
            String what = "deletion of " + g.label();
            if (!input.waits() || upid == null) {
                steps.note(what + (upid == null ? ": done" : ": started, task " + upid));
                return Mono.just(ToolResult.ok(steps.text()));
            }
            return steps.task(what, Mono.just(response)).map(outcome -> ToolResult.ok(steps.text()));
        });
    }
}
