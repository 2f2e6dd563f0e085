package io.github.proxmoxmcp.core.testing;

import io.github.proxmoxmcp.core.runtime.InputSchemas;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    /**
     * Fails unless the tools average at most {@code maxAverage} bytes and every description fits in
     * 150 characters; the message lists each tool's size.
     */
    public static void assertAverageAtMost(List<ToolDefinition<?>> tools, int maxAverage) {
        CatalogBytes catalog = new CatalogBytes();
        int total = 0;
        StringBuilder sizes = new StringBuilder();
        for (ToolDefinition<?> tool : tools) {
            int bytes = catalog.of(tool);
            if (tool.description().length() > 150) {
                throw new AssertionError(tool.name() + " description too long");
            }
            sizes.append(tool.name()).append('=').append(bytes).append(' ');
            total += bytes;
        }
        int average = total / tools.size();
        if (average > maxAverage) {
            throw new AssertionError("average " + average + " bytes per tool, more than " + maxAverage + ": " + sizes);
        }
    }
}
