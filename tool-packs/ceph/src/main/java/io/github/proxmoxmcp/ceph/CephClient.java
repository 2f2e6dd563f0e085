package io.github.proxmoxmcp.ceph;

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

/** The {@code /cluster/ceph} and {@code /nodes/{node}/ceph} parts of the Proxmox API; methods mirror the official paths. */
@Client(id = ProxmoxClientFilter.SERVICE, path = ProxmoxClientFilter.BASE_PATH)
public interface CephClient {

    String FORM = MediaType.APPLICATION_FORM_URLENCODED;

    // cluster-wide

    @Get("/cluster/ceph/status")
    Mono<PveResponse> status();

    @Get("/cluster/ceph/metadata{?params*}")
    Mono<PveResponse> metadata(Map<String, String> params);

    @Get("/cluster/ceph/flags")
    Mono<PveResponse> flags();

    @Get("/cluster/ceph/flags/{flag}")
    Mono<PveResponse> flag(String flag);

    @Put(uri = "/cluster/ceph/flags", produces = FORM)
    Mono<PveResponse> setFlags(@Body Map<String, String> form);

    @Put(uri = "/cluster/ceph/flags/{flag}", produces = FORM)
    Mono<PveResponse> setFlag(String flag, @Body Map<String, String> form);

    /** The storages, to say which use a pool. */
    @Get("/storage{?params*}")
    Mono<PveResponse> storages(Map<String, String> params);

    // a node's view

    @Get("/nodes/{node}/ceph/status")
    Mono<PveResponse> nodeStatus(String node);

    @Get("/nodes/{node}/ceph/log{?params*}")
    Mono<PveResponse> log(String node, Map<String, String> params);

    @Get("/nodes/{node}/ceph/crush")
    Mono<PveResponse> crush(String node);

    @Get("/nodes/{node}/ceph/rules")
    Mono<PveResponse> rules(String node);

    @Get("/nodes/{node}/ceph/cfg/raw")
    Mono<PveResponse> configRaw(String node);

    @Get("/nodes/{node}/ceph/cfg/db")
    Mono<PveResponse> configDb(String node);

    @Get("/nodes/{node}/ceph/cfg/value{?params*}")
    Mono<PveResponse> configValue(String node, Map<String, String> params);

    @Get("/nodes/{node}/ceph/cmd-safety{?params*}")
    Mono<PveResponse> cmdSafety(String node, Map<String, String> params);

    @Post(uri = "/nodes/{node}/ceph/init", produces = FORM)
    Mono<PveResponse> init(String node, @Body Map<String, String> form);

    @Post(uri = "/nodes/{node}/ceph/{command}", produces = FORM)
    Mono<PveResponse> service(String node, String command, @Body Map<String, String> form);

    // OSDs

    @Get("/nodes/{node}/ceph/osd")
    Mono<PveResponse> osdTree(String node);

    @Post(uri = "/nodes/{node}/ceph/osd", produces = FORM)
    Mono<PveResponse> createOsd(String node, @Body Map<String, String> form);

    @Get("/nodes/{node}/ceph/osd/{osdid}/metadata")
    Mono<PveResponse> osdMetadata(String node, int osdid);

    @Get("/nodes/{node}/ceph/osd/{osdid}/lv-info{?params*}")
    Mono<PveResponse> osdLvInfo(String node, int osdid, Map<String, String> params);

    @Post(uri = "/nodes/{node}/ceph/osd/{osdid}/{command}", produces = FORM)
    Mono<PveResponse> osdCommand(String node, int osdid, String command, @Body Map<String, String> form);

    @Delete("/nodes/{node}/ceph/osd/{osdid}{?params*}")
    Mono<PveResponse> destroyOsd(String node, int osdid, Map<String, String> params);

    // monitors, managers, metadata servers: /nodes/{node}/ceph/{type} and .../{type}/{id}

    @Get("/nodes/{node}/ceph/{type}")
    Mono<PveResponse> daemons(String node, String type);

    @Post(uri = "/nodes/{node}/ceph/{type}/{id}", produces = FORM)
    Mono<PveResponse> createDaemon(String node, String type, String id, @Body Map<String, String> form);

    @Delete("/nodes/{node}/ceph/{type}/{id}")
    Mono<PveResponse> destroyDaemon(String node, String type, String id);

    // pools and CephFS

    @Get("/nodes/{node}/ceph/pool")
    Mono<PveResponse> pools(String node);

    @Get("/nodes/{node}/ceph/pool/{name}/status{?params*}")
    Mono<PveResponse> pool(String node, String name, Map<String, String> params);

    @Post(uri = "/nodes/{node}/ceph/pool", produces = FORM)
    Mono<PveResponse> createPool(String node, @Body Map<String, String> form);

    @Put(uri = "/nodes/{node}/ceph/pool/{name}", produces = FORM)
    Mono<PveResponse> updatePool(String node, String name, @Body Map<String, String> form);

    @Delete("/nodes/{node}/ceph/pool/{name}{?params*}")
    Mono<PveResponse> destroyPool(String node, String name, Map<String, String> params);

    @Get("/nodes/{node}/ceph/fs")
    Mono<PveResponse> filesystems(String node);

    @Post(uri = "/nodes/{node}/ceph/fs/{name}", produces = FORM)
    Mono<PveResponse> createFs(String node, String name, @Body Map<String, String> form);
}
