package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.STORAGE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.guest.GuestLocator;
import io.github.proxmoxmcp.core.guest.GuestTarget;
import io.github.proxmoxmcp.core.guest.GuestType;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_mountpoint}: add or detach container mount point mpN. */
final class GuestMountPoint {

    @Serdeable
    enum Action { set, remove }

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @PveId(NODE) String node,
            @NotNull Action action,
            @NotNull @Min(0) @Max(255) Integer index,
            @PveId(STORAGE) String storage,
            @JsonPropertyDescription("GiB") @Min(1) Integer size,
            @JsonPropertyDescription("Or a volume or host path") String volume,
            String path,
            Boolean backup,
            Boolean readonly) implements GuestTarget {

        @Override
        public GuestType type() {
            return GuestType.lxc;
        }
    }

    private GuestMountPoint() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_mountpoint",
                "Set container mount point mpN at path, or remove it (kept unused).",
                Input.class, ToolHints.IDEMPOTENT_WRITE, GuestMountPoint::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String key = "mp" + input.index();
        Params form;
        if (input.action() == Action.remove) {
            form = Params.create().delete(List.of(key));
        } else {
            if (input.path() == null) {
                throw new ToolInputException("path is required for action=set");
            }
            if ((input.volume() == null) == (input.storage() == null || input.size() == null)) {
                throw new ToolInputException("give either storage and size, or volume");
            }
            String source = input.volume() != null ? input.volume() : input.storage() + ":" + input.size();
            form = Params.create().put(key, source + ",mp=" + input.path()
                    + (input.backup() == null ? "" : ",backup=" + (input.backup() ? 1 : 0))
                    + (Boolean.TRUE.equals(input.readonly()) ? ",ro=1" : ""));
        }
        GuestClient client = context.bean(GuestClient.class);
        return GuestLocator.locate(input, context).flatMap(g -> client.updateConfig(g.node(), g.path(), g.vmid(), form.map())
                .thenReturn(ToolResult.ok((input.action() == Action.set ? "set " : "removed ") + key + " of " + g.label())));
    }
}
