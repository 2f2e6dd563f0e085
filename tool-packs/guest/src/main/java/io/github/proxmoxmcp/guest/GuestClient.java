package io.github.proxmoxmcp.guest;

import io.github.proxmoxmcp.core.client.ProxmoxClientFilter;
import io.github.proxmoxmcp.core.client.PveResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The guest parts of the Proxmox API. {@code type} is the path segment {@code qemu} or {@code lxc};
 * methods mirror the official paths.
 */
@Client(id = ProxmoxClientFilter.SERVICE, path = ProxmoxClientFilter.BASE_PATH)
public interface GuestClient {

    String FORM = MediaType.APPLICATION_FORM_URLENCODED;

    @Get("/cluster/resources{?type}")
    Mono<PveResponse> resources(@QueryValue String type);

    @Get("/cluster/nextid")
    Mono<PveResponse> nextId();

    @Get("/nodes/{node}/{type}/{vmid}/status/current")
    Mono<PveResponse> status(String node, String type, int vmid);

    @Get("/nodes/{node}/{type}/{vmid}/config{?params*}")
    Mono<PveResponse> config(String node, String type, int vmid, Map<String, String> params);

    @Get("/nodes/{node}/{type}/{vmid}/pending")
    Mono<PveResponse> pending(String node, String type, int vmid);

    @Get("/nodes/{node}/{type}/{vmid}/rrddata{?params*}")
    Mono<PveResponse> rrddata(String node, String type, int vmid, Map<String, String> params);

    @Get("/nodes/{node}/{type}/{vmid}/feature{?params*}")
    Mono<PveResponse> feature(String node, String type, int vmid, Map<String, String> params);

    /** {@code action}: start, shutdown, stop, reboot, reset (qemu), suspend, resume. */
    @Post(uri = "/nodes/{node}/{type}/{vmid}/status/{action}", produces = FORM)
    Mono<PveResponse> power(String node, String type, int vmid, String action, @Body Map<String, String> form);

    /** Create or restore: {@code POST /nodes/{node}/qemu} or {@code /nodes/{node}/lxc}. */
    @Post(uri = "/nodes/{node}/{type}", produces = FORM)
    Mono<PveResponse> create(String node, String type, @Body Map<String, String> form);

    @Delete("/nodes/{node}/{type}/{vmid}{?params*}")
    Mono<PveResponse> destroy(String node, String type, int vmid, Map<String, String> params);

    @Post(uri = "/nodes/{node}/{type}/{vmid}/clone", produces = FORM)
    Mono<PveResponse> clone(String node, String type, int vmid, @Body Map<String, String> form);

    /** QEMU's asynchronous config update: answers a task id. */
    @Post(uri = "/nodes/{node}/qemu/{vmid}/config", produces = FORM)
    Mono<PveResponse> updateQemuConfig(String node, int vmid, @Body Map<String, String> form);

    /** The synchronous config update; the only one LXC has. */
    @Put(uri = "/nodes/{node}/{type}/{vmid}/config", produces = FORM)
    Mono<PveResponse> updateConfig(String node, String type, int vmid, @Body Map<String, String> form);

    @Put(uri = "/nodes/{node}/{type}/{vmid}/resize", produces = FORM)
    Mono<PveResponse> resize(String node, String type, int vmid, @Body Map<String, String> form);

    @Post(uri = "/nodes/{node}/qemu/{vmid}/move_disk", produces = FORM)
    Mono<PveResponse> moveDisk(String node, int vmid, @Body Map<String, String> form);

    @Post(uri = "/nodes/{node}/lxc/{vmid}/move_volume", produces = FORM)
    Mono<PveResponse> moveVolume(String node, int vmid, @Body Map<String, String> form);

    @Put(uri = "/nodes/{node}/qemu/{vmid}/unlink", produces = FORM)
    Mono<PveResponse> unlink(String node, int vmid, @Body Map<String, String> form);

