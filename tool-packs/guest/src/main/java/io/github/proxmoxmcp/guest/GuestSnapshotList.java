package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.guest.GuestLocator;
import io.github.proxmoxmcp.core.guest.GuestTarget;
import io.github.proxmoxmcp.core.guest.GuestType;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.InInstructions;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_snapshot_list}: a guest's snapshots, oldest first, with the current state last. */
final class GuestSnapshotList {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @InInstructions @PveId(NODE) String node,
            @InInstructions GuestType type) implements GuestTarget {
    }

    private GuestSnapshotList() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_guest_snapshot_list", "List a guest's snapshots.",
                Input.class, GuestSnapshotList::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        return GuestLocator.locate(input, context).flatMap(g -> context.bean(GuestClient.class)
                .snapshots(g.node(), g.path(), g.vmid()).map(r -> {
                    Table table = Table.of("NAME", "PARENT", "TIME", "RAM", "DESCRIPTION");
                    r.list().stream()
                            .sorted(Comparator.comparingLong(s -> Json.number(s, "snaptime").orElse(Long.MAX_VALUE)))
                            .forEach(s -> table.row(
                                    Json.text(s, "name"),
                                    Json.text(s, "parent"),
                                    Json.number(s, "snaptime").map(t -> TIME.format(Instant.ofEpochSecond(t))).orElse("-"),
                                    Json.flag(s, "vmstate") ? "yes" : "-",
                                    Json.text(s, "description", "").strip()));
                    return ToolResult.ok(table.size() <= 1 ? g.label() + ": no snapshots" : table.render());
                }));
    }
}
