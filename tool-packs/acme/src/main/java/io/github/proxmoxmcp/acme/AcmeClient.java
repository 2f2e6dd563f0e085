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

/** The {@code /cluster/acme} part of the Proxmox API; methods mirror the official paths. */
@Client(id = ProxmoxClientFilter.SERVICE, path = ProxmoxClientFilter.BASE_PATH)
public interface AcmeClient {

    String FORM = MediaType.APPLICATION_FORM_URLENCODED;

    // accounts

    @Get("/cluster/acme/account")
    Mono<PveResponse> accounts();

    @Get("/cluster/acme/account/{name}")
    Mono<PveResponse> account(String name);

    @Post(uri = "/cluster/acme/account", produces = FORM)
    Mono<PveResponse> register(@Body Map<String, String> form);

    @Put(uri = "/cluster/acme/account/{name}", produces = FORM)
    Mono<PveResponse> updateAccount(String name, @Body Map<String, String> form);

    @Delete("/cluster/acme/account/{name}")
    Mono<PveResponse> deactivate(String name);

    // the CA

    @Get("/cluster/acme/directories")
    Mono<PveResponse> directories();

    @Get("/cluster/acme/meta{?params*}")
    Mono<PveResponse> meta(Map<String, String> params);

    @Get("/cluster/acme/tos{?params*}")
    Mono<PveResponse> tos(Map<String, String> params);

    // challenge plugins

    @Get("/cluster/acme/challenge-schema")
    Mono<PveResponse> challengeSchema();

    @Get("/cluster/acme/plugins")
    Mono<PveResponse> plugins();

    @Get("/cluster/acme/plugins/{id}")
    Mono<PveResponse> plugin(String id);

    @Post(uri = "/cluster/acme/plugins", produces = FORM)
    Mono<PveResponse> createPlugin(@Body Map<String, String> form);

    @Put(uri = "/cluster/acme/plugins/{id}", produces = FORM)
    Mono<PveResponse> updatePlugin(String id, @Body Map<String, String> form);

    @Delete("/cluster/acme/plugins/{id}")
    Mono<PveResponse> deletePlugin(String id);
}
