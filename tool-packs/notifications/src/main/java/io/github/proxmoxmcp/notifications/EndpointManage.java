package io.github.proxmoxmcp.notifications;

import static io.github.proxmoxmcp.core.id.PveFormat.NOTIFICATION;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_notification_endpoint_manage}: create, update or delete a notification endpoint (sendmail, SMTP,
 * Gotify, webhook). Settings are the Proxmox options of the type; webhook headers and secrets are given as
 * {@code {name: value}} and the body as text, base64-encoded here as Proxmox wants them. The Gotify token, the SMTP
 * password and the webhook secrets are write-only: sent, never shown. On update and delete the type is looked up.
 */
final class EndpointManage {

    enum Action { create, update, delete }

    @Serdeable
    record Input(@NotNull Action action,
                 @NotNull @PveId(NOTIFICATION) String name,
                 EndpointType type,
                 @JsonPropertyDescription("the type's Proxmox options; update: null clears") Map<String, Object> settings,
                 Boolean confirm) implements Confirmable {
    }

    private EndpointManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_notification_endpoint_manage",
                        "Create/update/delete (confirm) a notification endpoint; header, secret: {name: value}; token, "
                                + "password, secret are write-only.",
                        Input.class, ToolHints.DESTRUCTIVE, EndpointManage::handle)
                .confirmWhen(in -> in.action() == Action.delete);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        NotificationClient client = context.bean(NotificationClient.class);
        String name = input.name();
        Map<String, Object> settings = input.settings() == null ? Map.of() : input.settings();
        return switch (input.action()) {
            case create -> {
                if (input.type() == null) {
                    throw new ToolInputException("action=create needs type (sendmail, gotify, smtp or webhook)");
                }
                EndpointType type = input.type();
                Params form = Options.create(Params.create().put("name", name), type.options(), type.required(),
                        settings, "a " + type + " endpoint");
                if (type.mails() && settings.get("mailto") == null && settings.get("mailto-user") == null) {
                    throw new ToolInputException("a " + type + " endpoint needs a recipient: settings mailto or mailto-user");
                }
                yield Options.redacted(client.createEndpoint(type.name(), form.form()),
                                Options.secretValues(type.options(), settings), context.bean(JsonMapper.class))
                        .thenReturn(ToolResult.ok(type + " endpoint " + name + " created; route notifications to it with "
                                + "proxmox_notification_matcher_manage, try it with proxmox_notification_test"));
            }
            case update -> {
                if (settings.isEmpty()) {
                    throw new ToolInputException("action=update needs settings");
                }
                yield typed(client, input).flatMap(type -> type.map(t -> update(context, t, name, settings))
                        .orElseGet(() -> Mono.just(EndpointType.unknown(name))));
            }
            case delete -> {
                if (!settings.isEmpty()) {
                    throw new ToolInputException("action=delete does not take settings");
                }
                yield typed(client, input).flatMap(type -> type.map(t -> client.deleteEndpoint(t.name(), name)
                                .thenReturn(ToolResult.ok(t + " endpoint " + name + " deleted")))
                        .orElseGet(() -> Mono.just(EndpointType.unknown(name))));
            }
        };
    }

    private static Mono<ToolResult> update(ToolContext context, EndpointType type, String name,
                                           Map<String, Object> settings) {
        Params form = Options.update(type.options(), type.required(), settings, "a " + type + " endpoint");
        return Options.redacted(context.bean(NotificationClient.class).updateEndpoint(type.name(), name, form.form()),
                        Options.secretValues(type.options(), settings), context.bean(JsonMapper.class))
                .thenReturn(ToolResult.ok(type + " endpoint " + name + " updated: " + Options.changed(settings)));
    }

    /** The type given, else the one the target list names. */
    private static Mono<Optional<EndpointType>> typed(NotificationClient client, Input input) {
        return input.type() != null ? Mono.just(Optional.of(input.type())) : EndpointType.of(client, input.name());
    }
}
