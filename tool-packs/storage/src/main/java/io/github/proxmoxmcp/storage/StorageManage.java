package io.github.proxmoxmcp.storage;

import static io.github.proxmoxmcp.core.id.PveFormat.STORAGE;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_storage_manage}: add, change or remove (confirm) a storage in the cluster's storage configuration.
 * Removing it leaves the data where it is. Passwords, keyrings and keys are sent and never shown again.
 */
final class StorageManage {

    @Serdeable
    enum Action { create, update, delete }

    @Serdeable
    enum Type { btrfs, cephfs, cifs, dir, esxi, iscsi, iscsidirect, lvm, lvmthin, nfs, pbs, rbd, zfs, zfspool }

    @Serdeable
    record Input(@NotNull @PveId(STORAGE) String storage,
                 @NotNull Action action,
                 Type type,
                 @JsonPropertyDescription("By Proxmox name, e.g. {\"server\":\"nas\",\"export\":\"/iso\"}; null unsets")
                 Map<String, Object> settings,
                 Boolean confirm) implements Confirmable {

        Map<String, Object> given() {
            return settings == null ? Map.of() : settings;
        }
    }

    private StorageManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_storage_manage",
                "Add (type, settings), update (settings) or remove (confirm; data kept) a storage.",
                Input.class, ToolHints.DESTRUCTIVE, StorageManage::handle)
                .confirmWhen(in -> in.action() == Action.delete);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        StorageClient client = context.bean(StorageClient.class);
        String id = input.storage();
        return switch (input.action()) {
            case create -> {
                if (input.type() == null) {
                    throw new ToolInputException("type is required for action=create");
                }
                Map<String, String> form = Params.create().put("storage", id).put("type", input.type())
                        .putAll(StorageOptions.forCreate(input.type(), input.given())).map();
                yield client.create(form).map(r -> ToolResult.ok("storage " + id + " (" + input.type() + ") created"
                        + keyNote(id, r.dataOrNull())));
            }
            case update -> {
                if (input.type() != null) {
                    throw new ToolInputException("type cannot change; remove the storage and add it again");
                }
                Map<String, String> form = StorageOptions.forUpdate(input.given());
                if (form.isEmpty()) {
                    throw new ToolInputException("action=update needs settings");
                }
                yield client.update(id, form).map(r -> ToolResult.ok("storage " + id + " updated" + keyNote(id, r.dataOrNull())));
            }
            case delete -> {
                if (input.type() != null || input.settings() != null) {
                    throw new ToolInputException("action=delete takes only storage and confirm");
                }
                yield client.delete(id).thenReturn(ToolResult.ok("storage " + id
                        + " removed from the configuration; its data was left in place"));
            }
        };
    }

    /** A PBS encryption key Proxmox generated is a secret: where it is kept is said, never the key. */
    private static String keyNote(String id, JsonNode answer) {
        return Json.text(Json.field(answer, "config"), "encryption-key") == null ? ""
                : "; an encryption key was set: back it up from /etc/pve/priv/storage/" + id + ".enc (it is not shown here)";
    }
}
