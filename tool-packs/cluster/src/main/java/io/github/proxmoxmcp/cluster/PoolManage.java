package io.github.proxmoxmcp.cluster;

import static io.github.proxmoxmcp.core.id.PveFormat.POOL;
import static io.github.proxmoxmcp.core.id.PveFormat.STORAGE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.client.ProxmoxErrors;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_cluster_pool_manage}: create, update or delete a resource pool, addressed by the {@code poolid}
 * parameter as PVE 8.1+ wants it (nested pools {@code parent/child}). Delete is refused while the pool has members
 * or sub-pools, unless {@code remove} asks to take the members out first.
 */
final class PoolManage {

    enum Action { create, update, delete }

    @Serdeable
    record Input(@NotNull Action action,
                 @NotNull @PveId(POOL) String poolid,
                 String comment,
                 List<@Min(100) @PveId(VMID) Integer> vms,
                 List<@PveId(STORAGE) String> storage,
                 Boolean remove,
                 @JsonProperty("allow-move") Boolean allowMove,
                 Boolean confirm) implements Confirmable {
    }

    private PoolManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_cluster_pool_manage",
                "Create, update (add vms/storage, or remove them) or delete (confirm) a pool.",
                Input.class, ToolHints.DESTRUCTIVE, PoolManage::handle)
                .confirmWhen(in -> in.action() == Action.delete);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        PoolClient client = context.bean(PoolClient.class);
        String pool = input.poolid();
        boolean members = input.vms() != null && !input.vms().isEmpty() || input.storage() != null && !input.storage().isEmpty();
        if (input.comment() != null && input.comment().isEmpty()) {
            throw new ToolInputException("comment: Proxmox reads an empty value as no value; give a text");
        }
        if (input.remove() != null && input.action() == Action.create) {
            throw new ToolInputException("remove is for action=update or delete");
        }
        return switch (input.action()) {
            case create -> {
                if (input.allowMove() != null && !members) {
                    throw new ToolInputException("allow-move goes with vms to add");
                }
                Mono<ToolResult> created = client.create(Params.create().put("poolid", pool).put("comment", input.comment()).map())
                        .thenReturn(ToolResult.ok("pool " + pool + " created"));
                if (!members) {
                    yield created;
                }
                yield created.flatMap(done -> client.update(addOrRemove(input, false).map())
                        .thenReturn(ToolResult.ok("pool " + pool + " created with " + what(input)))
                        .onErrorResume(e -> Mono.just(ToolResult.error("pool " + pool + " created, but adding " + what(input)
                                + " failed: " + ProxmoxErrors.map(e, context.bean(JsonMapper.class)).userMessage()))));
            }
            case update -> {
                boolean remove = Boolean.TRUE.equals(input.remove());
                if (!members && input.comment() == null) {
                    throw new ToolInputException("give comment, vms or storage");
                }
                if (remove && !members) {
                    throw new ToolInputException("remove needs the vms or storage to take out");
                }
                if (remove && input.allowMove() != null) {
                    throw new ToolInputException("allow-move is for adding guests");
                }
                Params form = addOrRemove(input, remove).put("comment", input.comment());
                String done = !members ? "comment set" : (remove ? "removed " : "added ") + what(input);
                yield client.update(form.map()).thenReturn(ToolResult.ok("pool " + pool + ": " + done));
            }
            case delete -> {
                if (members || input.comment() != null || input.allowMove() != null) {
                    throw new ToolInputException("action=delete takes only poolid, remove and confirm");
                }
                yield delete(client, pool, Boolean.TRUE.equals(input.remove()));
            }
        };
    }

    /** The members to add ({@code remove} false) or take out: the PUT that changes membership. */
    private static Params addOrRemove(Input input, boolean remove) {
        return Params.create().put("poolid", input.poolid()).put("vms", input.vms()).put("storage", input.storage())
                .put("allow-move", input.allowMove()).put("delete", remove ? true : null);
    }

    private static String what(Input input) {
        List<String> parts = new ArrayList<>();
        if (input.vms() != null && !input.vms().isEmpty()) {
            parts.add("guests " + Params.wire(input.vms()));
        }
        if (input.storage() != null && !input.storage().isEmpty()) {
            parts.add("storage " + Params.wire(input.storage()));
        }
        return String.join(" and ", parts);
    }

    /**
     * Proxmox refuses to delete a pool with members or sub-pools. Without {@code remove} the tool says what is in it;
     * with it, the guests and storages are taken out first. Sub-pools are never deleted for the caller.
     */
    private static Mono<ToolResult> delete(PoolClient client, String pool, boolean remove) {
        Mono<List<JsonNode>> subpools = client.pools(Params.create().map()).map(r -> r.list().stream()
                .filter(p -> Json.text(p, "poolid", "").startsWith(pool + "/")).toList());
        Mono<List<JsonNode>> members = client.pools(Params.create().put("poolid", pool).map()).map(r -> {
            List<JsonNode> found = new ArrayList<>();
            JsonNode list = r.list().isEmpty() ? null : Json.field(r.list().getFirst(), "members");
            if (list != null && list.isArray()) {
                list.values().forEach(found::add);
            }
            return found;
        });
        return Mono.zip(members, subpools).flatMap(t -> {
            List<JsonNode> inPool = t.getT1();
            if (!t.getT2().isEmpty()) {
                return Mono.just(ToolResult.error("pool " + pool + " has sub-pools (" + String.join(", ",
                        t.getT2().stream().map(p -> Json.text(p, "poolid")).toList()) + "): delete them first. Nothing was changed."));
            }
            if (!inPool.isEmpty() && !remove) {
                return Mono.just(ToolResult.error("pool " + pool + " is not empty (" + String.join(", ",
                        inPool.stream().map(m -> Json.text(m, "id")).toList())
                        + "): remove its members first, or call again with remove: true to take them out. Nothing was changed."));
            }
            List<Long> vms = inPool.stream().filter(m -> Json.field(m, "vmid") != null)
                    .map(m -> Json.number(m, "vmid").orElse(0L)).toList();
            List<String> storages = inPool.stream().filter(m -> "storage".equals(Json.text(m, "type")))
                    .map(m -> Json.text(m, "storage")).toList();
            Mono<?> emptied = inPool.isEmpty() ? Mono.just(true) : client.update(Params.create().put("poolid", pool)
                    .put("vms", vms).put("storage", storages).put("delete", true).map()).thenReturn(true);
            String taken = inPool.isEmpty() ? "" : " after taking out " + String.join(", ", inPool.stream().map(m -> Json.text(m, "id")).toList());
            return emptied.then(client.delete(Params.create().put("poolid", pool).map()))
                    .thenReturn(ToolResult.ok("pool " + pool + " deleted" + taken));
        });
    }
}
