package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.id.PveFormat.NODE;
import static io.github.proxmoxmcp.core.id.PveFormat.TAG;
import static io.github.proxmoxmcp.core.id.PveFormat.VMID;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.Params;
import io.github.proxmoxmcp.core.guest.GuestLocator;
import io.github.proxmoxmcp.core.guest.GuestTarget;
import io.github.proxmoxmcp.core.guest.GuestType;
import io.github.proxmoxmcp.core.id.PveId;
import io.github.proxmoxmcp.core.spi.InInstructions;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;

/** {@code proxmox_guest_tags}: add or remove tags and set the protection flag, keeping the other tags. */
final class GuestTags {

    @Serdeable
    record Input(
            @NotNull @PveId(VMID) Integer vmid,
            @InInstructions @PveId(NODE) String node,
            @InInstructions GuestType type,
            List<@PveId(TAG) String> add,
            List<@PveId(TAG) String> remove,
            Boolean protection) implements GuestTarget {
    }

    private GuestTags() {
    }

    static ToolDefinition<Input> tool() {
        return ToolDefinition.write("proxmox_guest_tags", "Add or remove tags (others kept); set protection.",
                Input.class, ToolHints.IDEMPOTENT_WRITE, GuestTags::handle);
    }

    private static String describe(Params form) {
        var values = form.map();
        List<String> parts = new java.util.ArrayList<>();
        if (values.containsKey("tags") || values.containsKey("delete")) {
            parts.add("tags " + (values.containsKey("tags") ? values.get("tags").replace(';', ',') : "(none)"));
        }
        if (values.containsKey("protection")) {
            parts.add("protection " + ("1".equals(values.get("protection")) ? "on" : "off"));
        }
        return String.join(", ", parts);
    }

    private static Mono<ToolResult> handle(Input input, ToolContext context) {
        boolean tagsChange = input.add() != null && !input.add().isEmpty() || input.remove() != null && !input.remove().isEmpty();
        if (!tagsChange && input.protection() == null) {
            throw new ToolInputException("give add, remove or protection");
        }
        GuestClient client = context.bean(GuestClient.class);
        return GuestLocator.locate(input, context).flatMap(g -> {
            Mono<Params> form = !tagsChange ? Mono.just(Params.create())
                    : client.config(g.node(), g.path(), g.vmid(), java.util.Map.of()).map(r -> {
                        Set<String> tags = new LinkedHashSet<>(Arrays.stream(Json.text(r.dataOrNull(), "tags", "").split("[;, ]"))
                                .filter(t -> !t.isEmpty()).toList());
                        if (input.add() != null) {
                            tags.addAll(input.add());
                        }
                        if (input.remove() != null) {
                            input.remove().forEach(tags::remove);
                        }
                        return tags.isEmpty() ? Params.create().delete(List.of("tags"))
                                : Params.create().put("tags", String.join(";", tags));
                    });
            return form.map(f -> f.put("protection", input.protection()))
                    .flatMap(f -> client.updateConfig(g.node(), g.path(), g.vmid(), f.map())
                            .thenReturn(ToolResult.ok(g.label() + " updated: " + describe(f))));
        });
    }
}
