package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
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
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.KeyValues;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
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
            @JsonPropertyDescription("websocket, proxy") Map<String, Object> options) implements GuestTarget {
    }

    /** The keys of {@code options}: parameters of the vncproxy and spiceproxy endpoints. */
    private static final Map<Kind, OptionKeys> OPTIONS = Map.of(
            Kind.vnc, OptionKeys.of("options", "kind=vnc").bool("websocket"),
            Kind.term, OptionKeys.of("options", "kind=term"),
            Kind.spice, OptionKeys.of("options", "kind=spice").text("proxy", "[A-Za-z0-9.:-]+", "a host name or address"));

    private GuestConsole() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_console",
                "Create a console ticket for a guest.",
                Input.class, ToolHints.WRITE, GuestConsole::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Params form = Params.create().putAll(OPTIONS.get(input.kind()).wire(input.options()));
        return GuestLocator.locate(input, context).flatMap(g -> context.bean(GuestClient.class)
                .console(g.node(), g.path(), g.vmid(), input.kind() + "proxy", form.map())
                .map(r -> ToolResult.ok(input.kind() + " console of " + g.label() + " on " + g.node() + ":\n" + KeyValues.of(r.data()))));
    }
}