    @Post(uri = "/nodes/{node}/{type}/{vmid}/template", produces = FORM)
    Mono<PveResponse> template(String node, String type, int vmid, @Body Map<String, String> form);

    @Get("/nodes/{node}/{type}/{vmid}/migrate{?params*}")
    Mono<PveResponse> migrateCheck(String node, String type, int vmid, Map<String, String> params);

    @Post(uri = "/nodes/{node}/{type}/{vmid}/migrate", produces = FORM)
    Mono<PveResponse> migrate(String node, String type, int vmid, @Body Map<String, String> form);

    @Get("/nodes/{node}/{type}/{vmid}/snapshot")
    Mono<PveResponse> snapshots(String node, String type, int vmid);

    @Post(uri = "/nodes/{node}/{type}/{vmid}/snapshot", produces = FORM)
    Mono<PveResponse> snapshot(String node, String type, int vmid, @Body Map<String, String> form);

    @Post(uri = "/nodes/{node}/{type}/{vmid}/snapshot/{snapname}/rollback", produces = FORM)
    Mono<PveResponse> rollback(String node, String type, int vmid, String snapname, @Body Map<String, String> form);

    @Delete("/nodes/{node}/{type}/{vmid}/snapshot/{snapname}{?params*}")
    Mono<PveResponse> deleteSnapshot(String node, String type, int vmid, String snapname, Map<String, String> params);

    @Post(uri = "/nodes/{node}/vzdump", produces = FORM)
    Mono<PveResponse> vzdump(String node, @Body Map<String, String> form);

    @Get("/nodes/{node}/storage/{storage}/content{?params*}")
    Mono<PveResponse> storageContent(String node, String storage, Map<String, String> params);

    /** Guest agent reads: get-osinfo, network-get-interfaces, get-fsinfo... */
    @Get("/nodes/{node}/qemu/{vmid}/agent/{command}")
    Mono<PveResponse> agentGet(String node, int vmid, String command);

    @Post(uri = "/nodes/{node}/qemu/{vmid}/agent/ping", produces = FORM)
    Mono<PveResponse> agentPing(String node, int vmid, @Body Map<String, String> form);

    /** The body is pre-encoded: {@code command} is an array, sent as one {@code command=} pair per element. */
    @Post(uri = "/nodes/{node}/qemu/{vmid}/agent/exec", produces = FORM)
    Mono<PveResponse> agentExec(String node, int vmid, @Body String form);

    @Get("/nodes/{node}/qemu/{vmid}/agent/exec-status{?pid}")
    Mono<PveResponse> agentExecStatus(String node, int vmid, @QueryValue long pid);

    @Get("/nodes/{node}/qemu/{vmid}/agent/file-read{?params*}")
    Mono<PveResponse> agentFileRead(String node, int vmid, Map<String, String> params);

    @Post(uri = "/nodes/{node}/qemu/{vmid}/agent/file-write", produces = FORM)
    Mono<PveResponse> agentFileWrite(String node, int vmid, @Body Map<String, String> form);

    @Post(uri = "/nodes/{node}/qemu/{vmid}/agent/set-user-password", produces = FORM)
    Mono<PveResponse> agentSetUserPassword(String node, int vmid, @Body Map<String, String> form);

    /** {@code kind}: vncproxy, termproxy or spiceproxy. */
    @Post(uri = "/nodes/{node}/{type}/{vmid}/{kind}", produces = FORM)
    Mono<PveResponse> console(String node, String type, int vmid, String kind, @Body Map<String, String> form);

    @Get("/nodes/{node}/qemu/{vmid}/cloudinit/dump{?type}")
    Mono<PveResponse> cloudinitDump(String node, int vmid, @QueryValue String type);

    @Get("/nodes/{node}/qemu/{vmid}/cloudinit")
    Mono<PveResponse> cloudinit(String node, int vmid);

    @Put(uri = "/nodes/{node}/qemu/{vmid}/cloudinit", produces = FORM)
    Mono<PveResponse> cloudinitRegenerate(String node, int vmid, @Body Map<String, String> form);
}
