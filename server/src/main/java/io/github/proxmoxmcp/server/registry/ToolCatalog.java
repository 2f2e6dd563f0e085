package io.github.proxmoxmcp.server.registry;

import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** MCP tool descriptions (name, description, input schema, annotations) of the registered tools. */
public final class ToolCatalog {

    private final Map<String, McpSchema.Tool> tools = new LinkedHashMap<>();

    public ToolCatalog(List<RegisteredTool> registered) {
        SchemaIndex index = SchemaIndex.bundled();
        for (RegisteredTool tool : registered) {
            tools.put(tool.name(), describe(tool.definition(), index.schema(tool.definition().inputType())));
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
