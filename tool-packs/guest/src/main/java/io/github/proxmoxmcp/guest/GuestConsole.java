package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.guest.GuestLocator;
import io.github.proxmoxmcp.core.guest.GuestTarget;
import io.github.proxmoxmcp.core.guest.GuestType;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.InInstructions;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.KeyValues;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_console}: a VNC, terminal or SPICE console ticket for a guest. */
final class GuestConsole {

    @Serdeable
    enum Kind { vnc, term, spice }

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @InInstructions @PveId(NODE) String node,
            @InInstructions GuestType type,
            @NotNull Kind kind,
            Boolean websocket,
            String proxy) implements GuestTarget {
    }

    private GuestConsole() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_console",
                "Create a console ticket for a guest.",
                Input.class, ToolHints.WRITE, GuestConsole::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Params form = Params.create();
        switch (input.kind()) {
            case vnc -> form.put("websocket", input.websocket());
            case spice -> form.put("proxy", input.proxy());
            default -> { }
        }
        return GuestLocator.locate(input, context).flatMap(g -> context.bean(GuestClient.class)
                .console(g.node(), g.path(), g.vmid(), input.kind() + "proxy", form.map())
                .map(r -> ToolResult.ok(input.kind() + " console of " + g.label() + " on " + g.node() + ":\n" + KeyValues.of(r.data()))));
    }
}
