package io.github.proxmoxmcp.cluster;

import io.github.proxmoxmcp.core.client.PveResponse;
import io.github.proxmoxmcp.core.id.PveFormat;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import reactor.core.publisher.Mono;

/**
 * The cluster-wide config collections read and written by key: backup, replication and realm-sync jobs, PCI, USB
 * and directory mappings, metric servers. Each knows its id format, which keys create and update take (the
 * official schema's parameters, without the internal and the deprecated ones), which are required, which are
 * arrays (one form pair per element) or lists (comma-joined), which are write-only secrets, and what delete takes.
 */
enum Section {

    backup("backup job", Keys.BACKUP, Set.of("schedule"), Keys.BACKUP, Set.of()),
    replication("replication job", Set.of("target", "schedule", "rate", "comment", "disable"), Set.of("target"),
            Set.of("schedule", "rate", "comment", "disable"), Set.of()),
    realm_sync("realm-sync job", Set.of("realm", "schedule", "scope", "remove-vanished", "enable-new", "enabled", "comment"),
            Set.of("realm", "schedule"), Set.of("schedule", "scope", "remove-vanished", "enable-new", "enabled", "comment"),
            Set.of("schedule")),
    pci("PCI mapping", Set.of("map", "description", "mdev", "live-migration-capable"), Set.of("map"),
            Set.of("map", "description", "mdev", "live-migration-capable"), Set.of()),
    usb("USB mapping", Set.of("map", "description"), Set.of("map"), Set.of("map", "description"), Set.of("map")),
    dir("directory mapping", Set.of("map", "description"), Set.of("map"), Set.of("map", "description"), Set.of()),
    metric_server("metric server", Keys.METRIC_CREATE, Set.of("type", "server", "port"), Keys.METRIC_UPDATE,
            Set.of("server", "port"));

    final String label;
    final Set<String> createKeys;
    final Set<String> requiredOnCreate;
    final Set<String> updateKeys;
    /** Keys every update must send: taken from the current entry when not given, so that they stay as they are. */
    final Set<String> requiredOnUpdate;

    Section(String label, Set<String> createKeys, Set<String> requiredOnCreate, Set<String> updateKeys,
            Set<String> requiredOnUpdate) {
        this.label = label;
        this.createKeys = new TreeSet<>(createKeys);
        this.requiredOnCreate = new TreeSet<>(requiredOnCreate);
        this.updateKeys = new TreeSet<>(updateKeys);
        this.requiredOnUpdate = new TreeSet<>(requiredOnUpdate);
    }

    /** Keys of schema type array: one form pair per element. */
    Set<String> arrayKeys() {
        return switch (this) {
            case backup -> Set.of("exclude-path");
            case pci, usb, dir -> Set.of("map");
            default -> Set.of();
        };
    }

    /** Keys of a {@code -list} format: a list given is sent comma-joined. */
    Set<String> listKeys() {
        return this == backup ? Set.of("vmid", "exclude", "mailto") : Set.of();
    }

    /** Write-only keys: never shown. */
    Set<String> secretKeys() {
        return this == metric_server ? Set.of("token", "otel-headers") : Set.of();
    }

    /** What delete takes besides the id (query parameters). */
    Set<String> deleteKeys() {
        return this == replication ? Set.of("keep", "force") : Set.of();
    }

    /** Refuses an id of the wrong format for this section before it goes into a path. */
    void checkId(String id) {
        switch (this) {
            case backup -> {
                // pve-backup-jobid: any non-blank text of at most 50 characters; it still must be one path segment
                PveFormat.SEGMENT.check("id", id);
                if (id.length() > 50) {
                    throw new ToolInputException("id: a backup job id has at most 50 characters");
                }
            }
            case replication -> PveFormat.REPLICATION_JOB.check("id", id);
            default -> PveFormat.CONFIG_KEY.check("id", id);
        }
    }

    /** The mapping type in {@code /cluster/mapping/{type}}. */
    private String mappingType() {
        return name();
    }

    Mono<PveResponse> list(ToolContext context, Map<String, String> params) {
        return switch (this) {
            case backup -> context.bean(JobClient.class).backupJobs();
            case replication -> context.bean(JobClient.class).replicationJobs();
            case realm_sync -> context.bean(JobClient.class).realmSyncJobs();
            case pci, usb, dir -> context.bean(MappingClient.class).mappings(mappingType(), params);
            case metric_server -> context.bean(MetricsClient.class).metricServers();
        };
    }

