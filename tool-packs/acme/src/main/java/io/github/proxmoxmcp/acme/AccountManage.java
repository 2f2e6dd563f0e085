package io.github.proxmoxmcp.acme;

import static io.github.proxmoxmcp.core.id.PveFormat.ACME_ACCOUNT;

import io.github.proxmoxmcp.core.client.Json;
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
 * {@code proxmox_acme_account_manage}: register an account with an ACME CA, change its contact, or deactivate it at
 * the CA. Registering accepts the CA's terms of service, so the tool reads them first ({@code /cluster/acme/meta},
 * else {@code /cluster/acme/tos}) and registers only with {@code accept_tos: true}. Each write is a task, waited for.
 * The EAB HMAC key is write-only.
 */
final class AccountManage {

    enum Action { register, update, deactivate }

    static final String DEFAULT = "default";

    @Serdeable
    record Input(@NotNull Action action,
                 @PveId(ACME_ACCOUNT) String name,
                 String contact,
                 String directory,
                 Boolean accept_tos,
                 String eab_kid,
                 String eab_hmac_key,
                 Boolean confirm) implements Confirmable {
    }

    private AccountManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_acme_account_manage",
                        "Register (contact, accept_tos), update contact or deactivate (confirm) an ACME account.",
                        Input.class, ToolHints.DESTRUCTIVE, AccountManage::handle)
                .confirmWhen(in -> in.action() == Action.deactivate);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        check(input);
        String name = input.name() == null ? DEFAULT : input.name();
        AcmeClient client = context.bean(AcmeClient.class);
        Mono<ToolResult> outcome = switch (input.action()) {
            case register -> terms(input, client).flatMap(tos -> {
                if (tos.eabRequired() && input.eab_kid() == null) {
                    return Mono.just(ToolResult.error("this CA requires external account binding: give eab_kid and "
                            + "eab_hmac_key from the CA's account page. Nothing was registered."));
                }
                if (tos.url() != null && !Boolean.TRUE.equals(input.accept_tos())) {
                    return Mono.just(ToolResult.error("registering accepts the CA's terms of service: " + tos.url()
                            + "\nHave them read, then call again with accept_tos: true. Nothing was registered."));
                }
                Map<String, String> form = Params.create().put("name", name).put("contact", input.contact())
                        .put("directory", input.directory()).put("tos_url", tos.url()).put("eab-kid", input.eab_kid())
                        .put("eab-hmac-key", input.eab_hmac_key()).map();
                return Tasks.finish(client.register(form), TaskInput.WAIT, context, "registration of ACME account " + name);
            });
            case update -> Tasks.finish(client.updateAccount(name, Params.create().put("contact", input.contact()).map()),
                    TaskInput.WAIT, context, "contact update of ACME account " + name);
            case deactivate -> Tasks.finish(client.deactivate(name), TaskInput.WAIT, context,
                    "deactivation of ACME account " + name).map(result -> result.error() ? result
                    : ToolResult.ok(result.text() + "\nthe CA will not issue to it again; its config file is gone"));
        };
        return Secrets.of(Arrays.asList(input.eab_hmac_key())).hide(outcome, context);
    }

    private static void check(Input input) {
        List<String> stray = new ArrayList<>();
        switch (input.action()) {
            case register -> {
                if (input.contact() == null || input.contact().isBlank()) {
                    throw new ToolInputException("contact is required for action=register, e.g. admin@example.com");
                }
                Text.checkUrl("directory", input.directory());
                if ((input.eab_kid() == null) != (input.eab_hmac_key() == null)) {
                    throw new ToolInputException("external account binding needs both eab_kid and eab_hmac_key");
                }
            }
            case update -> {
                if (input.contact() == null || input.contact().isBlank()) {
                    throw new ToolInputException("contact is required for action=update");
                }
                registrationFields(input, stray);
            }
            case deactivate -> {
                Text.given(stray, "contact", input.contact());
                registrationFields(input, stray);
            }
        }
        Text.only(input.action().name(), stray);
    }

    private static void registrationFields(Input input, List<String> stray) {
        Text.given(stray, "directory", input.directory());
        Text.given(stray, "accept_tos", input.accept_tos());
        Text.given(stray, "eab_kid", input.eab_kid());
        Text.given(stray, "eab_hmac_key", input.eab_hmac_key());
    }

    /** What the CA asks for: its terms of service (null: none) and whether it needs external account binding. */
    record Terms(String url, boolean eabRequired) {
    }

    /** The CA's meta data; where Proxmox answers no meta (older versions), the terms of service alone. */
    private static Mono<Terms> terms(Input input, AcmeClient client) {
        Map<String, String> directory = Params.create().put("directory", input.directory()).map();
        return client.meta(directory)
                .map(r -> new Terms(Json.text(r.dataOrNull(), "termsOfService"), Json.flag(r.dataOrNull(), "externalAccountRequired")))
                .onErrorResume(Text::answeredWithError,
                        e -> client.tos(directory).map(r -> new Terms(r.string(), false)));
    }
}
