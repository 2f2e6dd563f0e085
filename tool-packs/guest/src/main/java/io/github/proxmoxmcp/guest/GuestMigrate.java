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

/** {@code proxmox_guest_migrate}: move a guest to another node, live (qemu), offline, or by restart (lxc). */
final class GuestMigrate {

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @InInstructions @PveId(NODE) String node,
            @InInstructions GuestType type,
            @NotNull @PveId(NODE) String target,
            Boolean online,
            @JsonPropertyDescription("with-local-disks, restart...") Map<String, Object> options,
            @JsonProperty("wait") Boolean waitForTask,
            @Min(value = 1, groups = Unlisted.class) Integer timeout) implements GuestTarget, TaskInput {
    }

    /** The keys of {@code options}: parameters of each type's {@code migrate} endpoint. */
    private static final OptionKeys QEMU = keys(true, false);
    private static final OptionKeys LXC = keys(false, true);
    private static final OptionKeys EITHER = keys(true, true);

    private static OptionKeys keys(boolean qemu, boolean lxc) {
        OptionKeys keys = OptionKeys.of("options", qemu && lxc ? "a guest" : qemu ? "a VM" : "a container")
                .integer("bwlimit", 0, Long.MAX_VALUE);
        String storage = "a storage id, or source:target pairs separated by ',', e.g. local-lvm:fast";
        if (qemu) {
            keys.bool("with-local-disks", "force", "with-conntrack-state")
                    .text("targetstorage", STORAGE_MAP, storage)
                    .text("migration_network", "[0-9A-Fa-f:.]+/\\d{1,3}", "a network in CIDR form, e.g. 10.1.0.0/24")
                    .oneOf("migration_type", "secure", "insecure");
        }
        if (lxc) {
            keys.bool("restart").integer("timeout", 0, Long.MAX_VALUE).text("target-storage", STORAGE_MAP, storage);
        }
        return keys;
    }

    private static final String STORAGE_MAP = "[A-Za-z0-9._-]+(:[A-Za-z0-9._-]+)?(,[A-Za-z0-9._-]+(:[A-Za-z0-9._-]+)?)*";

    private GuestMigrate() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_migrate",
                "Migrate a guest to another node.",
                Input.class, ToolHints.WRITE, GuestMigrate::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        (input.type() == null ? EITHER : input.type() == GuestType.qemu ? QEMU : LXC).wire(input.options());
        return GuestLocator.locate(input, context).flatMap(g -> {
            Params form = Params.create().put("target", input.target()).put("online", input.online())
                    .putAll((g.qemu() ? QEMU : LXC).wire(input.options()));
            return Tasks.finish(context.bean(GuestClient.class).migrate(g.node(), g.path(), g.vmid(), form.map()), input, context,
                    "migration of " + g.label() + " from " + g.node() + " to " + input.target());
        });
    }
}
