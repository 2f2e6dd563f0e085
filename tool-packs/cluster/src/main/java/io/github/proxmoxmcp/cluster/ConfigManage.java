package io.github.proxmoxmcp.cluster;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveFormat;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_cluster_config_manage}: create, update or delete an entry of a {@link Section}. Keys are the
 * Proxmox ones; a key the section does not take, or a missing required one, is refused before anything is sent.
 * Values are never echoed (metric server tokens are write-only).
 */
final class ConfigManage {

    enum Action { create, update, delete }

    private static final Set<String> BACKUP_SELECTION = Set.of("vmid", "pool", "all");

    @Serdeable
    record Input(@NotNull Section kind,
                 @NotNull Action action,
                 String id,
                 Map<String, Object> set,
                 List<String> unset,
                 Boolean confirm) implements Confirmable {
    }

    private ConfigManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_cluster_config_manage",
                "Create, update or delete (confirm) a job, mapping or metric server by Proxmox keys (set, unset).",
                Input.class, ToolHints.DESTRUCTIVE, ConfigManage::handle)
                .confirmWhen(in -> in.action() == Action.delete);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Section section = input.kind();
        Map<String, Object> set = input.set() == null ? Map.of() : input.set();
        List<String> unset = input.unset() == null ? List.of() : input.unset();
        if (!unset.isEmpty() && input.action() != Action.update) {
            throw new ToolInputException("unset is for action=update");
        }
        if (input.id() == null && !(section == Section.backup && input.action() == Action.create)) {
            throw new ToolInputException("id is required; list the ids with proxmox_cluster_config_get kind=" + section);
        }
        return switch (input.action()) {
            case create -> {
                Map<String, Object> form = form(section, set, section.createKeys, "create");
                Set<String> missing = new TreeSet<>(section.requiredOnCreate);
                missing.removeAll(set.keySet());
                if (!missing.isEmpty()) {
                    throw new ToolInputException("creating a " + section.label + " needs " + keys(missing));
                }
                if (section == Section.backup) {
                    backupSelection(set, true);
                }
                yield id(section, input.id(), context).flatMap(id -> section.create(context, id, form)
                        .thenReturn(ToolResult.ok(section.label + " " + id + " created")));
            }
            case update -> {
                section.checkId(input.id());
                if (set.isEmpty() && unset.isEmpty()) {
                    throw new ToolInputException("give set or unset");
                }
                Map<String, Object> form = form(section, set, section.updateKeys, "update");
                checkUnset(section, set, unset);
                if (section == Section.backup) {
                    backupSelection(set, false);
                }
                Set<String> missing = new TreeSet<>(section.requiredOnUpdate);
                missing.removeAll(set.keySet());
                String what = section.label + " " + input.id() + " updated: " + SetMap.changes(new TreeSet<>(set.keySet()), unset);
                if (missing.isEmpty()) {
                    yield section.update(context, input.id(), withDelete(form, unset)).thenReturn(ToolResult.ok(what));
                }
                yield section.get(context, input.id()).flatMap(current -> {
                    Set<String> absent = new TreeSet<>(missing);
                    absent.removeIf(key -> Json.field(current.data(), key) != null);
                    if (!absent.isEmpty()) {
                        return Mono.just(ToolResult.error("updating " + section.label + " " + input.id() + " needs "
                                + keys(absent) + " (the current entry has none). Nothing was changed."));
                    }
                    return section.update(context, input.id(), withDelete(withCurrent(form, missing, current.data()), unset))
                            .thenReturn(ToolResult.ok(what));
                });
            }
            case delete -> {
                section.checkId(input.id());
                Set<String> unknown = new TreeSet<>(set.keySet());
                unknown.removeAll(section.deleteKeys());
                if (!unknown.isEmpty()) {
                    throw new ToolInputException("deleting a " + section.label + " takes "
                            + (section.deleteKeys().isEmpty() ? "no set" : "only " + keys(new TreeSet<>(section.deleteKeys()))));
                }
                Params query = Params.create().putAll(set);
                yield section.delete(context, input.id(), query.map())
                        .thenReturn(ToolResult.ok(section.label + " " + input.id() + deleted(section, query.map())));
            }
        };
    }

    private static String deleted(Section section, Map<String, String> query) {
        if (section != Section.replication) {
            return " deleted";
        }
        if ("1".equals(query.get("force"))) {
            return " removed from the configuration without cleanup";
        }
        return " marked for removal: its next run deletes the replication snapshots"
                + ("1".equals(query.get("keep")) ? " and keeps the target's copy" : " and the target's copy");
    }

    /**
     * The id to create: as given; for a backup job none gives one like the web interface's ({@code backup-} and 13
     * characters of a UUID); for a replication job a bare VMID gives the guest's first free job number.
     */
    private static Mono<String> id(Section section, String id, ToolContext context) {
        if (section == Section.backup) {
            String chosen = id == null ? "backup-" + UUID.randomUUID().toString().substring(0, 13) : id;
            PveFormat.CONFIG_KEY.check("id", chosen);
            return Mono.just(chosen);
        }
        if (section != Section.replication || !PveFormat.VMID.matches(id)) {
            section.checkId(id);
            return Mono.just(id);
        }
        return context.bean(JobClient.class).replicationJobs().map(r -> {
            Set<Long> taken = r.list().stream().filter(j -> id.equals(Json.text(j, "guest")))
                    .map(j -> Json.number(j, "jobnum").orElse(-1L)).collect(Collectors.toSet());
            long jobnum = 0;
            while (taken.contains(jobnum)) {
                jobnum++;
            }
            return id + "-" + jobnum;
        });
    }

    /** The keys as form values; each key must be one the action takes. */
    private static Map<String, Object> form(Section section, Map<String, Object> set, Set<String> allowed, String action) {
        Set<String> unknown = new TreeSet<>(set.keySet());
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw new ToolInputException(keys(unknown) + ": not a key to " + action + " a " + section.label + " with; keys: "
                    + String.join(", ", allowed));
        }
        Params form = Params.create();
        SetMap.putAll(form, set, section.arrayKeys(), section.listKeys());
        return form.form();
    }

    /** A backup job backs up the listed VMIDs, a pool, or all guests (minus exclude): one of them. */
    private static void backupSelection(Map<String, Object> set, boolean create) {
        Set<String> chosen = new TreeSet<>(set.keySet());
        chosen.retainAll(BACKUP_SELECTION);
        if (chosen.size() > 1 || create && chosen.isEmpty()) {
            throw new ToolInputException("a backup job takes one of set.vmid, set.pool or set.all=true to choose its guests");
        }
        if (set.containsKey("exclude") && (set.containsKey("vmid") || set.containsKey("pool"))) {
            throw new ToolInputException("set.exclude goes with set.all, not with vmid or pool");
        }
    }

    private static void checkUnset(Section section, Map<String, Object> set, List<String> unset) {
        Set<String> removable = new TreeSet<>(section.updateKeys);
        removable.removeAll(section.requiredOnUpdate);
        for (String key : unset) {
            if (!removable.contains(key)) {
                throw new ToolInputException("unset: " + key + " cannot be removed from a " + section.label
                        + "; removable: " + String.join(", ", removable));
            }
            if (set.containsKey(key)) {
                throw new ToolInputException(key + " is both in set and in unset");
            }
        }
    }

    /** Keys every update must send and the caller left out, copied from the current entry so they stay as they are. */
    private static Map<String, Object> withCurrent(Map<String, Object> form, Set<String> missing, JsonNode current) {
        Map<String, Object> body = new LinkedHashMap<>(form);
        for (String key : missing) {
            JsonNode value = Json.field(current, key);
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.values().forEach(v -> items.add(v.coerceStringValue()));
                body.put(key, items);
            } else {
                body.put(key, value.isBoolean() ? Params.wire(value.getBooleanValue()) : value.coerceStringValue());
            }
        }
        return body;
    }

    private static Map<String, Object> withDelete(Map<String, Object> form, List<String> unset) {
        Map<String, Object> body = new LinkedHashMap<>(form);
        body.putAll(Params.create().delete(unset).map());
        return body;
    }

    private static String keys(Set<String> keys) {
        return keys.stream().map(k -> "set." + k).collect(Collectors.joining(", "));
    }
}
