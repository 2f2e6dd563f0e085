package io.github.proxmoxmcp.storage;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.STORAGE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Format;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Min;
import java.util.Comparator;
import java.util.List;
import reactor.core.publisher.Mono;

/** {@code proxmox_storage_content_list}: what a storage holds, by content type; backups newest first. */
final class ContentList {

    static final int DEFAULT_LIMIT = 50;

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @NotNull @PveId(STORAGE) String storage,
                 Content content,
                 @PveId(VMID) Integer vmid,
                 @Min(1) Integer limit) {
    }

    private ContentList() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_storage_content_list",
                "A storage's ISOs, templates, backups (newest first), disks.",
                Input.class, ContentList::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        int limit = input.limit() == null ? DEFAULT_LIMIT : input.limit();
        return StorageNode.of(input.storage(), input.node(), context).flatMap(node -> context.bean(StorageClient.class)
                .content(node, input.storage(), Params.create()
                        .put("content", input.content() == null ? null : input.content().toString())
                        .put("vmid", input.vmid()).map())
                .map(r -> ToolResult.ok(list(input, r.list(), limit))));
    }

    /** Grouped by content type; backups newest first, everything else by name. */
    private static String list(Input input, List<JsonNode> volumes, int limit) {
        if (volumes.isEmpty()) {
            return "nothing" + (input.content() == null ? "" : " of content " + input.content())
                    + (input.vmid() == null ? "" : " of VMID " + input.vmid()) + " on " + input.storage();
        }
        Comparator<JsonNode> order = Comparator.comparing((JsonNode v) -> Json.text(v, "content", ""))
                .thenComparing(v -> "backup".equals(Json.text(v, "content")) ? -Json.number(v, "ctime").orElse(0L) : 0L)
                .thenComparing(v -> Json.text(v, "volid", ""));
        Table table = Table.of("VOLID", "CONTENT", "FORMAT", "SIZE", "CREATED", "VMID", "PROTECTED", "NOTES");
        volumes.stream().sorted(order).forEach(v -> table.row(Json.text(v, "volid"), Json.text(v, "content"),
                Json.text(v, "format"), Format.bytes(Json.number(v, "size").orElse(null)),
                Format.time(Json.number(v, "ctime").orElse(null)), Json.text(v, "vmid"),
                Json.flag(v, "protected") ? "yes" : "-", Json.text(v, "notes")));
        return table.render(limit);
    }
}
