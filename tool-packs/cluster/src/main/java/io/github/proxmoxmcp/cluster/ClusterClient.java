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

/** Cluster state, datacenter options, corosync configuration and bulk guest actions; methods mirror the official paths. */
@Client(id = ProxmoxClientFilter.SERVICE, path = ProxmoxClientFilter.BASE_PATH)
public interface ClusterClient {

    String FORM = MediaType.APPLICATION_FORM_URLENCODED;

    @Get("/cluster/status")
    Mono<PveResponse> status();

    @Get("/cluster/log{?params*}")
    Mono<PveResponse> log(Map<String, String> params);

    @Get("/cluster/tasks")
    Mono<PveResponse> tasks();

    @Get("/cluster/resources{?params*}")
    Mono<PveResponse> resources(Map<String, String> params);

    @Get("/cluster/options")
    Mono<PveResponse> options();

    @Put(uri = "/cluster/options", produces = FORM)
    Mono<PveResponse> setOptions(@Body Map<String, String> form);

    @Get("/cluster/backup-info/not-backed-up")
    Mono<PveResponse> notBackedUp();

    @Get("/cluster/jobs/schedule-analyze{?params*}")
    Mono<PveResponse> scheduleAnalyze(Map<String, String> params);

    // corosync configuration

    @Get("/cluster/config/nodes")
    Mono<PveResponse> corosyncNodes();

    @Get("/cluster/config/totem")
    Mono<PveResponse> totem();

    @Get("/cluster/config/qdevice")
    Mono<PveResponse> qdevice();

    @Get("/cluster/config/apiversion")
    Mono<PveResponse> joinApiVersion();

    @Get("/cluster/config/join{?params*}")
    Mono<PveResponse> joinInfo(Map<String, String> params);

    @Post(uri = "/cluster/config", produces = FORM)
    Mono<PveResponse> create(@Body Map<String, String> form);

    @Post(uri = "/cluster/config/join", produces = FORM)
    Mono<PveResponse> join(@Body Map<String, String> form);

    @Delete("/cluster/config/nodes/{node}")
    Mono<PveResponse> removeNode(String node);

    // bulk guest actions (PVE 9.1+)

    @Post(uri = "/cluster/bulk-action/guest/{action}", produces = FORM)
    Mono<PveResponse> bulkGuests(String action, @Body Map<String, Object> form);
}
