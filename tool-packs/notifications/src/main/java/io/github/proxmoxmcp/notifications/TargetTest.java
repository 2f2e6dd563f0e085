package io.github.proxmoxmcp.notifications;

import static io.github.proxmoxmcp.core.id.PveFormat.NOTIFICATION;

import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import reactor.core.publisher.Mono;

/** {@code proxmox_notification_test}: sends a test notification to one target, out of the cluster. */
final class TargetTest {

    /** It changes nothing in Proxmox, but it reaches the outside world (a phone, a mailbox, a chat). */
    private static final ToolHints SENDS = new ToolHints(false, false, false, true);

    @Serdeable
    record Input(@NotNull @PveId(NOTIFICATION) String name) {
    }

    private TargetTest() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_notification_test", "Send a test notification to one target (endpoint).",
                Input.class, SENDS, TargetTest::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        return context.bean(NotificationClient.class).test(input.name(), Map.of())
                .thenReturn(ToolResult.ok("test notification sent to " + input.name()
                        + "; Proxmox accepted it: check that it arrived"));
    }
}
