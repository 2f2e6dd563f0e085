package io.github.proxmoxmcp.guest;

import io.github.proxmoxmcp.core.client.PveResponse;
import io.github.proxmoxmcp.core.guest.Guest;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Sends a config change the way each type takes it: QEMU's asynchronous POST, LXC's PUT. */
final class ConfigUpdate {

    private ConfigUpdate() {
    }

    static Mono<PveResponse> send(GuestClient client, Guest g, Map<String, String> form) {
        return g.qemu() ? client.updateQemuConfig(g.node(), g.vmid(), form) : client.updateConfig(g.node(), g.path(), g.vmid(), form);
    }
}
