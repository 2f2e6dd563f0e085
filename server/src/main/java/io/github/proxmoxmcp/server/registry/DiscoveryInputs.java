package io.github.proxmoxmcp.server.registry;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.micronaut.core.annotation.Introspected;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;

/** The inputs of the three discovery tools of {@code PROXMOX_TOOL_MODE=discover}; their schemas go in the schema index. */
public final class DiscoveryInputs {

    private DiscoveryInputs() {
    }

    @Introspected
    public record Search(@JsonPropertyDescription("Words to look for in tool names and descriptions") String query,
                         @JsonPropertyDescription("Only this pack's tools") String pack,
                         @JsonPropertyDescription("Default 10") Integer limit) {
    }

    @Introspected
    public record Describe(@NotBlank @JsonPropertyDescription("A tool name from proxmox_tool_search") String name) {
    }

    @Introspected
    public record Call(@NotBlank String name,
                       @JsonPropertyDescription("The tool's arguments, as proxmox_tool_describe shows them") Map<String, Object> arguments) {
    }

    /** Every discovery input type, for the schema index. */
    public static List<Class<?>> types() {
        return List.of(Search.class, Describe.class, Call.class);
    }
}
