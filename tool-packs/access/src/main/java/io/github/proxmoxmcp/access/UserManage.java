package io.github.proxmoxmcp.access;

import static io.github.proxmoxmcp.core.id.PveFormat.GROUP;
import static io.github.proxmoxmcp.core.id.PveFormat.USER;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_access_user_manage}: create, update or delete a user, or change a password. Passwords are
 * write-only: they go into the request body and nowhere else.
 */
final class UserManage {

    enum Action { create, update, delete, password }

    private static final String[] SETTINGS = {"groups", "enable", "expire", "email", "comment"};

    @Serdeable
    record Input(@NotNull Action action,
                 @NotNull @PveId(USER) String userid,
                 @JsonPropertyDescription("replaces unless append") List<@PveId(GROUP) String> groups,
                 Boolean append,
                 Boolean enable,
                 @Min(0) Long expire,
                 String email,
                 String comment,
                 String password,
                 Boolean confirm) implements Confirmable {
    }

    private UserManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_access_user_manage",
                        "Create, update or delete (confirm) a user, or set its password.",
                        Input.class, ToolHints.DESTRUCTIVE, UserManage::handle)
                .confirmWhen(in -> in.action() == Action.delete);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        AccessClient client = context.bean(AccessClient.class);
        String userid = input.userid();
        Fields fields = Fields.of("action=" + input.action()).with("groups", input.groups()).with("append", input.append())
                .with("enable", input.enable()).with("expire", input.expire()).with("email", input.email())
                .with("comment", input.comment()).with("password", input.password());
        return switch (input.action()) {
            case create -> {
                fields.allow("groups", "enable", "expire", "email", "comment", "password").nonEmpty(SETTINGS);
                yield client.createUser(Params.create().put("userid", userid).putAll(settings(input))
                                .put("password", input.password()).map())
                        .thenReturn(ToolResult.ok("user " + userid + " created"));
            }
            case update -> {
                fields.allow("groups", "enable", "expire", "email", "comment", "append").nonEmpty(SETTINGS);
                if (input.append() != null) {
                    fields.require("groups");
                }
                fields.requireAny(SETTINGS);
                yield client.updateUser(userid, Params.create().putAll(settings(input)).put("append", input.append()).map())
                        .thenReturn(ToolResult.ok("user " + userid + " updated: " + String.join(", ",
                                fields.names().stream().filter(n -> !n.equals("append")).toList())));
            }
            case delete -> {
                fields.allow();
                yield client.deleteUser(userid).thenReturn(ToolResult.ok("user " + userid
                        + " deleted, with its API tokens, TFA entries, group memberships and ACL entries"));
            }
            case password -> {
                fields.allow("password").require("password");
                Credentials credentials = Credentials.of(context);
                yield credentials.refuseToken("a password change").map(Mono::just).orElseGet(() -> client.changePassword(
                                Params.create().put("userid", userid).put("password", input.password())
                                        .put("confirmation-password", credentials.reauthentication()).map())
                        .thenReturn(ToolResult.ok("password of " + userid + " changed" + (userid.endsWith("@pam")
                                ? " (pam realm: on the node that answered only, not cluster-wide)" : ""))));
            }
        };
    }

    private static Map<String, String> settings(Input input) {
        return Params.create().put("groups", input.groups()).put("enable", input.enable()).put("expire", input.expire())
                .put("email", input.email()).put("comment", input.comment()).map();
    }
}
