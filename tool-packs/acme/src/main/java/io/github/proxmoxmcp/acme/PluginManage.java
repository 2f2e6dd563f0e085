package io.github.proxmoxmcp.acme;

import static io.github.proxmoxmcp.core.id.PveFormat.ACME_PLUGIN;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_acme_plugin_manage}: the challenge plugins certificates are validated with. A plugin with an
 * {@code api} is a DNS plugin (its {@code data} holds the DNS API's credentials), one without is standalone (HTTP
 * on port 80). An update reads the plugin first: given data keys are merged into its data (an empty value drops a
 * key), and the digest read guards against a concurrent edit. Data values are write-only.
 */
final class PluginManage {

    enum Action { create, update, delete }

    private static final int MAX_DELAY = 172_800;

    @Serdeable
    record Input(@NotNull Action action,
                 @NotNull @PveId(ACME_PLUGIN) String id,
                 String api,
                 Map<String, String> data,
                 Integer validation_delay,
                 Boolean confirm) implements Confirmable {
    }

    private PluginManage() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_acme_plugin_manage",
                        "Create (api+data: DNS, else standalone), update (merges data) or delete (confirm) an ACME plugin.",
                        Input.class, ToolHints.DESTRUCTIVE, PluginManage::handle)
                .confirmWhen(in -> in.action() == Action.delete);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        check(input);
        AcmeClient client = context.bean(AcmeClient.class);
        String id = input.id();
        Mono<ToolResult> outcome = switch (input.action()) {
            case create -> {
                boolean dns = input.api() != null;
                Params form = Params.create().put("id", id).put("type", dns ? "dns" : "standalone").put("api", input.api())
                        .put("data", input.data() == null ? null : PluginData.encode(input.data()));
                yield client.createPlugin(settings(form, input).map())
                        .thenReturn(ToolResult.ok((dns ? "DNS" : "standalone") + " plugin " + id + " created"));
            }
            case update -> client.plugin(id).flatMap(r -> {
                JsonNode current = r.dataOrNull();
                if (!"dns".equals(Json.text(current, "type")) && (input.api() != null || input.data() != null)) {
                    return Mono.just(ToolResult.error("plugin " + id + " is " + Json.text(current, "type", "standalone")
                            + ": api and data are for DNS plugins; nothing was changed"));
                }
                Params form = Params.create().put("api", input.api()).put("data", merged(current, input.data()));
                settings(form, input).put("digest", Json.text(current, "digest"));
                return client.updatePlugin(id, form.map()).thenReturn(ToolResult.ok("plugin " + id + " updated"));
            });
            case delete -> client.deletePlugin(id).thenReturn(ToolResult.ok("plugin " + id + " deleted"));
        };
        return Secrets.of(input.data() == null ? List.of() : input.data().values()).hide(outcome, context);
    }

    private static Params settings(Params form, Input input) {
        return form.put("validation-delay", input.validation_delay());
    }

    /** The plugin's data with the given keys set (an empty value removes the key), encoded; null when none given. */
    private static String merged(JsonNode current, Map<String, String> given) {
        if (given == null) {
            return null;
        }
        Map<String, String> data = new LinkedHashMap<>(PluginData.decode(Json.text(current, "data")));
        given.forEach((key, value) -> {
            if (value.isEmpty()) {
                data.remove(key);
            } else {
                data.put(key, value);
            }
        });
        if (data.isEmpty()) {
            throw new ToolInputException("data: a DNS plugin keeps at least one key");
        }
        return PluginData.encode(data);
    }

    private static void check(Input input) {
        if (input.validation_delay() != null && (input.validation_delay() < 0 || input.validation_delay() > MAX_DELAY)) {
            throw new ToolInputException("validation_delay: 0 to " + MAX_DELAY + " seconds");
        }
        if (input.api() != null && !input.api().matches("[a-z0-9_]{1,64}")) {
            throw new ToolInputException("api: a DNS API id such as cf or ovh (see proxmox_acme_get view=schema)");
        }
        if (input.data() != null) {
            PluginData.check(input.data());
        }
        List<String> stray = new ArrayList<>();
        switch (input.action()) {
            case create -> {
                if (input.api() == null && input.data() != null) {
                    throw new ToolInputException("data needs api, the DNS API it is for, e.g. cf");
                }
                if (input.api() == null && input.validation_delay() != null) {
                    throw new ToolInputException("validation_delay is for DNS plugins (with api)");
                }
                if (input.data() != null && input.data().containsValue("")) {
                    throw new ToolInputException("action=create: leave out the data keys instead of giving them empty");
                }
            }
            case update -> {
                if (input.api() == null && input.data() == null && input.validation_delay() == null) {
                    throw new ToolInputException("action=update needs a setting to change");
                }
            }
            case delete -> {
                Text.given(stray, "api", input.api());
                Text.given(stray, "data", input.data());
                Text.given(stray, "validation_delay", input.validation_delay());
            }
        }
        Text.only(input.action().name(), stray);
    }
}
