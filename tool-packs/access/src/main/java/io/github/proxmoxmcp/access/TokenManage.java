package io.github.proxmoxmcp.access;

import static io.github.proxmoxmcp.core.id.PveFormat.TOKEN_NAME;
import static io.github.proxmoxmcp.core.id.PveFormat.USER;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.client.ProxmoxApiException;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_access_token_manage}: create, update or delete an API token. Proxmox shows a new token's secret
 * once, in the create answer: it is in that result and nowhere else (no log line, no other result).
 */
final class TokenManage {

    enum Action { create, update, delete }

    @Serdeable
    record Input(@NotNull Action action,
                 @NotNull @PveId(USER) String userid,
                 @NotNull @PveId(TOKEN_NAME) String tokenid,
                 String comment,
                 @Min(0) Long expire,
                 Boolean privsep,
                 Boolean confirm) implements Confirmable {
    }

    private TokenManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_access_token_manage",
                        "Create (secret shown once), update or delete (confirm) an API token.",
                        Input.class, ToolHints.DESTRUCTIVE, TokenManage::handle)
                .confirmWhen(in -> in.action() == Action.delete);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        AccessClient client = context.bean(AccessClient.class);
        String fullId = input.userid() + "!" + input.tokenid();
        Fields fields = Fields.of("action=" + input.action()).with("comment", input.comment())
                .with("expire", input.expire()).with("privsep", input.privsep());
        return switch (input.action()) {
            case create -> {
                fields.allow("comment", "expire", "privsep");
                yield client.createToken(input.userid(), input.tokenid(), Params.create().put("comment", blankToNull(input.comment()))
                                .put("expire", input.expire()).put("privsep", input.privsep()).map())
                        .map(response -> created(fullId, input.userid(), response.dataOrNull()));
            }
            case update -> {
                fields.allow("comment", "expire", "privsep").requireAny("comment", "expire", "privsep");
                boolean clearComment = input.comment() != null && input.comment().isEmpty();
                Map<String, String> form = Params.create().put("comment", clearComment ? null : input.comment())
                        .put("expire", input.expire()).put("privsep", input.privsep())
                        .delete(clearComment ? List.of("comment") : List.of()).map();
                yield client.updateToken(input.userid(), input.tokenid(), form)
                        .map(response -> ToolResult.ok("token " + fullId + " updated\n" + info(response.dataOrNull())));
            }
            case delete -> {
                fields.allow();
                yield client.deleteToken(input.userid(), input.tokenid())
                        .thenReturn(ToolResult.ok("token " + fullId + " deleted; clients using it are refused from now on"));
            }
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static ToolResult created(String fullId, String userid, JsonNode data) {
        String secret = Json.text(data, "value");
        if (secret == null || secret.isBlank()) {
            throw new ProxmoxApiException(ProxmoxApiException.Kind.PROTOCOL, 0,
                    "Proxmox created token " + fullId + " but its answer holds no secret; delete the token and create it again",
                    Map.of());
        }
        String id = Json.text(data, "full-tokenid", fullId);
        JsonNode info = Json.field(data, "info");
        boolean separated = "yes".equals(Text.yes(info, "privsep"));
        return ToolResult.ok("token " + id + " created\n"
                + "secret: " + secret + "\n"
                + "Store the secret now: Proxmox shows it only this once. Clients send it as "
                + "Authorization: PVEAPIToken=" + id + "=<secret>.\n"
                + (separated
                    ? "privilege separation: on; the token has only what ACLs grant to the token itself, never more than "
                        + userid + " has: grant it roles with proxmox_access_acl_set who=[\"" + id + "\"]"
                    : "privilege separation: off; the token has every privilege " + userid + " has") + "\n"
                + "expire: " + Text.expire(info));
    }

    /** The token's settings as Proxmox returned them; a secret in the answer is never part of it. */
    private static String info(JsonNode info) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("privsep", Text.yes(info, "privsep"));
        lines.put("expire", Text.expire(info));
        lines.put("comment", Text.text(info, "comment"));
        return Text.lines(lines);
    }
}
