package io.github.proxmoxmcp.node;

import io.github.proxmoxmcp.core.client.ProxmoxClientFilter;
import io.github.proxmoxmcp.core.client.PveResponse;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.annotation.Client;
import reactor.core.publisher.Mono;

/** The {@code /nodes} part of the Proxmox API that the node pack uses; methods mirror the official paths. */
@Client(id = ProxmoxClientFilter.SERVICE, path = ProxmoxClientFilter.BASE_PATH)
public interface NodeClient {

    @Get("/nodes")
    Mono<PveResponse> nodes();

    @Get("/nodes/{node}/status")
    Mono<PveResponse> status(String node);
}
