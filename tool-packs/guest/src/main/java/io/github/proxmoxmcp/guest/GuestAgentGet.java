package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.guest.GuestLocator;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.InInstructions;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.text.Format;
import io.github.proxmoxmcp.core.text.KeyValues;
import io.github.proxmoxmcp.core.text.Table;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_guest_agent_get}: read-only guest agent queries. All are GETs except {@code ping}, a POST
 * in the API that only checks the agent answers (it needs just VM.GuestAgent.Audit).
 */
final class GuestAgentGet {

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @InInstructions @PveId(NODE) String node,
            @NotNull @Pattern(regexp = "ping|info|get-osinfo|network-get-interfaces|get-fsinfo|get-host-name|get-users|get-time"
                    + "|get-timezone|get-vcpus") String command) {
    }

    private GuestAgentGet() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.read("proxmox_guest_agent_get",
                "Query a VM's guest agent (IPs, OS, filesystems...).",
                Input.class, GuestAgentGet::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        GuestClient client = context.bean(GuestClient.class);
        return GuestLocator.locate(new QemuTarget(input.vmid(), input.node()), context).flatMap(g -> {
            if (input.command().equals("ping")) {
                return client.agentPing(g.node(), g.vmid(), Map.of()).thenReturn(ToolResult.ok(g.label() + ": guest agent answers"));
            }
            return client.agentGet(g.node(), g.vmid(), input.command()).map(r -> {
                JsonNode result = Json.field(r.dataOrNull(), "result");
                return ToolResult.ok(switch (input.command()) {
                    case "network-get-interfaces" -> interfaces(result);
                    case "get-fsinfo" -> filesystems(result);
                    default -> result == null ? KeyValues.of(r.data()) : KeyValues.of(result);
                });
            });
        });
    }

    static String interfaces(JsonNode result) {
        Table table = Table.of("NAME", "MAC", "ADDRESSES");
        if (result != null && result.isArray()) {
            result.values().forEach(nic -> {
                List<String> addresses = new ArrayList<>();
                JsonNode ips = Json.field(nic, "ip-addresses");
                if (ips != null && ips.isArray()) {
                    ips.values().forEach(ip -> addresses.add(Json.text(ip, "ip-address") + "/" + Json.text(ip, "prefix", "?")));
                }
                table.row(Json.text(nic, "name"), Json.text(nic, "hardware-address"), String.join(" ", addresses));
            });
        }
        return table.render();
    }

    static String filesystems(JsonNode result) {
        Table table = Table.of("MOUNT", "TYPE", "USED", "TOTAL", "DEVICE");
        if (result != null && result.isArray()) {
            result.values().forEach(fs -> table.row(Json.text(fs, "mountpoint"), Json.text(fs, "type"),
                    Format.bytes(Json.number(fs, "used-bytes").orElse(null)), Format.bytes(Json.number(fs, "total-bytes").orElse(null)),
                    Json.text(fs, "name")));
        }
        return table.render();
    }
}
