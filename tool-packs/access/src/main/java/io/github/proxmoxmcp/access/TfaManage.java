package io.github.proxmoxmcp.access;

import static io.github.proxmoxmcp.core.id.PveFormat.SEGMENT;
import static io.github.proxmoxmcp.core.id.PveFormat.USER;

import io.github.proxmoxmcp.core.client.PveResponse;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_access_tfa_manage}: delete one of a user's second factors, or lift the lockout Proxmox puts on a
 * user after too many failed TFA attempts. Entries are listed with {@code proxmox_access_get view=tfa}.
 */
final class TfaManage {

    enum Action { delete, unlock }

    @Serdeable
    record Input(@NotNull Action action,
                 @NotNull @PveId(USER) String userid,
                 @PveId(SEGMENT) String id,
                 Boolean confirm) implements Confirmable {
    }

    private TfaManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_access_tfa_manage", "Delete (confirm) a user's TFA entry (id), or unlock TFA.",
                        Input.class, ToolHints.DESTRUCTIVE, TfaManage::handle)
                .confirmWhen(in -> in.action() == Action.delete);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        AccessClient client = context.bean(AccessClient.class);
        String userid = input.userid();
        Fields fields = Fields.of("action=" + input.action()).with("id", input.id());
        return switch (input.action()) {
            case delete -> {
                fields.require("id");
                Credentials credentials = Credentials.of(context);
                yield credentials.refuseToken("a TFA change").or(credentials::refusePasswordInUrl).map(Mono::just)
                        .orElseGet(() -> client.deleteTfa(userid, input.id())
                                .thenReturn(ToolResult.ok("TFA entry " + input.id() + " of " + userid + " deleted")));
            }
            case unlock -> {
                fields.allow();
                yield client.unlockTfa(userid, Map.of()).map(TfaManage::wasLocked).map(locked -> ToolResult.ok(locked
                        ? "TFA of " + userid + " unlocked" : userid + " was not locked out of TFA"));
            }
        };
    }

    /** Proxmox answers whether the user was locked. */
    private static boolean wasLocked(PveResponse response) {
        String value = response.string();
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }
}
