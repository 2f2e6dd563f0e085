package io.github.proxmoxmcp.server.mcp;

import io.github.proxmoxmcp.server.registry.RegisteredTool;
import io.modelcontextprotocol.common.McpTransportContext;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one HTTP client asked to see, never more than the deployment offers: {@code X-MCP-Toolsets} (packs),
 * {@code X-MCP-Tools} (tool names) and {@code X-MCP-Readonly: true} (read-only tools). Empty means no narrowing.
 */
record Narrowing(Set<String> packs, Set<String> tools, boolean readOnly) {

    static final Narrowing NONE = new Narrowing(Set.of(), Set.of(), false);
    static final String TOOLSETS = "X-MCP-Toolsets";
    static final String TOOLS = "X-MCP-Tools";
    static final String READONLY = "X-MCP-Readonly";
    private static final String KEY = Narrowing.class.getName();

    /** The transport context of one HTTP request, carrying its narrowing. */
    static McpTransportContext context(java.util.function.Function<String, String> header) {
        Narrowing narrowing = new Narrowing(list(header.apply(TOOLSETS), true), list(header.apply(TOOLS), false),
                truthy(header.apply(READONLY)));
        return McpTransportContext.create(Map.of(KEY, narrowing));
    }

    static Narrowing of(McpTransportContext context) {
        return context != null && context.get(KEY) instanceof Narrowing narrowing ? narrowing : NONE;
    }

    boolean allows(RegisteredTool tool) {
        return (packs.isEmpty() || packs.contains(tool.pack()))
                && (tools.isEmpty() || tools.contains(tool.name()))
                && !(readOnly && tool.definition().elevated());
    }

    private static Set<String> list(String value, boolean lowercase) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(item -> !item.isEmpty())
                .map(item -> lowercase ? item.toLowerCase(Locale.ROOT) : item)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static boolean truthy(String value) {
        return value != null && (value.trim().equalsIgnoreCase("true") || value.trim().equals("1"));
    }
}
