package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.guest.GuestLocator;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.InInstructions;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_cloudinit_get}: the cloud-init user/network/meta data a VM gets, or its pending cloud-init values. */
final class GuestCloudInitGet {

    @Serdeable
    enum View { user, network, meta, pending }

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @InInstructions @PveId(NODE) String node,
            View view) {
    }

    private GuestCloudInitGet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_guest_cloudinit_get",
                "A VM's generated cloud-init data or pending values.",
                Input.class, GuestCloudInitGet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        GuestClient client = context.bean(GuestClient.class);
        View view = input.view() == null ? View.user : input.view();
        return GuestLocator.locate(new QemuTarget(input.vmid(), input.node()), context).flatMap(g -> view == View.pending
                ? client.cloudinit(g.node(), g.vmid()).map(r -> {
                    Table table = Table.of("KEY", "VALUE", "PENDING");
                    r.list().forEach(i -> table.row(Json.text(i, "key"), Json.text(i, "value"),
                            Json.flag(i, "delete") ? "(delete)" : Json.text(i, "pending")));
                    return ToolResult.ok(table.render());
                })
                : client.cloudinitDump(g.node(), g.vmid(), view.name()).map(r -> ToolResult.ok(r.string() == null ? "" : r.string())));
    }
}
