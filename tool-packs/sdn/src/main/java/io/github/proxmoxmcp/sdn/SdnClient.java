package io.github.proxmoxmcp.sdn;

import io.github.proxmoxmcp.core.client.ProxmoxClientFilter;
import io.github.proxmoxmcp.core.client.PveResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The {@code /cluster/sdn} and {@code /nodes/{node}/sdn} parts of the Proxmox API. An SDN object lives at
 * {@code /cluster/sdn} followed by the segments of {@code path} ({@code zones/z1}, {@code vnets/v1/subnets/…},
 * {@code fabrics/node/f1/pve1}), each percent-encoded on its own. Query parameters are {@code @QueryValue}s: after an
 * exploded {@code {/path*}}, a {@code {?params*}} query would start with '&amp;'.
 */
@Client(id = ProxmoxClientFilter.SERVICE, path = ProxmoxClientFilter.BASE_PATH)
public interface SdnClient {

    String FORM = MediaType.APPLICATION_FORM_URLENCODED;

    // objects

    @Get("/cluster/sdn{/path*}")
    Mono<PveResponse> read(List<String> path, @Nullable @QueryValue Integer pending);

    @Post(uri = "/cluster/sdn{/path*}", produces = FORM)
    Mono<PveResponse> create(List<String> path, @Body Map<String, Object> form);

    @Put(uri = "/cluster/sdn{/path*}", produces = FORM)
    Mono<PveResponse> update(List<String> path, @Body Map<String, Object> form);

    /** An update whose schema requires an array that may be empty ({@code delete} of a fabric): a form cannot carry one. */
    @Put(uri = "/cluster/sdn{/path*}", produces = MediaType.APPLICATION_JSON)
    Mono<PveResponse> updateJson(List<String> path, @Body Map<String, Object> body);

    @Delete("/cluster/sdn{/path*}")
    Mono<PveResponse> delete(List<String> path, @Nullable @QueryValue("lock-token") String lockToken);

    // IPAM entries of a vnet

    @Post(uri = "/cluster/sdn/vnets/{vnet}/ips", produces = FORM)
    Mono<PveResponse> createIp(String vnet, @Body Map<String, Object> form);

    @Put(uri = "/cluster/sdn/vnets/{vnet}/ips", produces = FORM)
    Mono<PveResponse> updateIp(String vnet, @Body Map<String, Object> form);

    @Delete("/cluster/sdn/vnets/{vnet}/ips")
    Mono<PveResponse> deleteIp(String vnet, @QueryValue String zone, @QueryValue String ip, @Nullable @QueryValue String mac);

    // applying pending changes, the global lock

    @Put(uri = "/cluster/sdn", produces = FORM)
    Mono<PveResponse> apply(@Body Map<String, String> form);

    @Post(uri = "/cluster/sdn/rollback", produces = FORM)
    Mono<PveResponse> rollback(@Body Map<String, String> form);

    @Post(uri = "/cluster/sdn/lock", produces = FORM)
    Mono<PveResponse> lock(@Body Map<String, String> form);

    @Delete("/cluster/sdn/lock")
    Mono<PveResponse> unlock(@Nullable @QueryValue("lock-token") String lockToken, @Nullable @QueryValue Integer force);

    @Get("/cluster/sdn/dry-run")
    Mono<PveResponse> dryRun(@QueryValue String node);

    // per node

    @Get("/nodes/{node}/sdn{/path*}")
    Mono<PveResponse> node(String node, List<String> path);
}
