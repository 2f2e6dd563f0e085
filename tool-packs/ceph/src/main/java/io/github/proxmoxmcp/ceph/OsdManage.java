package io.github.proxmoxmcp.ceph;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_ceph_osd_manage}: create an OSD on a disk (DB/WAL devices, encryption, device class), mark one in or
 * out, scrub or deep-scrub it. Destroying one is {@link OsdDestroy}.
 */
final class OsdManage {

    @Serdeable
    enum Action { create, in, out, scrub, @JsonProperty("deep-scrub") deepScrub }

    /** The options of create (sizes in GiB) and destroy, with their rules (see {@link Checks#options}). */
    private static final Map<String, String> CREATE = Map.of("db_dev", "dev", "db_dev_size", "num", "wal_dev", "dev",
            "wal_dev_size", "num", "encrypted", "bool", "crush-device-class", "re:[A-Za-z0-9_.-]+", "osds-per-device", "int:1:64");

    @Serdeable
    record Input(@NotNull Action action,
                 @PveId(NODE) String node,
                 @Min(0) Integer osd,
                 String dev,
                 @JsonPropertyDescription("db_dev, wal_dev, encrypted...") Map<String, Object> options) {
    }

    private OsdManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_ceph_osd_manage",
                "Create an OSD on dev; mark osd in or out; scrub or deep-scrub it.",
                Input.class, ToolHints.WRITE, OsdManage::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        Action action = input.action();
        if (action == Action.create) {
            Checks.require(input.dev(), "dev", "create");
            Checks.refuse(input.osd(), "osd", "actions on an existing OSD");
        } else {
            Checks.require(input.osd(), "osd", action == Action.deepScrub ? "deep-scrub" : action.name());
            Checks.refuse(input.dev(), "dev", "action=create");
            Checks.refuse(input.options(), "options", "action=create");
        }
        CephClient client = context.bean(CephClient.class);
        String node = context.node(input.node());
        String osd = "osd." + input.osd();
        return switch (action) {
            case create -> create(input, node, client, context);
            case in -> client.osdCommand(node, input.osd(), "in", Map.of())
                    .thenReturn(ToolResult.ok(osd + " marked in: Ceph moves data back onto it (follow with proxmox_ceph_status)"));
            case out -> client.osdCommand(node, input.osd(), "out", Map.of())
                    .thenReturn(ToolResult.ok(osd + " marked out: Ceph moves its data to the other OSDs (follow with "
                            + "proxmox_ceph_status)"));
            case scrub, deepScrub -> client.osdCommand(node, input.osd(), "scrub", Params.create()
                            .put("deep", action == Action.deepScrub ? true : null).map())
                    .thenReturn(ToolResult.ok((action == Action.deepScrub ? "deep scrub" : "scrub") + " of " + osd + " requested"));
        };
    }

    private static Mono<ToolResult> create(Input input, String node, CephClient client, ToolContext context) {
        Checks.device("dev", input.dev());
        Map<String, Object> options = Checks.options(input.options(), CREATE, "action=create");
        Params form = Params.create().put("dev", input.dev()).putAll(options);
        return Tasks.finish(client.createOsd(node, form.map()), TaskInput.WAIT, context,
                "creation of an OSD on " + input.dev() + " on " + node);
    }

}
