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

    static McpSchema.ToolAnnotations annotations(ToolHints hints) {
        Map<String, Boolean> a = hints.annotations();
        return new McpSchema.ToolAnnotations(null, a.get("readOnlyHint"), a.get("destructiveHint"), a.get("idempotentHint"),
                a.get("openWorldHint"), null);
    }
}
