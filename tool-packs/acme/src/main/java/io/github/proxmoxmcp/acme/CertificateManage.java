package io.github.proxmoxmcp.acme;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_acme_certificate_manage}: a node's certificate. {@code order} and {@code renew} run the ACME order
 * for the domains set with {@code proxmox_acme_domains_set} as a task and wait for it; {@code revoke} revokes the ACME certificate; {@code upload} installs a
 * custom certificate (the private key is write-only); {@code remove} deletes the custom one. Every change of the
 * served certificate changes the fingerprint clients pin: the result says so and prints the new one.
 */
final class CertificateManage {

    enum Action { order, renew, revoke, upload, remove }

    @Serdeable
    record Input(@NotNull Action action,
                 @PveId(NODE) String node,
                 Boolean force,
                 String certificates,
                 String key,
                 Boolean confirm) implements Confirmable {
    }

    private CertificateManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_acme_certificate_manage",
                        "Node certificate: ACME order/renew (force), revoke (confirm), upload PEM+key, remove custom (confirm).",
                        Input.class, ToolHints.DESTRUCTIVE, CertificateManage::handle)
                .confirmWhen(in -> in.action() == Action.revoke || in.action() == Action.remove);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        check(input);
        String node = context.node(input.node());
        CertificateClient client = context.bean(CertificateClient.class);
        Map<String, String> force = Params.create().put("force", input.force()).map();
        Mono<ToolResult> outcome = switch (input.action()) {
            case order -> withNotice(Tasks.finish(client.order(node, force), TaskInput.WAIT, context,
                    "ACME certificate order for " + node), node, context);
            case renew -> withNotice(Tasks.finish(client.renew(node, force), TaskInput.WAIT, context,
                    "ACME certificate renewal for " + node), node, context);
            case revoke -> withNotice(Tasks.finish(client.revoke(node), TaskInput.WAIT, context,
                    "revocation of the ACME certificate of " + node), node, context);
            case upload -> client.upload(node, Params.create().put("certificates", input.certificates()).put("key", input.key())
                            .put("force", input.force()).put("restart", true).map())
                    .map(r -> ToolResult.ok("custom certificate installed on " + node + ", pveproxy restarted\n"
                            + Certificates.fingerprintNotice(node, r.dataOrNull().isObject() ? r.dataOrNull() : null)));
            case remove -> client.removeCustom(node, Params.create().put("restart", true).map())
                    .then(Certificates.notice(node, context))
                    .map(notice -> ToolResult.ok("custom certificate of " + node + " removed, pveproxy restarted\n" + notice));
        };
        return Secrets.of(Arrays.asList(input.key())).hide(outcome, context);
    }

    /** After a successful task: which certificate the node now serves, with its fingerprint. */
    private static Mono<ToolResult> withNotice(Mono<ToolResult> finished, String node, ToolContext context) {
        return finished.flatMap(result -> result.error() ? Mono.just(result)
                : Certificates.notice(node, context).map(notice -> ToolResult.ok(result.text() + "\n" + notice)));
    }

    private static void check(Input input) {
        List<String> stray = new ArrayList<>();
        Action action = input.action();
        if (action != Action.order && action != Action.renew && action != Action.upload) {
            Text.given(stray, "force", input.force());
        }
        if (action != Action.upload) {
            Text.given(stray, "certificates", input.certificates());
            Text.given(stray, "key", input.key());
        }
        Text.only(action.name(), stray);
        if (action == Action.upload) {
            if (input.certificates() == null || !input.certificates().contains("-----BEGIN CERTIFICATE-----")) {
                throw new ToolInputException("certificates is required for action=upload: the PEM certificate chain, "
                        + "server certificate first");
            }
            if (input.key() != null && !input.key().matches("(?s)\\s*-----BEGIN [A-Z ]*PRIVATE KEY-----.*-----END [A-Z ]*PRIVATE KEY-----\\s*")) {
                throw new ToolInputException("key: the PEM private key (-----BEGIN PRIVATE KEY----- ...)");
            }
        }
    }
}
