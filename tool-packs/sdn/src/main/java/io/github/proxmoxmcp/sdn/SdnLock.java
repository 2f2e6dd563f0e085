package io.github.proxmoxmcp.sdn;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_sdn_lock}: the global SDN lock. While it is held, SDN writes need its token, so that one change set
 * is written and applied without others' writes mixing in; applying or rolling back releases it.
 */
final class SdnLock {

    enum Action { lock, unlock }

    @Serdeable
    record Input(@NotNull Action action,
                 String lock,
                 @JsonPropertyDescription("lock though pending; unlock tokenless") Boolean force) {
    }

    private SdnLock() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_sdn_lock",
                "Lock SDN writes to a token (give it as lock to proxmox_sdn_manage/apply), or unlock.",
                Input.class, ToolHints.WRITE, SdnLock::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        SdnClient client = context.bean(SdnClient.class);
        if (input.action() == Action.lock) {
            if (input.lock() != null) {
                throw new ToolInputException("action=lock returns a token; it takes none");
            }
            return client.lock(Params.create().put("allow-pending", input.force()).map())
                    .map(r -> ToolResult.ok("SDN configuration locked; lock token: " + r.string()
                            + "\npass it as lock to proxmox_sdn_manage and proxmox_sdn_apply; apply or rollback release it"));
        }
        if (input.lock() == null && !Boolean.TRUE.equals(input.force())) {
            throw new ToolInputException("action=unlock needs lock (the token) or force: true");
        }
        return client.unlock(input.lock(), Boolean.TRUE.equals(input.force()) ? 1 : null)
                .thenReturn(ToolResult.ok("SDN configuration unlocked"));
    }
}
