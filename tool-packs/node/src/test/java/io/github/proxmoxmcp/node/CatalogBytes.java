package io.github.proxmoxmcp.node;

import io.github.proxmoxmcp.core.runtime.InputSchemas;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolHints;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What one tool costs in tools/list: its entry as the server lists it (name, description, the generated input
 * schema, and only the annotations that differ from the MCP defaults), compact JSON, in UTF-8 bytes.
 */
final class CatalogBytes {

    private final InputSchemas schemas = new InputSchemas();

    int of(ToolDefinition<?> tool) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("name", tool.name());
        entry.put("description", tool.description());
        entry.set("inputSchema", schemas.schema(tool.inputType()));
        entry.set("annotations", annotations(tool.hints()));
        return entry.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private static ObjectNode annotations(ToolHints hints) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (hints.readOnly()) {
            node.put("readOnlyHint", true);
        } else {
            if (!hints.destructive()) {
                node.put("destructiveHint", false);
            }
            if (hints.idempotent()) {
                node.put("idempotentHint", true);
            }
        }
        if (!hints.openWorld()) {
            node.put("openWorldHint", false);
        }
        return node;
    }
}
