package io.github.proxmoxmcp.core.client;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.client.annotation.Client;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Requests shaped like the ones packs send, to pin down encoding on the wire. */
@Client(id = ProxmoxClientFilter.SERVICE, path = ProxmoxClientFilter.BASE_PATH)
interface ProbeClient {

    @Get("/nodes/{node}/storage/{storage}/content/{volume}")
    Mono<PveResponse> volume(String node, String storage, String volume);

    @Get("/nodes/{node}/tasks{?params*}")
    Mono<PveResponse> tasks(String node, Map<String, String> params);

    @Post(uri = "/nodes/{node}/qemu", produces = MediaType.APPLICATION_FORM_URLENCODED)
    Mono<PveResponse> create(String node, @Body Map<String, String> form);

    @Put(uri = "/cluster/firewall/ipset/{name}/{cidr}", produces = MediaType.APPLICATION_FORM_URLENCODED)
    Mono<PveResponse> updateCidr(String name, String cidr, @Body Map<String, String> form);

    @Delete("/access/users/{userid}{?params*}")
    Mono<PveResponse> deleteUser(String userid, Map<String, String> params);

    @Get("/nodes/{node}/tasks/{upid}/status")
    Mono<PveResponse> taskStatus(String node, String upid);

    @Put(uri = "/nodes/{node}/qemu/{vmid}/config", produces = MediaType.APPLICATION_FORM_URLENCODED)
    Mono<PveResponse> updateConfig(String node, int vmid, @Body Map<String, String> form);

    @Post(uri = "/nodes/{node}/qemu/{vmid}/status/start", produces = MediaType.APPLICATION_FORM_URLENCODED)
    Mono<PveResponse> start(String node, int vmid, @Body Map<String, String> form);

    @Delete("/nodes/{node}/qemu/{vmid}{?params*}")
    Mono<PveResponse> destroy(String node, int vmid, Map<String, String> params);

    @Post(uri = "/cluster/mapping/dir", produces = MediaType.APPLICATION_FORM_URLENCODED)
    Mono<PveResponse> createDirMapping(@Body Map<String, Object> form);
}
