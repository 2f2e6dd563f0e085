package io.github.proxmoxmcp.node;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

/** {@code proxmox_node_settings_set}: write the node's DNS resolver, /etc/hosts or time zone. */
final class SettingsSet {

    enum What { dns, hosts, time }

    @Serdeable
    record Input(@PveId(NODE) String node,
                 @NotNull What what,
                 @JsonPropertyDescription("dns, required") String search,
                 @JsonPropertyDescription("dns; unset servers are removed") String dns1,
                 String dns2,
                 String dns3,
                 @JsonPropertyDescription("hosts: whole file") String data,
                 @JsonPropertyDescription("hosts") String digest,
                 @JsonPropertyDescription("time, e.g. Europe/Berlin") String timezone) {
    }

    private SettingsSet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_node_settings_set",
                "Set node DNS, replace /etc/hosts, or set the time zone.",
                Input.class, ToolHints.IDEMPOTENT_WRITE, SettingsSet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        String node = context.node(input.node());
        NodeClient client = context.bean(NodeClient.class);
        return switch (input.what()) {
            case dns -> {
                only(input.data() == null && input.digest() == null && input.timezone() == null, "dns");
                required(input.search(), "search", "dns");
                yield client.setDns(node, Params.create().put("search", input.search()).put("dns1", input.dns1())
                                .put("dns2", input.dns2()).put("dns3", input.dns3()).map())
                        .thenReturn(ToolResult.ok("DNS settings of " + node + " updated"));
            }
            case hosts -> {
                only(dnsFieldsAbsent(input) && input.timezone() == null, "hosts");
                required(input.data(), "data", "hosts");
                yield client.setHosts(node, Params.create().put("data", input.data()).put("digest", input.digest()).map())
                        .thenReturn(ToolResult.ok("/etc/hosts of " + node + " written"));
            }
            case time -> {
                only(dnsFieldsAbsent(input) && input.data() == null && input.digest() == null, "time");
                required(input.timezone(), "timezone", "time");
                yield client.setTime(node, Params.create().put("timezone", input.timezone()).map())
                        .thenReturn(ToolResult.ok("time zone of " + node + " set to " + input.timezone()));
            }
        };
    }

    private static boolean dnsFieldsAbsent(Input input) {
        return input.search() == null && input.dns1() == null && input.dns2() == null && input.dns3() == null;
    }

    private static void only(boolean ok, String what) {
        if (!ok) {
            throw new ToolInputException("what=" + what + " takes only its own fields (see field descriptions)");
        }
    }

    private static void required(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw new ToolInputException(field + " is required for what=" + what);
        }
    }
}
