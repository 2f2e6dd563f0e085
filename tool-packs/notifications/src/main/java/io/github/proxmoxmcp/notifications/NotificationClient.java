package io.github.proxmoxmcp.notifications;

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
 * The {@code /cluster/notifications} part of the Proxmox API; methods mirror the official paths. {@code type} is
 * one of the endpoint types (sendmail, gotify, smtp, webhook), a path segment of its own in the API.
 */
@Client(id = ProxmoxClientFilter.SERVICE, path = ProxmoxClientFilter.BASE_PATH)
public interface NotificationClient {

    String FORM = MediaType.APPLICATION_FORM_URLENCODED;

    // endpoints

    @Get("/cluster/notifications/endpoints/{type}")
    Mono<PveResponse> endpoints(String type);

    @Get("/cluster/notifications/endpoints/{type}/{name}")
    Mono<PveResponse> endpoint(String type, String name);

    @Post(uri = "/cluster/notifications/endpoints/{type}", produces = FORM)
    Mono<PveResponse> createEndpoint(String type, @Body Map<String, Object> form);

    @Put(uri = "/cluster/notifications/endpoints/{type}/{name}", produces = FORM)
    Mono<PveResponse> updateEndpoint(String type, String name, @Body Map<String, Object> form);

    @Delete("/cluster/notifications/endpoints/{type}/{name}")
    Mono<PveResponse> deleteEndpoint(String type, String name);

    // matchers

    @Get("/cluster/notifications/matchers")
    Mono<PveResponse> matchers();

    @Get("/cluster/notifications/matchers/{name}")
    Mono<PveResponse> matcher(String name);

    @Post(uri = "/cluster/notifications/matchers", produces = FORM)
    Mono<PveResponse> createMatcher(@Body Map<String, Object> form);

    @Put(uri = "/cluster/notifications/matchers/{name}", produces = FORM)
    Mono<PveResponse> updateMatcher(String name, @Body Map<String, Object> form);

    @Delete("/cluster/notifications/matchers/{name}")
    Mono<PveResponse> deleteMatcher(String name);

    @Get("/cluster/notifications/matcher-fields")
    Mono<PveResponse> matcherFields();

    @Get("/cluster/notifications/matcher-field-values")
    Mono<PveResponse> matcherFieldValues();

    // targets

    @Get("/cluster/notifications/targets")
    Mono<PveResponse> targets();

    @Post(uri = "/cluster/notifications/targets/{name}/test", produces = FORM)
    Mono<PveResponse> test(String name, @Body Map<String, String> form);
}
