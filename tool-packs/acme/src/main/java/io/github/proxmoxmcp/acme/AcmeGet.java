package io.github.proxmoxmcp.acme;

import static io.github.proxmoxmcp.core.id.PveFormat.ACME_ACCOUNT;
import static io.github.proxmoxmcp.core.id.PveFormat.ACME_PLUGIN;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_acme_get}: ACME accounts, challenge plugins, the DNS APIs a plugin can use with the fields each
 * needs, and the CA directories with their terms of service. Plugin credentials are never shown, only their keys.
 */
final class AcmeGet {

    enum View { accounts, plugins, schema, directories }

    @Serdeable
    record Input(View view, @PveId(ACME_ACCOUNT) String name, @PveId(ACME_PLUGIN) String id, String api, String directory) {
    }

    private AcmeGet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_acme_get",
                "ACME accounts (name), plugins (id), DNS APIs (api: data fields), CA directories (directory).",
                Input.class, AcmeGet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        AcmeClient client = context.bean(AcmeClient.class);
        return switch (view(input)) {
            case accounts -> input.name() != null
                    ? client.account(input.name()).map(r -> ToolResult.ok(account(input.name(), r.dataOrNull())))
                    : client.accounts().map(r -> ToolResult.ok(accounts(r.list())));
            case plugins -> input.id() != null
                    ? client.plugin(input.id()).map(r -> ToolResult.ok(plugin(r.dataOrNull())))
                    : client.plugins().map(r -> ToolResult.ok(plugins(r.list())));
            case schema -> client.challengeSchema().map(r -> input.api() != null ? api(input.api(), r.list())
                    : ToolResult.ok(apis(r.list())));
            case directories -> {
                Text.checkUrl("directory", input.directory());
                yield input.directory() != null
                        ? client.meta(Params.create().put("directory", input.directory()).map())
                                .map(r -> ToolResult.ok(meta(input.directory(), r.dataOrNull())))
                        : client.directories().map(r -> ToolResult.ok(directories(r.list())));
            }
        };
    }

    /** The view given, else the one the selector given belongs to, else accounts; a stray selector is an error. */
    private static View view(Input input) {
        List<View> implied = new ArrayList<>();
        if (input.name() != null) {
            implied.add(View.accounts);
        }
        if (input.id() != null) {
            implied.add(View.plugins);
        }
        if (input.api() != null) {
            implied.add(View.schema);
        }
        if (input.directory() != null) {
            implied.add(View.directories);
        }
        if (implied.size() > 1) {
            throw new ToolInputException("give one of name, id, api and directory");
        }
        View view = input.view() != null ? input.view() : implied.isEmpty() ? View.accounts : implied.getFirst();
        if (!implied.isEmpty() && implied.getFirst() != view) {
            String field = switch (implied.getFirst()) {
                case accounts -> "name";
                case plugins -> "id";
                case schema -> "api";
                case directories -> "directory";
            };
            throw new ToolInputException(field + " goes with view=" + implied.getFirst());
        }
        return view;
    }

    // accounts

    private static String accounts(List<JsonNode> accounts) {
        if (accounts.isEmpty()) {
            return "no ACME accounts; register one with proxmox_acme_account_manage";
        }
        StringJoiner names = new StringJoiner(", ", "ACME accounts: ", "");
        accounts.forEach(a -> names.add(Json.text(a, "name", "?")));
        return names + "\n(name: an account's contact, status and CA)";
    }

    private static String account(String name, JsonNode data) {
        JsonNode account = Json.field(data, "account");
        List<String> contacts = Text.strings(account, "contact").stream().map(c -> c.replaceFirst("^mailto:", "")).toList();
        return String.join("\n",
                "account: " + name,
                "status: " + Json.text(account, "status", "-"),
                "contact: " + (contacts.isEmpty() ? "-" : String.join(", ", contacts)),
                "created: " + Json.text(account, "createdAt", "-"),
                "directory: " + Json.text(data, "directory", "-"),
                "location: " + Json.text(data, "location", "-"),
                "terms of service: " + Json.text(data, "tos", "-"));
    }

    // plugins

    private static String plugins(List<JsonNode> plugins) {
        if (plugins.isEmpty()) {
            return "no ACME plugins; HTTP validation (standalone) needs none, DNS validation needs one";
        }
        Table table = Table.of("PLUGIN", "TYPE", "API", "DELAY", "NODES", "ENABLED", "DATA KEYS");
        plugins.forEach(p -> table.row(Json.text(p, "plugin"), Json.text(p, "type"), Json.text(p, "api"),
                Json.text(p, "validation-delay"), Json.text(p, "nodes"), Json.flag(p, "disable") ? "no" : "yes",
                dataKeys(p)));
        return table.render() + "\n(data values are write-only)";
    }

    private static String plugin(JsonNode p) {
        return String.join("\n",
                "plugin: " + Json.text(p, "plugin", "-"),
                "type: " + Json.text(p, "type", "-"),
                "api: " + Json.text(p, "api", "-"),
                "validation-delay: " + Json.text(p, "validation-delay", "30 (default)"),
                "nodes: " + Json.text(p, "nodes", "all"),
                "enabled: " + (Json.flag(p, "disable") ? "no" : "yes"),
                "data keys: " + dataKeys(p) + " (values write-only)");
    }

    private static String dataKeys(JsonNode plugin) {
        Map<String, String> data = PluginData.decode(Json.text(plugin, "data"));
        return data.isEmpty() ? "-" : String.join(",", data.keySet());
    }

    // challenge schema

    private static String apis(List<JsonNode> schemas) {
        StringJoiner dns = new StringJoiner(", ");
        List<String> others = new ArrayList<>();
        for (JsonNode s : schemas) {
            if ("dns".equals(Json.text(s, "type"))) {
                dns.add(Json.text(s, "id", "?"));
            } else {
                others.add(Json.text(s, "id", "?"));
            }
        }
        String text = "DNS APIs (api: its data fields): " + (dns.length() == 0 ? "none" : dns.toString());
        return others.isEmpty() ? text : text + "\nother challenge types: " + String.join(", ", others);
    }

    private static ToolResult api(String api, List<JsonNode> schemas) {
        JsonNode entry = schemas.stream().filter(s -> api.equals(Json.text(s, "id"))).findFirst().orElse(null);
        if (entry == null) {
            return ToolResult.error("no DNS API '" + api + "'; list them with proxmox_acme_get view=schema");
        }
        JsonNode schema = Json.field(entry, "schema");
        StringBuilder text = new StringBuilder(api + ": " + Json.text(entry, "name", api) + " (" + Json.text(entry, "type", "-")
                + ")");
        String description = Json.text(schema, "description");
        if (description != null) {
            text.append("\n").append(description.strip());
        }
        JsonNode fields = Json.field(schema, "fields");
        if (fields == null || !fields.isObject() || fields.size() == 0) {
            return ToolResult.ok(text.append("\nno data fields").toString());
        }
        Table table = Table.of("DATA KEY", "REQUIRED", "DESCRIPTION");
        fields.entries().forEach(f -> table.row(f.getKey(), Json.flag(f.getValue(), "optional") ? "no" : "yes",
                oneLine(Json.text(f.getValue(), "description", "-"))));
        return ToolResult.ok(text.append("\n").append(table.render()).toString());
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    // directories

    private static String directories(List<JsonNode> directories) {
        Table table = Table.of("NAME", "DIRECTORY");
        directories.forEach(d -> table.row(Json.text(d, "name"), Json.text(d, "url")));
        return table.render() + "\n(directory: its terms of service and whether it needs external account binding)";
    }

    private static String meta(String directory, JsonNode meta) {
        List<String> caa = Text.strings(meta, "caaIdentities");
        return String.join("\n",
                "directory: " + directory,
                "terms of service: " + Json.text(meta, "termsOfService", "none"),
                "website: " + Json.text(meta, "website", "-"),
                "external account binding: " + (Json.flag(meta, "externalAccountRequired") ? "required (eab_kid, eab_hmac_key)"
                        : "not required"),
                "CAA identities: " + (caa.isEmpty() ? "-" : String.join(", ", caa)));
    }
}
