package io.github.proxmoxmcp.core.task;

import io.github.proxmoxmcp.core.client.ProxmoxClientFilter;
import io.github.proxmoxmcp.core.client.PveResponse;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import reactor.core.publisher.Mono;

/** Task status and log, as the task waiter reads them. */
@Client(id = ProxmoxClientFilter.SERVICE, path = ProxmoxClientFilter.BASE_PATH)
public interface TaskClient {

    @Get("/nodes/{node}/tasks/{upid}/status")
    Mono<PveResponse> status(String node, String upid);

    @Get("/nodes/{node}/tasks/{upid}/log")
    Mono<PveResponse> log(String node, String upid, @QueryValue int start, @QueryValue int limit);
}
