package io.github.proxmoxmcp.acme;

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
 * A node's certificates ({@code /nodes/{node}/certificates}) and the ACME settings in its config
 * ({@code /nodes/{node}/config}: {@code acme}, {@code acmedomainN}); methods mirror the official paths.
 */
@Client(id = ProxmoxClientFilter.SERVICE, path = ProxmoxClientFilter.BASE_PATH)
public interface CertificateClient {

    String FORM = MediaType.APPLICATION_FORM_URLENCODED;

    @Get("/nodes/{node}/certificates/info")
    Mono<PveResponse> info(String node);

    @Post(uri = "/nodes/{node}/certificates/acme/certificate", produces = FORM)
    Mono<PveResponse> order(String node, @Body Map<String, String> form);

    @Put(uri = "/nodes/{node}/certificates/acme/certificate", produces = FORM)
    Mono<PveResponse> renew(String node, @Body Map<String, String> form);

    @Delete("/nodes/{node}/certificates/acme/certificate")
    Mono<PveResponse> revoke(String node);

    @Post(uri = "/nodes/{node}/certificates/custom", produces = FORM)
    Mono<PveResponse> upload(String node, @Body Map<String, String> form);

    @Delete("/nodes/{node}/certificates/custom{?params*}")
    Mono<PveResponse> removeCustom(String node, Map<String, String> params);

    @Get("/nodes/{node}/config")
    Mono<PveResponse> config(String node);

    @Put(uri = "/nodes/{node}/config", produces = FORM)
    Mono<PveResponse> setConfig(String node, @Body Map<String, String> form);
}
