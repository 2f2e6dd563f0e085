package io.github.proxmoxmcp.cluster;

import io.github.proxmoxmcp.core.client.ProxmoxClientFilter;
import io.github.proxmoxmcp.core.client.PveResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.client.annotation.Client;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code /pools}, addressed by the {@code poolid} parameter (PVE 8.1+): the {@code /pools/{poolid}} paths are
 * deprecated and cannot reach nested pools.
 */
@Client(id = ProxmoxClientFilter.SERVICE, path = ProxmoxClientFilter.BASE_PATH)
public interface PoolClient {

    @Get("/pools{?params*}")
    Mono<PveResponse> pools(Map<String, String> params);

    @Post(uri = "/pools", produces = MediaType.APPLICATION_FORM_URLENCODED)
    Mono<PveResponse> create(@Body Map<String, String> form);

    @Put(uri = "/pools", produces = MediaType.APPLICATION_FORM_URLENCODED)
    Mono<PveResponse> update(@Body Map<String, String> form);

    @Delete("/pools{?params*}")
    Mono<PveResponse> delete(Map<String, String> params);
}
