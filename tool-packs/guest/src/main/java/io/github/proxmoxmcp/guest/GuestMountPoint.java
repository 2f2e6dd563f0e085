package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.STORAGE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.OptionKeys;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.guest.GuestLocator;
import io.github.proxmoxmcp.core.guest.GuestTarget;
import io.github.proxmoxmcp.core.guest.GuestType;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.InInstructions;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.spi.Unlisted;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_mountpoint}: add or detach container mount point mpN. */
final class GuestMountPoint {

    @Serdeable
    enum Action { set, remove }

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @InInstructions @PveId(NODE) String node,
            @NotNull Action action,
            @NotNull @Min(value = 0, groups = Unlisted.class) @Max(value = 255, groups = Unlisted.class) Integer index,
            @PveId(STORAGE) String storage,
            @JsonPropertyDescription("GiB") @Min(value = 1, groups = Unlisted.class) Integer size,
            String volume,
            String path,
            @JsonPropertyDescription("backup, ro, acl...") Map<String, Object> set) implements GuestTarget {

        @Override
        public GuestType type() {
            return GuestType.lxc;
        }
    }

    /** The keys of {@code set}: the mpN properties of a container's {@code pve-ct-mountpoint}. */
    private static final OptionKeys SET = OptionKeys.of("set").bool("backup", "ro", "acl", "quota", "replicate", "shared", "keepattrs")
            .text("mountoptions", "(discard|lazytime|noatime|nodev|noexec|nosuid)(;(discard|lazytime|noatime|nodev|noexec|nosuid))*",
                    "options separated by ';' of discard, lazytime, noatime, nodev, noexec, nosuid");

    private GuestMountPoint() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_mountpoint",
                "Set container mount point mpN (storage and size, or volume) at path, or remove it.",
                Input.class, ToolHints.IDEMPOTENT_WRITE, GuestMountPoint::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String key = "mp" + input.index();
        Params form;
        if (input.action() == Action.remove) {
            if (input.set() != null && !input.set().isEmpty()) {
                throw new ToolInputException("set is for action=set");
            }
            form = Params.create().delete(List.of(key));
        } else {
            if (input.path() == null) {
                throw new ToolInputException("path is required for action=set");
            }
            if ((input.volume() == null) == (input.storage() == null || input.size() == null)) {
                throw new ToolInputException("give either storage and size, or volume");
            }
            String source = input.volume() != null ? input.volume() : input.storage() + ":" + input.size();
            StringBuilder value = new StringBuilder(source).append(",mp=").append(input.path());
            SET.wire(input.set()).forEach((property, wire) -> value.append(',').append(property).append('=').append(wire));
            form = Params.create().put(key, value.toString());
        }
        GuestClient client = context.bean(GuestClient.class);
        return GuestLocator.locate(input, context).flatMap(g -> client.updateConfig(g.node(), g.path(), g.vmid(), form.map())
                .thenReturn(ToolResult.ok((input.action() == Action.set ? "set " : "removed ") + key + " of " + g.label())));
    }
}
