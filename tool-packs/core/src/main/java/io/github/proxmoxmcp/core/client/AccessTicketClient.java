package io.github.proxmoxmcp.core.client;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.annotation.Client;
import java.util.Map;
import reactor.core.publisher.Mono;

/** {@code POST /access/ticket}: password login. The auth filter lets this one call through unauthenticated. */
@Client(id = ProxmoxClientFilter.SERVICE, path = ProxmoxClientFilter.BASE_PATH)
public interface AccessTicketClient {

    @Post(uri = "/access/ticket", produces = MediaType.APPLICATION_FORM_URLENCODED)
    Mono<PveResponse> ticket(@Body Map<String, String> form);
}