    Mono<PveResponse> get(ToolContext context, String id) {
        return switch (this) {
            case backup -> context.bean(JobClient.class).backupJob(id);
            case replication -> context.bean(JobClient.class).replicationJob(id);
            case realm_sync -> context.bean(JobClient.class).realmSyncJob(id);
            case pci, usb, dir -> context.bean(MappingClient.class).mapping(mappingType(), id);
            case metric_server -> context.bean(MetricsClient.class).metricServer(id);
        };
    }

    /** Creates the entry; {@code form} holds its keys, the id is added where the API wants it. */
    Mono<PveResponse> create(ToolContext context, String id, Map<String, Object> form) {
        return switch (this) {
            case backup -> context.bean(JobClient.class).createBackupJob(withId(id, form, null, null));
            case replication -> context.bean(JobClient.class).createReplicationJob(withId(id, form, "type", "local"));
            case realm_sync -> context.bean(JobClient.class).createRealmSyncJob(id, form);
            case pci, usb, dir -> context.bean(MappingClient.class).createMapping(mappingType(), withId(id, form, null, null));
            case metric_server -> context.bean(MetricsClient.class).createMetricServer(id, form);
        };
    }

    Mono<PveResponse> update(ToolContext context, String id, Map<String, Object> form) {
        return switch (this) {
            case backup -> context.bean(JobClient.class).updateBackupJob(id, form);
            case replication -> context.bean(JobClient.class).updateReplicationJob(id, form);
            case realm_sync -> context.bean(JobClient.class).updateRealmSyncJob(id, form);
            case pci, usb, dir -> context.bean(MappingClient.class).updateMapping(mappingType(), id, form);
            case metric_server -> context.bean(MetricsClient.class).updateMetricServer(id, form);
        };
    }

    Mono<PveResponse> delete(ToolContext context, String id, Map<String, String> params) {
        return switch (this) {
            case backup -> context.bean(JobClient.class).deleteBackupJob(id);
            case replication -> context.bean(JobClient.class).deleteReplicationJob(id, params);
            case realm_sync -> context.bean(JobClient.class).deleteRealmSyncJob(id);
            case pci, usb, dir -> context.bean(MappingClient.class).deleteMapping(mappingType(), id);
            case metric_server -> context.bean(MetricsClient.class).deleteMetricServer(id);
        };
    }

    /** The id first (POST to the collection takes it in the body), then a fixed key such as the section type. */
    private static Map<String, Object> withId(String id, Map<String, Object> form, String fixedKey, String fixedValue) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        if (fixedKey != null) {
            body.put(fixedKey, fixedValue);
        }
        body.putAll(form);
        return body;
    }

    /** The long key sets. */
    private static final class Keys {

        /** vzdump job options, without the deprecated starttime, dow and maxfiles. */
        static final Set<String> BACKUP = Set.of("schedule", "vmid", "pool", "all", "exclude", "node", "storage", "mode",
                "compress", "prune-backups", "notes-template", "notification-mode", "enabled", "comment", "repeat-missed",
                "bwlimit", "ionice", "lockwait", "stopwait", "zstd", "pigz", "fleecing", "performance",
                "pbs-change-detection-mode", "protected", "remove", "mailto", "mailnotification", "stdexcludes",
                "exclude-path", "tmpdir", "dumpdir", "script", "quiet", "stop");

        /** One set of plugin options for InfluxDB, Graphite and OpenTelemetry alike; the plugin type is fixed at create. */
        static final Set<String> METRIC_UPDATE = Set.of("server", "port", "disable", "mtu", "timeout", "path", "proto",
                "influxdbproto", "organization", "bucket", "token", "api-path-prefix", "max-body-size", "verify-certificate",
                "otel-protocol", "otel-path", "otel-timeout", "otel-headers", "otel-verify-ssl", "otel-max-body-size",
                "otel-compression", "otel-resource-attributes");
        static final Set<String> METRIC_CREATE = union(METRIC_UPDATE, Set.of("type"));

        private static Set<String> union(Set<String> a, Set<String> b) {
            Set<String> all = new TreeSet<>(a);
            all.addAll(b);
            return all;
        }
    }
}
