package io.github.proxmoxmcp.ceph;

import static io.github.proxmoxmcp.core.id.PveFormat.CEPH_POOL;
import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_ceph_pool_manage}: create a pool (size, min_size, PGs, autoscaling, application, CRUSH rule, added
 * as storage), change one, delete one (confirm; refused while a storage uses it unless remove_storages).
 */
final class PoolManage {

    enum Action { create, update, delete }

    /** The pool settings of create and update, by Proxmox name, with their rules (see {@link Checks#options}). */
    static final Map<String, String> SETTINGS = Map.of("size", "int:1:7", "min_size", "int:1:7", "pg_num", "int:1:32768",
            "pg_num_min", "int:0:32768", "pg_autoscale_mode", "one:on|off|warn", "application", "one:rbd|cephfs|rgw",
            "crush_rule", "re:[^/\\s\\p{Cntrl}]+", "target_size", "re:[0-9]+(\\.[0-9]+)?[KMGT]?", "target_size_ratio", "num");
    private static final Map<String, String> CREATE = with(SETTINGS, "erasure-coding", "re:[^\\p{Cntrl}]+");
    private static final Map<String, String> DELETE = Map.of("force", "bool", "remove_ecprofile", "bool");

    @Serdeable
    record Input(@NotNull Action action,
                 @PveId(NODE) String node,
                 @PveId(CEPH_POOL) String pool,
                 @JsonPropertyDescription("size, min_size, pg_num, application...")
                 Map<String, Object> options,
                 @JsonProperty("add_storages") Boolean addStorages,
                 @JsonProperty("remove_storages") Boolean removeStorages,
                 Boolean confirm) implements Confirmable {
    }

    private PoolManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_ceph_pool_manage",
                        "Create, update or delete (confirm) a Ceph pool.",
                        Input.class, ToolHints.DESTRUCTIVE, PoolManage::handle)
                .confirmWhen(in -> in.action() == Action.delete);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Checks.require(input.pool(), "pool", input.action().name());
        if (input.action() != Action.create) {
            Checks.refuse(input.addStorages(), "add_storages", "action=create");
        }
        if (input.action() != Action.delete) {
            Checks.refuse(input.removeStorages(), "remove_storages", "action=delete");
        }
        CephClient client = context.bean(CephClient.class);
        String node = context.node(input.node());
        String pool = input.pool();
        return switch (input.action()) {
            case create -> {
                Params form = Params.create().put("name", pool).putAll(Checks.options(input.options(), CREATE, "action=create"))
                        .put("add_storages", input.addStorages());
                yield Tasks.finish(client.createPool(node, form.map()), TaskInput.WAIT, context, "creation of pool " + pool
                        + (Boolean.TRUE.equals(input.addStorages()) ? " (added as storage " + pool + ")" : ""));
            }
            case update -> {
                Map<String, Object> settings = Checks.options(input.options(), SETTINGS, "action=update");
                if (settings.isEmpty()) {
                    throw new ToolInputException("action=update needs a setting to change in options: " + new TreeSet<>(SETTINGS.keySet()));
                }
                yield Tasks.finish(client.updatePool(node, pool, Params.create().putAll(settings).map()), TaskInput.WAIT,
                        context, "update of pool " + pool);
            }
            case delete -> delete(input, node, client, context);
        };
    }

    private static Map<String, String> with(Map<String, String> rules, String name, String rule) {
        Map<String, String> more = new TreeMap<>(rules);
        more.put(name, rule);
        return Map.copyOf(more);
    }

    /**
     * Names the storages on the pool (RBD storages of this cluster: one with a monhost is another cluster's pool);
     * refuses while there are some, unless they are to be removed with it.
     */
    private static Mono<ToolResult> delete(Input input, String node, CephClient client, ToolContext context) {
        String pool = input.pool();
        Map<String, Object> options = Checks.options(input.options(), DELETE, "action=delete");
        return client.storages(Map.of("type", "rbd")).flatMap(storages -> {
            List<String> users = storages.list().stream()
                    .filter(s -> pool.equals(Json.text(s, "pool", "rbd")) && Json.text(s, "monhost") == null)
                    .map(s -> Json.text(s, "storage", "?")).toList();
            boolean remove = Boolean.TRUE.equals(input.removeStorages());
            if (!users.isEmpty() && !remove) {
                return Mono.just(ToolResult.error("pool " + pool + " is used by storage " + String.join(", ", users)
                        + ": nothing was changed. Move or delete the disks on it first; remove_storages: true also removes "
                        + "the storage definition."));
            }
            Params query = Params.create().put("remove_storages", input.removeStorages()).putAll(options);
            return Tasks.finish(client.destroyPool(node, pool, query.map()), TaskInput.WAIT, context, "deletion of pool " + pool
                    + (users.isEmpty() ? " (no storage used it)" : " and of storage " + String.join(", ", users)));
        });
    }

}
