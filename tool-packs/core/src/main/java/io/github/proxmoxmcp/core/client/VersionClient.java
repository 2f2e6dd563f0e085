package io.github.proxmoxmcp.core.client;

import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.annotation.Client;
import reactor.core.publisher.Mono;

/** {@code GET /version}. */
@Client(id = ProxmoxClientFilter.SERVICE, path = ProxmoxClientFilter.BASE_PATH)
public interface VersionClient {

    @Get("/version")
    Mono<PveResponse> version();
}
