package io.github.proxmoxmcp.storage;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.ProxmoxApiException;
import io.github.proxmoxmcp.core.spi.ToolContext;
import java.util.Comparator;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The node to reach a storage through: the one given, else PROXMOX_DEFAULT_NODE, else the first node (by name) on
 * which {@code /cluster/resources} reports the storage available. Any node of a shared storage sees its content.
 */
final class StorageNode {

    private StorageNode() {
    }

    static Mono<String> of(String storage, String node, ToolContext context) {
        if (node != null && !node.isBlank()) {
            return Mono.just(node);
        }
        if (context.defaultNode().isPresent()) {
            return Mono.just(context.defaultNode().get());
        }
        return context.bean(StorageClient.class).clusterStorages().flatMap(response -> response.list().stream()
                .filter(r -> storage.equals(Json.text(r, "storage")) && "available".equals(Json.text(r, "status")))
                .map(r -> Json.text(r, "node"))
                .min(Comparator.naturalOrder())
                .map(Mono::just)
                .orElseGet(() -> Mono.error(new ProxmoxApiException(ProxmoxApiException.Kind.NOT_FOUND, 0,
                        "storage " + storage + " is not available on any node (see proxmox_storage_list); give node", Map.of()))));
    }
}
