package io.github.proxmoxmcp.sdn;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.task.Tasks;
import io.micronaut.serde.annotation.Serdeable;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_sdn_apply}: apply the pending SDN configuration (a network reload on every node, waited for) or throw
 * it away (rollback); both need confirm. Under a lock, its token is given and released by either.
 */
final class SdnApply {

    @Serdeable
    record Input(@JsonPropertyDescription("Discard them instead") Boolean rollback, String lock, Boolean confirm)
            implements Confirmable, TaskInput {

        @Override
        public Boolean waitForTask() {
            return true;
        }

        @Override
        public Integer timeout() {
            return null;
        }
    }

    private SdnApply() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_sdn_apply",
                "Apply pending SDN changes: a network reload on all nodes, waited for.",
                Input.class, ToolHints.DESTRUCTIVE, SdnApply::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        SdnClient client = context.bean(SdnClient.class);
        Params token = Params.create().put("lock-token", input.lock());
        if (Boolean.TRUE.equals(input.rollback())) {
            return client.rollback(token.map()).thenReturn(ToolResult.ok(
                    "pending SDN changes discarded: the configuration is back to what was last applied"));
        }
        return Tasks.finish(client.apply(token.map()), input, context, "SDN apply");
    }
}
