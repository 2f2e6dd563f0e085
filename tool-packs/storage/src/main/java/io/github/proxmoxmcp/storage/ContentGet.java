package io.github.proxmoxmcp.storage;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.STORAGE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;
import static io.github.proxmoxmcp.core.id.PveFormat.VOLUME;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_storage_content_get}: one volume's attributes, the files inside a PBS backup, how an importable guest
 * (an ESXi VM, an OVA) would be created, or which backups a prune would remove (nothing is removed: the dry look before
 * {@code proxmox_storage_prune}).
 */
final class ContentGet {

    static final int MAX_ROWS = 200;

    @Serdeable
    enum View {
        @JsonProperty("volume") volume,
        @JsonProperty("files") files,
        @JsonProperty("prune") prune,
        /** {@code import} is a Java keyword. */
        @JsonProperty("import") imports;

        @Override
        public String toString() {
            return this == imports ? "import" : name();
        }
    }

    @Serdeable
    record Input(@NotNull View view,
                 @PveId(NODE) String node,
                 @JsonPropertyDescription("e.g. local:iso/a.iso") @PveId(VOLUME) String volume,
                 String filepath,
                 @PveId(STORAGE) String storage,
                 @PveId(VMID) Integer vmid,
                 @JsonProperty(Retention.FIELD) String pruneBackups) {
    }

    private ContentGet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_storage_content_get",
                "A volume's attributes, files in a PBS backup, import metadata, or a prune preview.",
                Input.class, ContentGet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        boolean prune = input.view() == View.prune;
        if (prune != (input.volume() == null)) {
            throw new ToolInputException(prune ? "view=prune takes storage, not volume" : "volume is required for view=" + input.view());
        }
        if (prune && input.storage() == null) {
            throw new ToolInputException("storage is required for view=prune");
        }
        if (!prune && (input.vmid() != null || input.pruneBackups() != null)) {
            throw new ToolInputException("vmid and prune-backups are for view=prune");
        }
        if (input.filepath() != null && input.view() != View.files) {
            throw new ToolInputException("filepath is for view=files");
        }
        String retention = Retention.checked(input.pruneBackups());
        String storage = Volumes.storage(input.storage(), input.volume());
        StorageClient client = context.bean(StorageClient.class);
        return StorageNode.of(storage, input.node(), context).flatMap(node -> switch (input.view()) {
            case volume -> client.volume(node, storage, input.volume())
                    .map(r -> ToolResult.ok(input.volume() + "\n" + KeyValues.of(r.data())));
            case imports -> client.importMetadata(node, storage, Params.create().put("volume", input.volume()).map())
                    .map(r -> ToolResult.ok(input.volume() + " imports as:\n" + KeyValues.of(r.data())));
            case files -> client.fileRestoreList(node, storage, Params.create().put("volume", input.volume())
                            .put("filepath", input.filepath() == null ? "/" : input.filepath()).map())
                    .map(r -> ToolResult.ok(files(r.list())));
            case prune -> client.pruneDryRun(node, storage, Params.create()
                            .put(Retention.FIELD, retention).put("vmid", input.vmid()).map())
                    .map(r -> ToolResult.ok(prune(storage, r.list())));
        });
    }

    private static String prune(String storage, List<JsonNode> backups) {
        if (backups.isEmpty()) {
            return "no backups on " + storage + " to consider";
        }
        Map<String, Long> marks = backups.stream().collect(Collectors.groupingBy(b -> Json.text(b, "mark", "?"), TreeMap::new,
                Collectors.counting()));
        Table table = Table.of("VOLID", "VMID", "TYPE", "CREATED", "MARK");
        backups.stream()
                .sorted(Comparator.comparing((JsonNode b) -> Json.number(b, "vmid").orElse(0L))
                        .thenComparing(b -> -Json.number(b, "ctime").orElse(0L)))
                .forEach(b -> table.row(Json.text(b, "volid"), Json.text(b, "vmid"), Json.text(b, "type"),
                        Format.time(Json.number(b, "ctime").orElse(null)), Json.text(b, "mark")));
        return "prune preview on " + storage + ", nothing removed: " + marks.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")) + "\n" + table.render(MAX_ROWS);
    }

    private static String files(List<JsonNode> entries) {
        if (entries.isEmpty()) {
            return "no entries";
        }
        Table table = Table.of("TYPE", "NAME", "SIZE", "MODIFIED", "FILEPATH");
        entries.forEach(e -> table.row(Json.text(e, "type"), Json.text(e, "text"),
                Format.bytes(Json.number(e, "size").orElse(null)), Format.time(Json.number(e, "mtime").orElse(null)),
                Json.text(e, "filepath")));
        return table.render(MAX_ROWS);
    }
}
