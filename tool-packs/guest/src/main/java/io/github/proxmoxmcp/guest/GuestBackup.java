package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.STORAGE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.OptionKeys;
import io.github.proxmoxmcp.core.client.Params;
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

/** {@code proxmox_guest_backup}: back up one guest now with vzdump on its node. */
final class GuestBackup {

    @Serdeable
    enum Mode { snapshot, suspend, stop }

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @InInstructions @PveId(NODE) String node,
            @InInstructions GuestType type,
            @PveId(STORAGE) String storage,
            Mode mode,
            @JsonPropertyDescription("compress, notes-template...") Map<String, Object> options,
            @JsonProperty("wait") Boolean waitForTask,
            @Min(value = 1, groups = Unlisted.class) Integer timeout) implements GuestTarget, TaskInput {

        @Override
        public java.time.Duration waitTimeout() {
            return java.time.Duration.ofSeconds(timeout() == null ? 3600 : timeout());
        }
    }

    /** The keys of {@code options}: parameters of {@code POST /nodes/{node}/vzdump} for one guest. */
    private static final OptionKeys OPTIONS = OptionKeys.of("options")
            .oneOf("compress", "0", "1", "gzip", "lzo", "zstd")
            .text("notes-template", "[^\\p{Cntrl}]*", "one line of text; {{guestname}}, {{vmid}}, {{node}} are replaced")
            .bool("remove", "protected")
            .integer("bwlimit", 0, Long.MAX_VALUE);

    private GuestBackup() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_backup", "Back up a guest now (vzdump); waits up to 3600 s.",
                Input.class, ToolHints.WRITE, GuestBackup::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Map<String, String> options = OPTIONS.wire(input.options());
        return GuestLocator.locate(input, context).flatMap(g -> Tasks.finish(context.bean(GuestClient.class).vzdump(g.node(),
                        Params.create()
                                .put("vmid", g.vmid())
                                .put("storage", input.storage())
                                .put("mode", input.mode())
                                .putAll(options)
                                .map()),
                input, context, "backup of " + g.label()));
    }
}
