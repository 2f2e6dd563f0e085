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

/** Resource mappings {@code /cluster/mapping/{type}} ({@code type}: pci, usb or dir); methods mirror the official paths. */
@Client(id = ProxmoxClientFilter.SERVICE, path = ProxmoxClientFilter.BASE_PATH)
public interface MappingClient {

    String FORM = MediaType.APPLICATION_FORM_URLENCODED;

    @Get("/cluster/mapping/{type}{?params*}")
    Mono<PveResponse> mappings(String type, Map<String, String> params);

    @Get("/cluster/mapping/{type}/{id}")
    Mono<PveResponse> mapping(String type, String id);

    @Post(uri = "/cluster/mapping/{type}", produces = FORM)
    Mono<PveResponse> createMapping(String type, @Body Map<String, Object> form);

    @Put(uri = "/cluster/mapping/{type}/{id}", produces = FORM)
    Mono<PveResponse> updateMapping(String type, String id, @Body Map<String, Object> form);

    @Delete("/cluster/mapping/{type}/{id}")
    Mono<PveResponse> deleteMapping(String type, String id);
}
