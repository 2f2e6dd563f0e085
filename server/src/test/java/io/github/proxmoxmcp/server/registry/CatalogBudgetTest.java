package io.github.proxmoxmcp.server.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.server.cli.ToolsMarkdown;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogBudgetTest {

    private final McpJsonMapper json = McpJsonDefaults.getMapper();

    /**
     * The 450 bytes per tool every pack keeps to, over the whole catalog: the less used parameters of the busiest
     * tools go in documented set and options maps, and what the server's instructions describe once (a guest's node
     * and type) is not repeated in each schema. bench/startup.py prints the exact figure per pack.
     */
    @Test
    void catalogStaysUnderItsCeiling() throws IOException {
        ToolRegistry registry = ToolRegistry.load(List.of());
        int bytes = json.writeValueAsBytes(Map.of("tools", new ToolCatalog(registry.all()).tools())).length;
        double average = (double) bytes / registry.all().size();
        assertTrue(average <= 450, "tools/list is " + bytes + " bytes for " + registry.all().size() + " tools: "
                + Math.round(average) + " bytes per tool");
    }

    @Test
    void everySchemaIsAnObjectWithoutCombinatorsAtTheRoot() {
        ToolRegistry registry = ToolRegistry.load(List.of());
        for (var tool : new ToolCatalog(registry.all()).tools()) {
            assertEquals("object", tool.inputSchema().get("type"), tool.name());
            assertTrue(tool.inputSchema().keySet().stream().noneMatch(k -> k.equals("anyOf") || k.equals("oneOf") || k.equals("allOf")),
                    tool.name());
        }
    }

    @Test
    void docsToolsMdIsCurrent() throws IOException {
        Path docs = Path.of("..", "docs", "TOOLS.md");
        String expected = ToolsMarkdown.render(ToolRegistry.load(List.of()), json);
        String actual = Files.exists(docs) ? Files.readString(docs) : "";
        assertEquals(expected, actual, "docs/TOOLS.md is stale: run bin/proxmox-mcp tools --markdown > docs/TOOLS.md");
    }
}
