package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.guest.GuestLocator;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.InInstructions;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.spi.Unlisted;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_agent_set_password}: set a user's password inside a VM; the password is never echoed. */
final class GuestAgentSetPassword {

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @InInstructions @PveId(NODE) String node,
            @NotNull @NotBlank(groups = Unlisted.class) String username,
            @NotNull @Size(min = 5, max = 1024, groups = Unlisted.class) String password,
            Boolean crypted) {

        @Override
        public String toString() {
            return "Input[vmid=" + vmid + ", username=" + username + ", password=***]";
        }
    }

    private GuestAgentSetPassword() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_agent_set_password", "Set a user's password in a VM via the guest agent.",
                Input.class, ToolHints.IDEMPOTENT_WRITE, GuestAgentSetPassword::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        return GuestLocator.locate(new QemuTarget(input.vmid(), input.node()), context).flatMap(g -> context.bean(GuestClient.class)
                .agentSetUserPassword(g.node(), g.vmid(), Params.create().put("username", input.username())
                        .put("password", input.password()).put("crypted", input.crypted()).map())
                .thenReturn(ToolResult.ok("password of " + input.username() + " in " + g.label() + " changed")));
    }
}
