package io.github.proxmoxmcp.node;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.SEGMENT;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.id.PveId;
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

/** {@code proxmox_node_service_control}: start, stop, restart or reload one system service. */
final class ServiceControl {

    /**
     * The services the API accepts. Checked here rather than as a schema enum: several names are not
     * Java identifiers, and the pattern form would cost ~300 catalog bytes on every turn.
     */
    static final java.util.regex.Pattern SERVICES = java.util.regex.Pattern.compile("chrony|corosync|cron|ksmtuned|lxcfs|postfix|proxmox-firewall|pve-cluster|pve-firewall"
            + "|pve-ha-crm|pve-ha-lrm|pve-lxc-syscalld|pvedaemon|pvefw-logger|pveproxy|pvescheduler|pvestatd|qmeventd"
            + "|spiceproxy|sshd|syslog|systemd-journald|systemd-timesyncd");

    enum Action { start, stop, restart, reload }

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @NotNull @PveId(SEGMENT) @JsonPropertyDescription("e.g. pveproxy, pvedaemon, corosync") String service,
                 @NotNull Action action,
                 @JsonProperty("wait") Boolean waitForTask,
                 Integer timeout) implements TaskInput {
    }

    private ServiceControl() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_node_service_control",
                "Start, stop, restart or reload a node system service.",
                Input.class, ToolHints.WRITE, ServiceControl::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        if (!SERVICES.matcher(input.service()).matches()) {
            throw new ToolInputException("service must be one of " + SERVICES.pattern().replace('|', ' '));
        }
        String node = context.node(input.node());
        return Tasks.finish(context.bean(NodeClient.class).serviceAction(node, input.service(), input.action().name(), Map.of()),
                input, context, input.action() + " of " + input.service() + " on " + node);
    }
}
