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

/** Scheduled jobs: backup ({@code /cluster/backup}), replication and realm sync; methods mirror the official paths. */
@Client(id = ProxmoxClientFilter.SERVICE, path = ProxmoxClientFilter.BASE_PATH)
public interface JobClient {

    String FORM = MediaType.APPLICATION_FORM_URLENCODED;

    @Get("/cluster/backup")
    Mono<PveResponse> backupJobs();

    @Get("/cluster/backup/{id}")
    Mono<PveResponse> backupJob(String id);

    @Get("/cluster/backup/{id}/included_volumes")
    Mono<PveResponse> includedVolumes(String id);

    @Post(uri = "/cluster/backup", produces = FORM)
    Mono<PveResponse> createBackupJob(@Body Map<String, Object> form);

    @Put(uri = "/cluster/backup/{id}", produces = FORM)
    Mono<PveResponse> updateBackupJob(String id, @Body Map<String, Object> form);

    @Delete("/cluster/backup/{id}")
    Mono<PveResponse> deleteBackupJob(String id);

    @Get("/cluster/replication")
    Mono<PveResponse> replicationJobs();

    @Get("/cluster/replication/{id}")
    Mono<PveResponse> replicationJob(String id);

    @Post(uri = "/cluster/replication", produces = FORM)
    Mono<PveResponse> createReplicationJob(@Body Map<String, Object> form);

    @Put(uri = "/cluster/replication/{id}", produces = FORM)
    Mono<PveResponse> updateReplicationJob(String id, @Body Map<String, Object> form);

    @Delete("/cluster/replication/{id}{?params*}")
    Mono<PveResponse> deleteReplicationJob(String id, Map<String, String> params);

    @Get("/cluster/jobs/realm-sync")
    Mono<PveResponse> realmSyncJobs();

    @Get("/cluster/jobs/realm-sync/{id}")
    Mono<PveResponse> realmSyncJob(String id);

    @Post(uri = "/cluster/jobs/realm-sync/{id}", produces = FORM)
    Mono<PveResponse> createRealmSyncJob(String id, @Body Map<String, Object> form);

    @Put(uri = "/cluster/jobs/realm-sync/{id}", produces = FORM)
    Mono<PveResponse> updateRealmSyncJob(String id, @Body Map<String, Object> form);

    @Delete("/cluster/jobs/realm-sync/{id}")
    Mono<PveResponse> deleteRealmSyncJob(String id);
}
