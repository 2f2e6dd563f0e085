package io.github.proxmoxmcp.ceph;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
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
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_ceph_service_manage}: create or destroy (confirm) a monitor, manager or metadata server on a node;
 * start, stop (confirm) or restart Ceph daemons there (one, all of a type, or all). Destroying or stopping a
 * monitor, MDS or OSD first asks Ceph whether it is safe; {@code force} goes ahead anyway.
 */
final class ServiceManage {

    enum Action { create, destroy, start, stop, restart }

    enum Type { mon, mgr, mds, osd }

    private static final Map<String, String> MON = Map.of("mon-address", "re:[0-9A-Fa-f:.]+([,;][0-9A-Fa-f:.]+)*");
    private static final Map<String, String> MDS = Map.of("hotstandby", "bool");
    private static final Map<String, String> FORCE = Map.of("force", "bool");

    @Serdeable
    record Input(@NotNull Action action,
                 Type type,
                 @PveId(NODE) String node,
                 @PveId(NODE) String id,
                 @JsonPropertyDescription("create: mon-address, hotstandby; force") Map<String, Object> options,
                 Boolean confirm) implements Confirmable {
    }

    private ServiceManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_ceph_service_manage",
                        "Create/destroy (confirm) mon/mgr/mds; start/stop (confirm)/restart daemons (no type: all).",
                        Input.class, ToolHints.DESTRUCTIVE, ServiceManage::handle)
                .confirmWhen(in -> in.action() == Action.destroy || in.action() == Action.stop);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        boolean lifecycle = input.action() == Action.create || input.action() == Action.destroy;
        if (lifecycle && (input.type() == null || input.type() == Type.osd)) {
            throw new ToolInputException("type must be mon, mgr or mds for action=" + input.action()
                    + (input.type() == Type.osd ? " (OSDs: proxmox_ceph_osd_manage)" : ""));
        }
        Map<String, Object> options = Checks.options(input.options(), switch (input.action()) {
            case create -> input.type() == Type.mon ? MON : input.type() == Type.mds ? MDS : Map.of();
            case stop, destroy -> FORCE;
            default -> Map.of();
        }, "action=" + input.action() + (input.type() == null ? "" : " type=" + input.type()));
        boolean force = Boolean.TRUE.equals(options.get("force"));
        if (input.id() != null && input.type() == null) {
            throw new ToolInputException("id needs a type (mon, mgr, mds or osd)");
        }
        if (input.type() == Type.osd && input.id() != null && !input.id().matches("[0-9]+")) {
            throw new ToolInputException("id of an OSD is its number, e.g. 3");
        }
        boolean checked = input.action() == Action.destroy || input.action() == Action.stop;
        if (input.action() == Action.destroy) {
            Checks.require(input.id(), "id", "destroy");
        }
        CephClient client = context.bean(CephClient.class);
        String node = context.node(input.node());
        String type = input.type() == null ? null : input.type().name();
        String what = type == null ? "all Ceph daemons on " + node : input.id() == null ? "all " + type + " daemons on " + node
                : type + "." + input.id();
        Mono<ToolResult> run = switch (input.action()) {
            case create -> {
                String id = input.id() == null ? node : input.id();
                Params form = Params.create().putAll(options);
                yield Tasks.finish(client.createDaemon(node, type, id, form.map()), TaskInput.WAIT, context,
                        "creation of " + type + "." + id + " on " + node);
            }
            case destroy -> Tasks.finish(client.destroyDaemon(node, type, input.id()), TaskInput.WAIT, context,
                    "destruction of " + what + " on " + node);
            default -> {
                String service = type == null ? (input.action() == Action.restart ? null : "ceph")
                        : input.id() == null ? type : type + "." + input.id();
                yield Tasks.finish(client.service(node, input.action().name(), Params.create().put("service", service).map()),
                        TaskInput.WAIT, context, input.action() + " of " + what);
            }
        };
        boolean safety = checked && input.id() != null && input.type() != Type.mgr && !force;
        if (!safety) {
            return run;
        }
        return Safety.problem(client, node, type, input.id(), input.action() == Action.stop ? "stop" : "destroy")
                .flatMap(problem -> problem.isEmpty() ? run
                        : Mono.just(ToolResult.error(Safety.refusal(what, input.action().name(), problem, "options {\"force\": true}"))));
    }
}
