package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.SNAPSHOT;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.guest.GuestLocator;
import io.github.proxmoxmcp.core.guest.GuestTarget;
import io.github.proxmoxmcp.core.guest.GuestType;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.InInstructions;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Compact;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_feature}: whether a guest's storage allows snapshot, clone or copy. */
final class GuestFeature {

    @Serdeable
    enum Feature { snapshot, clone, copy }

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @InInstructions @PveId(NODE) String node,
            @InInstructions GuestType type,
            @NotNull Feature feature,
            @PveId(SNAPSHOT) String snapname) implements GuestTarget {
    }

    private GuestFeature() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_guest_feature",
                "Check whether a guest's disks support a feature.",
                Input.class, GuestFeature::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        return GuestLocator.locate(input, context).flatMap(g -> context.bean(GuestClient.class)
                .feature(g.node(), g.path(), g.vmid(), Params.create()
                        .put("feature", input.feature()).put("snapname", input.snapname()).map())
                .map(r -> {
                    var data = r.dataOrNull();
                    String text = g.label() + " " + input.feature() + ": "
                            + (Json.flag(data, "hasFeature") ? "supported" : "not supported");
                    var nodes = Json.field(data, "nodes");
                    if (nodes != null && nodes.isArray() && nodes.size() > 0) {
                        text += "\nnodes: " + Compact.json(nodes);
                    }
                    return ToolResult.ok(text);
                }));
    }
}
