package io.github.proxmoxmcp.storage;

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
 * The storage parts of the Proxmox API: storage configuration, status, content, downloads, scans and node disks;
 * methods mirror the official paths. A {@code volume} is a volume id ({@code local:iso/x.iso}), the one path
 * parameter that may hold a {@code /}.
 */
@Client(id = ProxmoxClientFilter.SERVICE, path = ProxmoxClientFilter.BASE_PATH)
public interface StorageClient {

    String FORM = MediaType.APPLICATION_FORM_URLENCODED;

    @Get("/cluster/resources?type=storage")
    Mono<PveResponse> clusterStorages();

    // storage configuration

    @Get("/storage{?params*}")
    Mono<PveResponse> configs(Map<String, String> params);

    @Get("/storage/{storage}")
    Mono<PveResponse> config(String storage);

    @Post(uri = "/storage", produces = FORM)
    Mono<PveResponse> create(@Body Map<String, String> form);

    @Put(uri = "/storage/{storage}", produces = FORM)
    Mono<PveResponse> update(String storage, @Body Map<String, String> form);

    @Delete("/storage/{storage}")
    Mono<PveResponse> delete(String storage);

    // status per node

    @Get("/nodes/{node}/storage{?params*}")
    Mono<PveResponse> statuses(String node, Map<String, String> params);

    @Get("/nodes/{node}/storage/{storage}/status")
    Mono<PveResponse> status(String node, String storage);

    @Get("/nodes/{node}/storage/{storage}/rrddata{?params*}")
    Mono<PveResponse> rrddata(String node, String storage, Map<String, String> params);

    // content

    @Get("/nodes/{node}/storage/{storage}/content{?params*}")
    Mono<PveResponse> content(String node, String storage, Map<String, String> params);

    @Get("/nodes/{node}/storage/{storage}/content/{volume}")
    Mono<PveResponse> volume(String node, String storage, String volume);

    @Put(uri = "/nodes/{node}/storage/{storage}/content/{volume}", produces = FORM)
    Mono<PveResponse> updateVolume(String node, String storage, String volume, @Body Map<String, String> form);

    @Delete("/nodes/{node}/storage/{storage}/content/{volume}")
    Mono<PveResponse> deleteVolume(String node, String storage, String volume);

    @Get("/nodes/{node}/storage/{storage}/prunebackups{?params*}")
    Mono<PveResponse> pruneDryRun(String node, String storage, Map<String, String> params);

    @Delete("/nodes/{node}/storage/{storage}/prunebackups{?params*}")
    Mono<PveResponse> prune(String node, String storage, Map<String, String> params);

    @Get("/nodes/{node}/storage/{storage}/file-restore/list{?params*}")
    Mono<PveResponse> fileRestoreList(String node, String storage, Map<String, String> params);

    @Get("/nodes/{node}/storage/{storage}/import-metadata{?params*}")
    Mono<PveResponse> importMetadata(String node, String storage, Map<String, String> params);

    // getting images in

    @Get("/nodes/{node}/query-url-metadata{?params*}")
    Mono<PveResponse> urlMetadata(String node, Map<String, String> params);

    @Post(uri = "/nodes/{node}/storage/{storage}/download-url", produces = FORM)
    Mono<PveResponse> downloadUrl(String node, String storage, @Body Map<String, String> form);

    // scans: nfs, cifs, pbs, iscsi, lvm, lvmthin, zfs

    @Get("/nodes/{node}/scan/{type}{?params*}")
    Mono<PveResponse> scan(String node, String type, Map<String, String> params);

    // node disks

    @Get("/nodes/{node}/disks/list{?params*}")
    Mono<PveResponse> disks(String node, Map<String, String> params);

    @Get("/nodes/{node}/disks/smart{?params*}")
    Mono<PveResponse> smart(String node, Map<String, String> params);

    @Post(uri = "/nodes/{node}/disks/initgpt", produces = FORM)
    Mono<PveResponse> initGpt(String node, @Body Map<String, String> form);

    @Put(uri = "/nodes/{node}/disks/wipedisk", produces = FORM)
    Mono<PveResponse> wipeDisk(String node, @Body Map<String, String> form);

    /** {@code kind}: lvm, lvmthin, zfs or directory; lvm answers an object, the others a list. */
    @Get("/nodes/{node}/disks/{kind}")
    Mono<PveResponse> diskStorages(String node, String kind);

    @Get("/nodes/{node}/disks/zfs/{name}")
    Mono<PveResponse> zpool(String node, String name);

    @Post(uri = "/nodes/{node}/disks/{kind}", produces = FORM)
    Mono<PveResponse> createDiskStorage(String node, String kind, @Body Map<String, String> form);

    @Delete("/nodes/{node}/disks/{kind}/{name}{?params*}")
    Mono<PveResponse> deleteDiskStorage(String node, String kind, String name, Map<String, String> params);
}
