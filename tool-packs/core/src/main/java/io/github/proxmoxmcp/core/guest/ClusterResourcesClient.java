package io.github.proxmoxmcp.core.guest;

import io.github.proxmoxmcp.core.client.ProxmoxClientFilter;
import io.github.proxmoxmcp.core.client.PveResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import reactor.core.publisher.Mono;

/** {@code GET /cluster/resources}, which says where every guest runs and what it is. */
@Client(id = ProxmoxClientFilter.SERVICE, path = ProxmoxClientFilter.BASE_PATH)
public interface ClusterResourcesClient {

    /** Resources of one type ({@code vm}, {@code node}, {@code storage}...), or all of them for a null type. */
    @Get("/cluster/resources{?type}")
    Mono<PveResponse> resources(@Nullable @QueryValue String type);
}
