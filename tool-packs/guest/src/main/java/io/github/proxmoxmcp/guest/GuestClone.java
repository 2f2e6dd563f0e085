package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.POOL;
import static io.github.proxmoxmcp.core.id.PveFormat.SNAPSHOT;
import static io.github.proxmoxmcp.core.id.PveFormat.STORAGE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.OptionKeys;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.guest.Guest;
import io.github.proxmoxmcp.core.guest.GuestLocator;
import io.github.proxmoxmcp.core.guest.GuestTarget;
import io.github.proxmoxmcp.core.guest.GuestType;
import io.github.proxmoxmcp.core.id.PveId;
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

/** {@code proxmox_guest_clone}: copy a VM or container (full or linked) to a new VMID. */
final class GuestClone {

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @InInstructions @PveId(NODE) String node,
            @InInstructions GuestType type,
            @PveId(VMID) Integer newid,
            String name,
            Boolean full,
            @PveId(NODE) String target,
            @PveId(STORAGE) String storage,
            @JsonPropertyDescription("pool, snapname...") Map<String, Object> options,
            @JsonProperty("wait") Boolean waitForTask,
            @Min(value = 1, groups = Unlisted.class) Integer timeout) implements GuestTarget, TaskInput {
    }

    /** The keys of {@code options}: parameters of the clone endpoint of both guest types. */
    static final OptionKeys OPTIONS = OptionKeys.of("options").id("pool", POOL).id("snapname", SNAPSHOT)
            .text("description", "(?s).*", "a string").integer("bwlimit", 0, Long.MAX_VALUE);

    private GuestClone() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_clone", "Clone a guest to a new VMID.",
                Input.class, ToolHints.WRITE, GuestClone::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        OPTIONS.wire(input.options());
        GuestClient client = context.bean(GuestClient.class);
        return GuestLocator.locate(input, context).flatMap(g -> GuestNextId.orNext(input.newid(), context).flatMap(newid ->
                Tasks.finish(client.clone(g.node(), g.path(), g.vmid(), form(g, input, newid)),
                        input, context, "clone of " + g.label() + " to " + newid)));
    }

    static Map<String, String> form(Guest g, Input input, int newid) {
        Boolean full = input.full() == null && input.storage() != null ? Boolean.TRUE : input.full();
        return Params.create()
                .put("newid", newid)
                .put(g.qemu() ? "name" : "hostname", input.name())
                .put("full", full)
                .put("target", input.target())
                .put("storage", input.storage())
                .putAll(OPTIONS.wire(input.options()))
                .map();
    }
}
