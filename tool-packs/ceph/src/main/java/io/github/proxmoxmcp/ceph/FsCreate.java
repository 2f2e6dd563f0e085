package io.github.proxmoxmcp.ceph;

import static io.github.proxmoxmcp.core.id.PveFormat.CEPH_POOL;
import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

/** {@code proxmox_ceph_fs_create}: a CephFS with its data and metadata pools, optionally added as storage. */
final class FsCreate {

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @NotNull @PveId(CEPH_POOL) String name,
                 @Min(8) @Max(32768) @JsonProperty("pg_num") Integer pgNum,
                 @JsonProperty("add-storage") Boolean addStorage) {
    }

    private FsCreate() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_ceph_fs_create",
                "Create a CephFS and its NAME_data, NAME_metadata pools (needs an MDS); add-storage adds it.",
                Input.class, ToolHints.WRITE, FsCreate::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String node = context.node(input.node());
        Params form = Params.create().put("pg_num", input.pgNum()).put("add-storage", input.addStorage());
        return Tasks.finish(context.bean(CephClient.class).createFs(node, input.name(), form.map()), TaskInput.WAIT, context,
                "creation of CephFS " + input.name() + " (pools " + input.name() + "_data and " + input.name() + "_metadata"
                        + (Boolean.TRUE.equals(input.addStorage()) ? ", added as storage " + input.name() : "") + ")");
    }
}
