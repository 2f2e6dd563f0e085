package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.STORAGE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.guest.Guest;
import io.github.proxmoxmcp.core.guest.GuestLocator;
import io.github.proxmoxmcp.core.guest.GuestTarget;
import io.github.proxmoxmcp.core.guest.GuestType;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Format;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_backup_list}: a guest's backups on one storage, newest first. */
final class GuestBackupList {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @PveId(NODE) String node,
            @NotNull @PveId(STORAGE) String storage) {
    }

    private GuestBackupList() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_guest_backup_list", "List a guest's backups on a storage.",
                Input.class, GuestBackupList::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        GuestClient client = context.bean(GuestClient.class);
        // Backups outlive their guest: with a node given, no lookup is needed (and the guest may be gone).
        Mono<String> node = input.node() != null ? Mono.just(input.node())
                : GuestLocator.locate(new GuestTarget() {
                    public Integer vmid() { return input.vmid(); }
                    public String node() { return null; }
                    public GuestType type() { return null; }
                }, context).map(Guest::node);
        return node.flatMap(n -> client.storageContent(n, input.storage(),
                Params.create().put("content", "backup").put("vmid", input.vmid()).map()).map(r -> {
                    Table table = Table.of("VOLID", "TIME", "SIZE", "PROTECTED", "NOTES");
                    r.list().stream()
                            .sorted(Comparator.comparingLong(b -> -Json.number(b, "ctime").orElse(0L)))
                            .forEach(b -> table.row(
                                    Json.text(b, "volid"),
                                    Json.number(b, "ctime").map(t -> TIME.format(Instant.ofEpochSecond(t))).orElse("-"),
                                    Format.bytes(Json.number(b, "size").orElse(null)),
                                    Json.flag(b, "protected") ? "yes" : "-",
                                    Json.text(b, "notes", "")));
                    return ToolResult.ok(table.size() == 0 ? "No backups of " + input.vmid() + " on " + input.storage()
                            : table.render(50));
                }));
    }
}
