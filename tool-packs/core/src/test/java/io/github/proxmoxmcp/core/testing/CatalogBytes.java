package io.github.proxmoxmcp.core.testing;

import io.github.proxmoxmcp.core.runtime.InputSchemas;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one tool costs in tools/list: its entry as the server lists it (name, description, the generated input
 * schema, and only the annotations that differ from the MCP defaults), compact JSON, in UTF-8 bytes.
 */
public final class CatalogBytes {

    private final InputSchemas schemas = new InputSchemas();

    public int of(ToolDefinition<?> tool) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("name", tool.name());
        entry.put("description", tool.description());
        entry.set("inputSchema", schemas.schema(tool.inputType()));
        ObjectNode annotations = entry.putObject("annotations");
        tool.hints().annotations().forEach(annotations::put);
        return entry.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
