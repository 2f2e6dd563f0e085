package io.github.proxmoxmcp.ceph;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import reactor.core.publisher.Mono;

/** Ceph's own verdict ({@code ok-to-stop}, {@code safe-to-destroy}) before an OSD, monitor or MDS is stopped or destroyed. */
final class Safety {

    private Safety() {
    }

    /** Empty when Ceph says it is safe, else why not. */
    static Mono<String> problem(CephClient client, String node, String service, String id, String action) {
        return client.cmdSafety(node, Params.create().put("service", service).put("id", id).put("action", action).map())
                .map(r -> Json.flag(r.dataOrNull(), "safe") ? ""
                        : Json.text(r.dataOrNull(), "status", "Ceph reports it is not safe"));
    }

    /** @param force how to go ahead anyway, e.g. {@code force: true} */
    static String refusal(String what, String action, String why, String force) {
        return "Ceph says it is not safe to " + action + " " + what + ": " + why
                + ". Nothing was changed. Wait until the cluster is healthy again (proxmox_ceph_status), or give " + force
                + " to " + action + " it anyway.";
    }
}
