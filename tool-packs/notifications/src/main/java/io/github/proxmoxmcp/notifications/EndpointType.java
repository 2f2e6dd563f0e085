package io.github.proxmoxmcp.notifications;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The kinds of notification endpoint, each its own path segment in the API, with the options each takes (the
 * secrets among them are sent, never shown) and which of them a create needs.
 */
enum EndpointType {

    sendmail(Map.of("mailto", Options.MAILTO, "mailto-user", Options.USERS, "from-address", Options.TEXT,
            "author", Options.TEXT), List.of(), "mailto-user", "mailto"),
    gotify(Map.of("server", Options.TEXT, "token", Options.SECRET), List.of("server", "token"), "server"),
    smtp(Map.of("server", Options.TEXT, "port", Options.PORT, "mode", Options.choice("insecure", "starttls", "tls"),
            "username", Options.TEXT, "password", Options.SECRET, "from-address", Options.TEXT, "mailto", Options.MAILTO,
            "mailto-user", Options.USERS, "author", Options.TEXT), List.of("server", "from-address"), "server"),
    webhook(Map.of("url", Options.TEXT, "method", Options.choice("post", "put", "get"), "body", Options.BODY,
            "header", Options.HEADERS, "secret", Options.SECRETS), List.of("url", "method"), "url");

    private final Map<String, Options.Option> options;
    private final List<String> required;
    private final List<String> destination;

    EndpointType(Map<String, Options.Option> options, List<String> required, String... destination) {
        this.options = Options.withCommon(options);
        this.required = required;
        this.destination = List.of(destination);
    }

    /** Its options, comment and disable included, by name. */
    Map<String, Options.Option> options() {
        return options;
    }

    /** What a create needs. */
    List<String> required() {
        return required;
    }

    /** A mail endpoint needs a recipient: mailto or mailto-user. */
    boolean mails() {
        return options.containsKey("mailto");
    }

    /**
     * The type of the endpoint of that name, from the target list (an endpoint's name is unique across types); empty
     * when there is none.
     */
    static Mono<Optional<EndpointType>> of(NotificationClient client, String name) {
        return client.targets().map(targets -> targets.list().stream()
                .filter(t -> name.equals(Json.text(t, "name")))
                .map(t -> Json.text(t, "type", ""))
                .flatMap(type -> List.of(values()).stream().filter(v -> v.name().equals(type)))
                .findFirst());
    }

    static ToolResult unknown(String name) {
        return ToolResult.error("no notification endpoint named " + name
                + "; list them with proxmox_notification_get view=endpoints");
    }

    /** Where the endpoint delivers, as one line: a server, a URL, or the recipients of a sendmail endpoint. */
    String destinationOf(JsonNode endpoint) {
        List<String> values = new ArrayList<>();
        destination.forEach(field -> values.addAll(Settings.strings(endpoint, field)));
        return values.isEmpty() ? null : String.join(",", values);
    }
}
