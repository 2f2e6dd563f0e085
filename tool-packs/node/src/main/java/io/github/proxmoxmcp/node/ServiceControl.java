package io.github.proxmoxmcp.node;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import reactor.core.publisher.Mono;

/** {@code proxmox_node_service_control}: start, stop, restart or reload one system service. */
final class ServiceControl {

    /** The services the API accepts; a pattern because several names are not Java identifiers. */
    static final String SERVICES = "^(chrony|corosync|cron|ksmtuned|lxcfs|postfix|proxmox-firewall|pve-cluster|pve-firewall"
            + "|pve-ha-crm|pve-ha-lrm|pve-lxc-syscalld|pvedaemon|pvefw-logger|pveproxy|pvescheduler|pvestatd|qmeventd"
            + "|spiceproxy|sshd|syslog|systemd-journald|systemd-timesyncd)$";

    enum Action { start, stop, restart, reload }

    @Serdeable
    record Input(@JsonPropertyDescription(Docs.NODE) String node,
                 @NotBlank @Pattern(regexp = SERVICES) @JsonPropertyDescription("Service name") String service,
                 @NotNull Action action,
                 @JsonProperty("wait") @JsonPropertyDescription(Docs.WAIT) Boolean waitForTask,
                 @Min(1) @JsonPropertyDescription(Docs.TIMEOUT) Integer timeout) implements TaskInput {
    }

    private ServiceControl() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_node_service_control",
                "Start, stop, restart or reload a node system service.",
                Input.class, ToolHints.WRITE, ServiceControl::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String node = context.node(input.node());
        return Tasks.finish(context.bean(NodeClient.class).serviceAction(node, input.service(), input.action().name(), Map.of()),
                input, context, input.action() + " of " + input.service() + " on " + node);
    }
}
