package io.github.proxmoxmcp.guest;

import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_nextid}: the next free VMID of the cluster. */
final class GuestNextId {

    @Serdeable
    record Input() {
    }

    private GuestNextId() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_guest_nextid", "Next free VMID in the cluster.",
                Input.class, GuestNextId::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        return context.bean(GuestClient.class).nextId().map(r -> ToolResult.ok("next free VMID: " + r.string()));
    }

    /** The VMID given, else the next free one. */
    static Mono<Integer> orNext(Integer vmid, ToolContext context) {
        return vmid != null ? Mono.just(vmid)
                : context.bean(GuestClient.class).nextId().map(r -> Integer.parseInt(r.string().trim()));
    }
}
