package io.github.proxmoxmcp.cluster;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveFormat;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Format;
import io.github.proxmoxmcp.core.text.KeyValues;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_cluster_config_get}: the cluster's config collections, listed or one entry by id: pools (with
 * members), backup jobs (with the volumes a job includes), replication and realm-sync jobs, PCI/USB/directory
 * mappings, metric servers. Write-only values (tokens) are never shown.
 */
final class ConfigGet {

    enum Kind { pool, backup, replication, realm_sync, pci, usb, dir, metric_server }

    @Serdeable
    record Input(@NotNull Kind kind,
                 String id,
                 @PveId(NODE) @JsonPropertyDescription("Check mappings on it") String node,
                 Boolean volumes) {
    }

    private ConfigGet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_cluster_config_get",
                "List cluster config of a kind, or read one by id (volumes: a backup job's disks).",
                Input.class, ConfigGet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Kind kind = input.kind();
        if (input.node() != null && (kind != Kind.pci && kind != Kind.usb && kind != Kind.dir || input.id() != null)) {
            throw new ToolInputException("node checks a pci, usb or dir mapping list on that node; leave out id");
        }
        if (Boolean.TRUE.equals(input.volumes()) && (kind != Kind.backup || input.id() == null)) {
            throw new ToolInputException("volumes needs kind=backup and the job's id");
        }
        String id = input.id();
        if (kind == Kind.pool) {
            PveFormat.POOL.check("id", id);
            return context.bean(PoolClient.class).pools(Params.create().put("poolid", id).map())
                    .map(r -> ToolResult.ok(id == null ? pools(r.list()) : pool(id, r.list())));
        }
        Section section = Section.valueOf(kind.name());
        if (id == null) {
            return section.list(context, Params.create().put("check-node", input.node()).map())
                    .map(r -> ToolResult.ok(list(section, r.list())));
        }
        section.checkId(id);
        if (Boolean.TRUE.equals(input.volumes())) {
            return context.bean(JobClient.class).includedVolumes(id).map(r -> ToolResult.ok(volumes(id, r.dataOrNull())));
        }
        return section.get(context, id).map(r -> ToolResult.ok(KeyValues.of(Secrets.hidden(r.data(), section.secretKeys()))));
    }

    static String pools(List<JsonNode> pools) {
        Table table = Table.of("POOL", "COMMENT");
        pools.forEach(p -> table.row(Json.text(p, "poolid"), Json.text(p, "comment")));
        return table.size() == 0 ? "no pools" : table.render();
    }

    static String pool(String id, List<JsonNode> answer) {
        JsonNode pool = answer.isEmpty() ? null : answer.getFirst();
        List<JsonNode> members = new ArrayList<>();
        JsonNode list = Json.field(pool, "members");
        if (list != null && list.isArray()) {
            list.values().forEach(members::add);
        }
        String comment = Json.text(pool, "comment");
        String head = "pool " + id + (comment == null || comment.isEmpty() ? "" : " (" + comment + ")");
        if (members.isEmpty()) {
            return head + ": no members";
        }
        Table table = Table.of("ID", "TYPE", "NODE", "NAME", "STATUS");
        members.forEach(m -> table.row(Json.text(m, "id"), Json.text(m, "type"), Json.text(m, "node"),
                Json.text(m, "name", Json.text(m, "storage")), Json.text(m, "status")));
        return head + ", " + members.size() + " member" + (members.size() == 1 ? "" : "s") + ":\n" + table.render();
    }

    static String backupJobs(List<JsonNode> jobs) {
        Table table = Table.of("ID", "SCHEDULE", "NEXT RUN", "ENABLED", "SELECTION", "NODE", "STORAGE", "MODE", "RETENTION");
        jobs.forEach(j -> table.row(Json.text(j, "id"), Json.text(j, "schedule"),
                Format.time(Json.number(j, "next-run").orElse(null)), enabled(j, "enabled", true),
                selection(j), Json.text(j, "node"), Json.text(j, "storage"), Json.text(j, "mode", "snapshot"),
                retention(Json.field(j, "prune-backups"))));
        return table.size() == 0 ? "no backup jobs" : table.render();
    }

    /** Which guests a job backs up: its VMIDs, a pool, or all (minus the excluded). */
    static String selection(JsonNode job) {
        if (Json.text(job, "pool") != null) {
            return "pool " + Json.text(job, "pool");
        }
        if (Json.text(job, "vmid") != null) {
            return "vmid " + Json.text(job, "vmid");
        }
        if (Json.flag(job, "all") || Json.text(job, "exclude") != null) {
            return Json.text(job, "exclude") == null ? "all" : "all except " + Json.text(job, "exclude");
        }
        return "none";
    }

    /** {@code prune-backups} comes back as a property string or as an object, depending on the version. */
    static String retention(JsonNode prune) {
        if (prune == null) {
            return "storage default";
        }
        if (!prune.isObject()) {
            return prune.coerceStringValue();
        }
        List<String> parts = new ArrayList<>();
        prune.entries().forEach(e -> parts.add(e.getKey() + "=" + e.getValue().coerceStringValue()));
        return String.join(",", parts);
    }

    static String volumes(String id, JsonNode tree) {
        Table table = Table.of("VMID", "TYPE", "NAME", "VOLUME", "INCLUDED", "REASON");
        JsonNode guests = Json.field(tree, "children");
        if (guests != null && guests.isArray()) {
            for (JsonNode guest : guests.values()) {
                JsonNode disks = Json.field(guest, "children");
                if (disks == null || !disks.isArray() || disks.size() == 0) {
                    table.row(Json.text(guest, "id"), Json.text(guest, "type"), Json.text(guest, "name"), null, null, null);
                    continue;
                }
                for (JsonNode disk : disks.values()) {
                    table.row(Json.text(guest, "id"), Json.text(guest, "type"), Json.text(guest, "name"),
                            Json.text(disk, "id") + " " + Json.text(disk, "name", ""),
                            Json.flag(disk, "included") ? "yes" : "no", Json.text(disk, "reason"));
                }
            }
        }
        return table.size() == 0 ? "backup job " + id + " includes no guests" : "backup job " + id + " includes:\n" + table.render();
    }

    static String list(Section section, List<JsonNode> entries) {
        if (section == Section.backup) {
            return backupJobs(entries);
        }
        if (entries.isEmpty()) {
            return "no " + section.label + "s";
        }
        Table table = switch (section) {
            case replication, backup -> Table.of("ID", "GUEST", "TARGET", "SCHEDULE", "RATE", "ENABLED", "COMMENT");
            case realm_sync -> Table.of("ID", "REALM", "SCHEDULE", "SCOPE", "ENABLED", "LAST RUN", "NEXT RUN");
            case pci, usb, dir -> Table.of("ID", "DESCRIPTION", "MAP");
            case metric_server -> Table.of("ID", "TYPE", "SERVER", "PORT", "ENABLED");
        };
        List<String> checks = new ArrayList<>();
        entries.stream().sorted(Comparator.comparing(e -> Json.text(e, "id", ""))).forEach(e -> {
            switch (section) {
                case replication, backup -> table.row(Json.text(e, "id"), Json.text(e, "guest"), Json.text(e, "target"),
                        Json.text(e, "schedule", "*/15"), Json.text(e, "rate"), enabled(e, "disable", false), Json.text(e, "comment"));
                case realm_sync -> table.row(Json.text(e, "id"), Json.text(e, "realm"), Json.text(e, "schedule"),
                        Json.text(e, "scope"), enabled(e, "enabled", true), Format.time(Json.number(e, "last-run").orElse(null)),
                        Format.time(Json.number(e, "next-run").orElse(null)));
                case pci, usb, dir -> {
                    table.row(Json.text(e, "id"), Json.text(e, "description"), map(Json.field(e, "map")));
                    checks.addAll(checks(e));
                }
                case metric_server -> table.row(Json.text(e, "id"), Json.text(e, "type"), Json.text(e, "server"),
                        Json.text(e, "port"), enabled(e, "disable", false));
            }
        });
        return table.render() + (checks.isEmpty() ? "" : "\nchecks:\n" + String.join("\n", checks));
    }

    /** "yes" or "no" from an {@code enabled} flag (absent: {@code defaultEnabled}), or from a {@code disable} flag. */
    private static String enabled(JsonNode entry, String flag, boolean defaultEnabled) {
        boolean set = Json.field(entry, flag) != null;
        boolean value = Json.flag(entry, flag);
        boolean isEnabled = flag.equals("disable") ? !value : set ? value : defaultEnabled;
        return isEnabled ? "yes" : "no";
    }

    private static String map(JsonNode map) {
        if (map == null) {
            return null;
        }
        if (!map.isArray()) {
            return map.coerceStringValue();
        }
        List<String> entries = new ArrayList<>();
        map.values().forEach(v -> entries.add(v.isValueNode() ? v.coerceStringValue() : v.toString()));
        return String.join(" | ", entries);
    }

    /** The problems a mapping check on a node found ({@code checks} for PCI and dir, {@code error} for USB). */
    private static List<String> checks(JsonNode mapping) {
        List<String> lines = new ArrayList<>();
        for (String field : List.of("checks", "error")) {
            JsonNode found = Json.field(mapping, field);
            if (found != null && found.isArray()) {
                found.values().forEach(c -> lines.add("  " + Json.text(mapping, "id") + ": " + Json.text(c, "severity", "error")
                        + ": " + Json.text(c, "message", "")));
            } else if (found != null && found.isObject()) {
                lines.add("  " + Json.text(mapping, "id") + ": " + Json.text(found, "severity", "error") + ": "
                        + Json.text(found, "message", ""));
            }
        }
        return lines;
    }
}
