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
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_agent_file_write}: write (replace) a file inside a VM through the guest agent. */
final class GuestAgentFileWrite {

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @InInstructions @PveId(NODE) String node,
            @NotNull @NotBlank(groups = Unlisted.class) String file,
            @NotNull @Size(max = 61440) String content) {
    }

    private GuestAgentFileWrite() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_agent_file_write", "Write (replace) a text file in a VM via the guest agent.",
                Input.class, ToolHints.IDEMPOTENT_WRITE, GuestAgentFileWrite::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        return GuestLocator.locate(new QemuTarget(input.vmid(), input.node()), context).flatMap(g -> context.bean(GuestClient.class)
                .agentFileWrite(g.node(), g.vmid(), Params.create().put("file", input.file()).put("content", input.content()).map())
                .thenReturn(ToolResult.ok("wrote " + input.content().getBytes(StandardCharsets.UTF_8).length + " bytes to "
                        + input.file() + " in " + g.label())));
    }
}
