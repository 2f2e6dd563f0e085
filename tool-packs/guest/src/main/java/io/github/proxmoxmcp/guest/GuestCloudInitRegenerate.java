package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import io.github.proxmoxmcp.core.guest.GuestLocator;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.InInstructions;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_cloudinit_regenerate}: rebuild a VM's cloud-init drive from its current config. */
final class GuestCloudInitRegenerate {

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @InInstructions @PveId(NODE) String node) {
    }

    private GuestCloudInitRegenerate() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_cloudinit_regenerate",
                "Regenerate a VM's cloud-init drive so changes apply at next boot.",
                Input.class, ToolHints.IDEMPOTENT_WRITE, GuestCloudInitRegenerate::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        return GuestLocator.locate(new QemuTarget(input.vmid(), input.node()), context).flatMap(g -> context.bean(GuestClient.class)
                .cloudinitRegenerate(g.node(), g.vmid(), Map.of())
                .thenReturn(ToolResult.ok("cloud-init drive of " + g.label() + " regenerated")));
    }
}
