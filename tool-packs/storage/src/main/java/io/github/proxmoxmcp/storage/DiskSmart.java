package io.github.proxmoxmcp.storage;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
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
import reactor.core.publisher.Mono;

/** {@code proxmox_storage_disk_smart}: one disk's SMART health and attributes (or the NVMe health log). */
final class DiskSmart {

    static final int MAX_TEXT = 4000;

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @NotNull @JsonPropertyDescription("e.g. /dev/sdb") String disk) {
    }

    private DiskSmart() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_storage_disk_smart",
                "SMART health and attributes of a node's disk.",
                Input.class, DiskSmart::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String disk = Disks.checked("disk", input.disk());
        String node = context.node(input.node());
        return context.bean(StorageClient.class).smart(node, Params.create().put("disk", disk).map())
                .map(r -> ToolResult.ok(smart(disk, r.dataOrNull())));
    }

    private static String smart(String disk, JsonNode smart) {
        String head = disk + ": health " + Json.text(smart, "health", "unknown");
        JsonNode attributes = Json.field(smart, "attributes");
        if (attributes != null && attributes.isArray() && attributes.size() > 0) {
            Table table = Table.of("ID", "ATTRIBUTE", "VALUE", "WORST", "THRESH", "RAW", "FAIL");
            attributes.values().forEach(a -> table.row(Json.text(a, "id"), Json.text(a, "name"), Json.text(a, "value"),
                    Json.text(a, "worst"), Json.text(a, "threshold"), Json.text(a, "raw"), Json.text(a, "fail")));
            return head + "\n" + table.render();
        }
        String text = Json.text(smart, "text");
        return text == null ? head : head + "\n" + Format.head(text.strip(), MAX_TEXT);
    }
}
