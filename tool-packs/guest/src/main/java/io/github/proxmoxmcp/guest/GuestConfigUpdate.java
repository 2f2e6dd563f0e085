package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.CONFIG_KEY;
import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
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

/** {@code proxmox_guest_config_update}: set and delete raw config keys, optionally guarded by the config digest. */
final class GuestConfigUpdate {

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @InInstructions @PveId(NODE) String node,
            @InInstructions GuestType type,
            Map<String, Object> set,
            List<@PveId(CONFIG_KEY) String> delete,
            List<@PveId(CONFIG_KEY) String> revert,
            String digest,
            @JsonProperty("wait") Boolean waitForTask,
            @Min(value = 1, groups = Unlisted.class) Integer timeout) implements GuestTarget, TaskInput {
    }

    private GuestConfigUpdate() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_config_update",
                "Set, delete or revert config keys by Proxmox name.",
                Input.class, ToolHints.IDEMPOTENT_WRITE, GuestConfigUpdate::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        boolean nothing = (input.set() == null || input.set().isEmpty()) && (input.delete() == null || input.delete().isEmpty())
                && (input.revert() == null || input.revert().isEmpty());
        if (nothing) {
            throw new ToolInputException("give set, delete or revert");
        }
        Params form = Params.create();
        if (input.set() != null) {
            input.set().forEach((key, value) -> form.put(key,
                    key.equals("sshkeys") && value instanceof String keys && keys.contains(" ") ? CloudInit.sshKeys(keys) : value));
        }
        form.delete(input.delete()).put("revert", input.revert()).put("digest", input.digest());
        GuestClient client = context.bean(GuestClient.class);
        return GuestLocator.locate(input, context).flatMap(g -> Tasks.finish(ConfigUpdate.send(client, g, form.map()),
                input, context, "config update of " + g.label()));
    }
}
