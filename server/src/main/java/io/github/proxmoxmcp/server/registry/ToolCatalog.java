package io.github.proxmoxmcp.server.registry;

import io.github.proxmoxmcp.core.runtime.InputSchemas;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** MCP tool descriptions (name, description, input schema, annotations) of the registered tools. */
public final class ToolCatalog {

    private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() { };

    private final Map<String, McpSchema.Tool> tools = new LinkedHashMap<>();

    public ToolCatalog(List<RegisteredTool> registered, McpJsonMapper json) {
        SchemaIndex index = SchemaIndex.load(json);
        InputSchemas[] generator = new InputSchemas[1];
        for (RegisteredTool tool : registered) {
            Class<?> type = tool.definition().inputType();
            Map<String, Object> schema = index.schema(type).orElseGet(() -> {
                if (generator[0] == null) {
                    generator[0] = new InputSchemas();
                }
                return json.convertValue(generator[0].schema(type), MAP);
            });
            tools.put(tool.name(), describe(tool.definition(), schema));
        }
    }

    public McpSchema.Tool tool(String name) {
        return tools.get(name);
    }

    public List<McpSchema.Tool> tools() {
        return List.copyOf(tools.values());
    }

    private static McpSchema.Tool describe(ToolDefinition<?> tool, Map<String, Object> schema) {
        return McpSchema.Tool.builder()
                .name(tool.name())
                .description(tool.description())
                .inputSchema(schema)
                .annotations(annotations(tool.hints()))
                .build();
    }

    /**
     * Only the hints that differ from the MCP defaults (readOnly false, destructive true, idempotent
     * false, openWorld true): the meaning is the same and every byte is paid on each agent turn.
     * Destructive and idempotent mean nothing for a read-only tool.
     */
    static McpSchema.ToolAnnotations annotations(ToolHints hints) {
        if (hints.readOnly()) {
            return new McpSchema.ToolAnnotations(null, true, null, null, hints.openWorld() ? null : false, null);
        }
        return new McpSchema.ToolAnnotations(null, null, hints.destructive() ? null : false, hints.idempotent() ? true : null,
                hints.openWorld() ? null : false, null);
    }
}
