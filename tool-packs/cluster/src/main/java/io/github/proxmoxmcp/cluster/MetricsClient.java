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

/** External metric servers and the metrics export, {@code /cluster/metrics}; methods mirror the official paths. */
@Client(id = ProxmoxClientFilter.SERVICE, path = ProxmoxClientFilter.BASE_PATH)
public interface MetricsClient {

    String FORM = MediaType.APPLICATION_FORM_URLENCODED;

    @Get("/cluster/metrics/server")
    Mono<PveResponse> metricServers();

    @Get("/cluster/metrics/server/{id}")
    Mono<PveResponse> metricServer(String id);

    @Post(uri = "/cluster/metrics/server/{id}", produces = FORM)
    Mono<PveResponse> createMetricServer(String id, @Body Map<String, Object> form);

    @Put(uri = "/cluster/metrics/server/{id}", produces = FORM)
    Mono<PveResponse> updateMetricServer(String id, @Body Map<String, Object> form);

    @Delete("/cluster/metrics/server/{id}")
    Mono<PveResponse> deleteMetricServer(String id);

    @Get("/cluster/metrics/export{?params*}")
    Mono<PveResponse> metricsExport(Map<String, String> params);
}
