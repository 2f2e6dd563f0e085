package io.github.proxmoxmcp.notifications;

import static io.github.proxmoxmcp.core.id.PveFormat.NOTIFICATION;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_notification_get}: where notifications go. {@code targets} (the default): each endpoint and the
 * matchers that route to it; {@code endpoints} with where each delivers; {@code matchers} with what each matches;
 * {@code fields}: the metadata fields and known values a matcher can match on. With {@code name}, one endpoint or
 * matcher in full, secrets left out.
 */
final class NotificationGet {

    enum View { targets, endpoints, matchers, fields }

    @Serdeable
    record Input(View view, @PveId(NOTIFICATION) String name) {
    }

    private NotificationGet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_notification_get",
                "Notification targets and the matchers routing to them (default), endpoints, matchers, or match fields; "
                        + "name: one endpoint or matcher.",
                Input.class, NotificationGet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        NotificationClient client = context.bean(NotificationClient.class);
        View view = input.view() == null ? View.targets : input.view();
        if (input.name() != null) {
            return switch (view) {
                case endpoints -> endpoint(client, input.name());
                case matchers -> matcher(client, input.name());
                case targets -> input.view() == null ? either(client, input.name())
                        : refuseName(view);
                case fields -> refuseName(view);
            };
        }
        return switch (view) {
            case targets -> targets(client);
            case endpoints -> endpoints(client);
            case matchers -> client.matchers().map(r -> ToolResult.ok(r.list().isEmpty() ? "no notification matchers"
                    : Matchers.table(r.list())));
            case fields -> fields(client);
        };
    }

    private static Mono<ToolResult> refuseName(View view) {
        throw new ToolInputException("name does not apply to view=" + view + " (give view=endpoints or view=matchers)");
    }

    /** A name without a view: the endpoint of that name, else the matcher. */
    private static Mono<ToolResult> either(NotificationClient client, String name) {
        return EndpointType.of(client, name).flatMap(type -> type.isPresent() ? endpoint(client, name, type.get())
                : matcher(client, name));
    }

    private static Mono<ToolResult> endpoint(NotificationClient client, String name) {
        return EndpointType.of(client, name).flatMap(type -> type.isPresent() ? endpoint(client, name, type.get())
                : Mono.just(EndpointType.unknown(name)));
    }

    private static Mono<ToolResult> endpoint(NotificationClient client, String name, EndpointType type) {
        return client.endpoint(type.name(), name).map(r -> {
            Map<String, String> shown = new LinkedHashMap<>();
            shown.put("type", type.name());
            shown.putAll(Settings.shown(r.dataOrNull()));
            return ToolResult.ok(Settings.lines(shown));
        });
    }

    private static Mono<ToolResult> matcher(NotificationClient client, String name) {
        return client.matcher(name).map(r -> ToolResult.ok(Settings.lines(Settings.shown(r.dataOrNull()))));
    }

    private static Mono<ToolResult> targets(NotificationClient client) {
        return Mono.zip(client.targets(), client.matchers()).map(both -> {
            List<JsonNode> targets = both.getT1().list();
            if (targets.isEmpty()) {
                return ToolResult.ok("no notification targets");
            }
            Table table = Table.of("TARGET", "TYPE", "ENABLED", "ORIGIN", "MATCHED BY", "COMMENT");
            for (JsonNode t : targets) {
                String name = Json.text(t, "name", "");
                List<String> by = Matchers.routingTo(both.getT2().list(), name);
                table.row(name, Json.text(t, "type"), Json.flag(t, "disable") ? "no" : "yes", Json.text(t, "origin"),
                        by.isEmpty() ? null : String.join(",", by), Json.text(t, "comment"));
            }
            return ToolResult.ok(table.render());
        });
    }

    private static Mono<ToolResult> endpoints(NotificationClient client) {
        return Flux.fromArray(EndpointType.values())
                .concatMap(type -> client.endpoints(type.name()).map(r -> Map.entry(type, r.list())))
                .collectList()
                .map(all -> {
                    Table table = Table.of("NAME", "TYPE", "ENABLED", "ORIGIN", "DESTINATION", "COMMENT");
                    for (Map.Entry<EndpointType, List<JsonNode>> typed : all) {
                        for (JsonNode e : typed.getValue()) {
                            table.row(Json.text(e, "name"), typed.getKey().name(), Json.flag(e, "disable") ? "no" : "yes",
                                    Json.text(e, "origin"), typed.getKey().destinationOf(e), Json.text(e, "comment"));
                        }
                    }
                    return ToolResult.ok(table.size() == 0 ? "no notification endpoints" : table.render());
                });
    }

    private static Mono<ToolResult> fields(NotificationClient client) {
        return Mono.zip(client.matcherFields(), client.matcherFieldValues()).map(both -> {
            Map<String, List<String>> values = new LinkedHashMap<>();
            both.getT1().list().forEach(f -> values.put(Json.text(f, "name", ""), new ArrayList<>()));
            for (JsonNode v : both.getT2().list()) {
                String comment = Json.text(v, "comment");
                values.computeIfAbsent(Json.text(v, "field", ""), f -> new ArrayList<>())
                        .add(Json.text(v, "value", "") + (comment == null ? "" : " (" + comment + ")"));
            }
            Table table = Table.of("FIELD", "KNOWN VALUES");
            values.forEach((field, known) -> table.row(field, known.isEmpty() ? null : String.join(", ", known)));
            return ToolResult.ok(table.render() + "\nmatch-field: exact:FIELD=VALUE[,VALUE] or regex:FIELD=REGEX; "
                    + "match-severity: info, notice, warning, error, unknown");
        });
    }
}
