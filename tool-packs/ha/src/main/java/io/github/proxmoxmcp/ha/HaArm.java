package io.github.proxmoxmcp.ha;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.client.ProxmoxVersion;
import io.github.proxmoxmcp.core.spi.Confirmable;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * {@code proxmox_ha_arm}: disarm the HA stack (every watchdog released cluster-wide, so no node is fenced, e.g.
 * for cluster-wide maintenance) or arm it again. Both need confirm: arming reopens the watchdogs, and a node
 * without quorum then fences itself. PVE 9.1 and later.
 */
final class HaArm {

    enum Action { arm, disarm }

    enum ResourceMode { freeze, ignore }

    @Serdeable
    record Input(@NotNull Action action,
                 @JsonProperty("resource-mode") ResourceMode resourceMode,
                 Boolean confirm) implements Confirmable {
    }

    private HaArm() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_ha_arm",
                "Disarm HA (watchdogs released: no fencing; resource-mode freeze or ignore) or arm it; confirm. PVE 9.1+.",
                Input.class, ToolHints.DESTRUCTIVE, HaArm::handle);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        if (input.action() == Action.disarm && input.resourceMode() == null) {
            throw new ToolInputException("resource-mode is required for action=disarm: freeze (HA state kept, no "
                    + "changes applied) or ignore (resources leave HA tracking and are managed as non-HA guests)");
        }
        if (input.action() == Action.arm && input.resourceMode() != null) {
            throw new ToolInputException("resource-mode is for action=disarm");
        }
        HaClient client = context.bean(HaClient.class);
        return context.bean(ProxmoxVersion.class).release().flatMap(release -> {
            if (release.major() < 9 || release.major() == 9 && release.minor() < 1) {
                throw new ToolInputException("PVE " + release.version() + " cannot arm or disarm HA; that needs PVE 9.1 "
                        + "or later (before it, stop pve-ha-lrm, then pve-ha-crm, on every node with proxmox_node_service_control)");
            }
            return input.action() == Action.arm
                    ? client.arm(Map.of()).thenReturn(ToolResult.ok(
                            "HA arm requested: the watchdogs are taken again; check fencing with proxmox_ha_status"))
                    : client.disarm(Params.create().put("resource-mode", input.resourceMode()).map()).thenReturn(ToolResult.ok(
                            "HA disarm requested (resource mode " + input.resourceMode() + "): watchdogs are released "
                                    + "cluster-wide and no node is fenced until HA is armed again"));
        });
    }
}
