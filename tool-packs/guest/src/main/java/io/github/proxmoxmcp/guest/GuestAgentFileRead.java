package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.guest.GuestLocator;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.InInstructions;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.spi.Unlisted;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_agent_file_read}: read a file inside a VM through the guest agent. */
final class GuestAgentFileRead {

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @InInstructions @PveId(NODE) String node,
            @NotNull @NotBlank(groups = Unlisted.class) String file,
            @Min(value = 0, groups = Unlisted.class) Long offset,
            @Min(value = 1, groups = Unlisted.class) @Max(value = 16777216, groups = Unlisted.class) Integer count) {
    }

    private GuestAgentFileRead() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_guest_agent_file_read", "Read a file in a VM via the guest agent (bounded).",
                Input.class, GuestAgentFileRead::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        int count = input.count() == null ? 65536 : input.count();
        return GuestLocator.locate(new QemuTarget(input.vmid(), input.node()), context).flatMap(g -> context.bean(GuestClient.class)
                .agentFileRead(g.node(), g.vmid(), Params.create().put("file", input.file()).put("offset", input.offset())
                        .put("count", count).map())
                .map(r -> ToolResult.ok(Json.text(r.dataOrNull(), "content", "")
                        + (Json.flag(r.dataOrNull(), "truncated") ? "\n… truncated at " + count + " bytes (use offset/count)" : ""))));
    }
}
