package io.github.proxmoxmcp.ha;

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

/** The {@code /cluster/ha} part of the Proxmox API; methods mirror the official paths. */
@Client(id = ProxmoxClientFilter.SERVICE, path = ProxmoxClientFilter.BASE_PATH)
public interface HaClient {

    String FORM = MediaType.APPLICATION_FORM_URLENCODED;

    // status

    @Get("/cluster/ha/status/current")
    Mono<PveResponse> currentStatus();

    @Get("/cluster/ha/status/manager_status")
    Mono<PveResponse> managerStatus();

    @Post(uri = "/cluster/ha/status/arm-ha", produces = FORM)
    Mono<PveResponse> arm(@Body Map<String, String> form);

    @Post(uri = "/cluster/ha/status/disarm-ha", produces = FORM)
    Mono<PveResponse> disarm(@Body Map<String, String> form);

    // resources

    @Get("/cluster/ha/resources")
    Mono<PveResponse> resources();

    @Get("/cluster/ha/resources/{sid}")
    Mono<PveResponse> resource(String sid);

    @Post(uri = "/cluster/ha/resources", produces = FORM)
    Mono<PveResponse> createResource(@Body Map<String, String> form);

    @Put(uri = "/cluster/ha/resources/{sid}", produces = FORM)
    Mono<PveResponse> updateResource(String sid, @Body Map<String, String> form);

    @Delete("/cluster/ha/resources/{sid}{?params*}")
    Mono<PveResponse> deleteResource(String sid, Map<String, String> params);

    @Post(uri = "/cluster/ha/resources/{sid}/migrate", produces = FORM)
    Mono<PveResponse> migrate(String sid, @Body Map<String, String> form);

    @Post(uri = "/cluster/ha/resources/{sid}/relocate", produces = FORM)
    Mono<PveResponse> relocate(String sid, @Body Map<String, String> form);

    // rules (PVE 9)

    @Get("/cluster/ha/rules{?params*}")
    Mono<PveResponse> rules(Map<String, String> params);

    @Get("/cluster/ha/rules/{rule}")
    Mono<PveResponse> rule(String rule);

    @Post(uri = "/cluster/ha/rules", produces = FORM)
    Mono<PveResponse> createRule(@Body Map<String, String> form);

    @Put(uri = "/cluster/ha/rules/{rule}", produces = FORM)
    Mono<PveResponse> updateRule(String rule, @Body Map<String, String> form);

    @Delete("/cluster/ha/rules/{rule}")
    Mono<PveResponse> deleteRule(String rule);

    // groups (PVE 8)

    @Get("/cluster/ha/groups")
    Mono<PveResponse> groups();

    @Get("/cluster/ha/groups/{group}")
    Mono<PveResponse> group(String group);

    @Post(uri = "/cluster/ha/groups", produces = FORM)
    Mono<PveResponse> createGroup(@Body Map<String, String> form);

    @Put(uri = "/cluster/ha/groups/{group}", produces = FORM)
    Mono<PveResponse> updateGroup(String group, @Body Map<String, String> form);

    @Delete("/cluster/ha/groups/{group}")
    Mono<PveResponse> deleteGroup(String group);
}
