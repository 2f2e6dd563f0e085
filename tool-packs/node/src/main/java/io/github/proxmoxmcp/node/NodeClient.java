package io.github.proxmoxmcp.node;

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

/** The {@code /nodes} part of the Proxmox API that the node pack uses; methods mirror the official paths. */
@Client(id = ProxmoxClientFilter.SERVICE, path = ProxmoxClientFilter.BASE_PATH)
public interface NodeClient {

    String FORM = MediaType.APPLICATION_FORM_URLENCODED;

    @Get("/nodes")
    Mono<PveResponse> nodes();

    @Get("/nodes/{node}/status")
    Mono<PveResponse> status(String node);

    @Post(uri = "/nodes/{node}/status", produces = FORM)
    Mono<PveResponse> power(String node, @Body Map<String, String> form);

    @Get("/nodes/{node}/subscription")
    Mono<PveResponse> subscription(String node);

    @Get("/nodes/{node}/report")
    Mono<PveResponse> report(String node);

    @Get("/nodes/{node}/rrddata{?params*}")
    Mono<PveResponse> rrddata(String node, Map<String, String> params);

    // services

    @Get("/nodes/{node}/services")
    Mono<PveResponse> services(String node);

    @Post(uri = "/nodes/{node}/services/{service}/{action}", produces = FORM)
    Mono<PveResponse> serviceAction(String node, String service, String action, @Body Map<String, String> form);

    // logs

    @Get("/nodes/{node}/syslog{?params*}")
    Mono<PveResponse> syslog(String node, Map<String, String> params);

    @Get("/nodes/{node}/journal{?params*}")
    Mono<PveResponse> journal(String node, Map<String, String> params);

    // tasks

    @Get("/nodes/{node}/tasks{?params*}")
    Mono<PveResponse> tasks(String node, Map<String, String> params);

    @Get("/nodes/{node}/tasks/{upid}/status")
    Mono<PveResponse> taskStatus(String node, String upid);

    @Get("/nodes/{node}/tasks/{upid}/log{?params*}")
    Mono<PveResponse> taskLog(String node, String upid, Map<String, String> params);

    @Delete("/nodes/{node}/tasks/{upid}")
    Mono<PveResponse> stopTask(String node, String upid);

    // network

    @Get("/nodes/{node}/network{?params*}")
    Mono<PveResponse> networks(String node, Map<String, String> params);

    @Get("/nodes/{node}/network/{iface}")
    Mono<PveResponse> network(String node, String iface);

    @Post(uri = "/nodes/{node}/network", produces = FORM)
    Mono<PveResponse> createNetwork(String node, @Body Map<String, String> form);

    @Put(uri = "/nodes/{node}/network/{iface}", produces = FORM)
    Mono<PveResponse> updateNetwork(String node, String iface, @Body Map<String, String> form);

    @Delete("/nodes/{node}/network/{iface}")
    Mono<PveResponse> deleteNetwork(String node, String iface);

    @Put(uri = "/nodes/{node}/network", produces = FORM)
    Mono<PveResponse> applyNetwork(String node, @Body Map<String, String> form);

    @Delete("/nodes/{node}/network")
    Mono<PveResponse> revertNetwork(String node);

    // DNS, hosts, time

    @Get("/nodes/{node}/dns")
    Mono<PveResponse> dns(String node);

    @Put(uri = "/nodes/{node}/dns", produces = FORM)
    Mono<PveResponse> setDns(String node, @Body Map<String, String> form);

    @Get("/nodes/{node}/hosts")
    Mono<PveResponse> hosts(String node);

    @Post(uri = "/nodes/{node}/hosts", produces = FORM)
    Mono<PveResponse> setHosts(String node, @Body Map<String, String> form);

    @Get("/nodes/{node}/time")
    Mono<PveResponse> time(String node);

    @Put(uri = "/nodes/{node}/time", produces = FORM)
    Mono<PveResponse> setTime(String node, @Body Map<String, String> form);

    // APT

    @Get("/nodes/{node}/apt/versions")
    Mono<PveResponse> aptVersions(String node);

    @Get("/nodes/{node}/apt/update")
    Mono<PveResponse> aptUpdates(String node);

    @Post(uri = "/nodes/{node}/apt/update", produces = FORM)
    Mono<PveResponse> aptRefresh(String node, @Body Map<String, String> form);

    // guests in bulk, wake-on-LAN

    @Post(uri = "/nodes/{node}/{action}", produces = FORM)
    Mono<PveResponse> bulk(String node, String action, @Body Map<String, String> form);

    @Post(uri = "/nodes/{node}/wakeonlan", produces = FORM)
    Mono<PveResponse> wakeOnLan(String node, @Body Map<String, String> form);

    // replication

    @Get("/nodes/{node}/replication{?params*}")
    Mono<PveResponse> replications(String node, Map<String, String> params);

    @Get("/nodes/{node}/replication/{id}/log{?params*}")
    Mono<PveResponse> replicationLog(String node, String id, Map<String, String> params);

    @Post(uri = "/nodes/{node}/replication/{id}/schedule_now", produces = FORM)
    Mono<PveResponse> replicationScheduleNow(String node, String id, @Body Map<String, String> form);
}
