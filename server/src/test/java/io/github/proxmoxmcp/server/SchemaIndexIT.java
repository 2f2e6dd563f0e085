package io.github.proxmoxmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.proxmoxmcp.core.runtime.InputSchemas;
import io.github.proxmoxmcp.server.registry.DiscoveryInputs;
import io.github.proxmoxmcp.server.registry.RegisteredTool;
import io.github.proxmoxmcp.server.registry.ToolRegistry;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The schema index built into the jar is exactly what the generator makes from the tools' and discovery mode's inputs. */
class SchemaIndexIT {

    @Test
    void theJarCarriesTheCurrentSchemaOfEveryTool() throws Exception {
        McpJsonMapper json = McpJsonDefaults.getMapper();
        Map<String, Map<String, Object>> index;
        try (ZipFile jar = new ZipFile(ServerProcess.jar())) {
            var entry = jar.getEntry("META-INF/proxmox-mcp/input-schemas.json");
            assertNotNull(entry, "the jar has no schema index");
            index = json.readValue(jar.getInputStream(entry).readAllBytes(), new TypeRef<Map<String, Map<String, Object>>>() { });
        }
        InputSchemas generator = new InputSchemas();
        List<RegisteredTool> tools = ToolRegistry.load(List.of()).all();
        for (RegisteredTool tool : tools) {
            Class<?> type = tool.definition().inputType();
            assertEquals(json.writeValueAsString(generator.schema(type)), json.writeValueAsString(index.get(type.getName())),
                    tool.name());
        }
        for (Class<?> type : DiscoveryInputs.types()) {
            assertEquals(json.writeValueAsString(generator.schema(type)), json.writeValueAsString(index.get(type.getName())),
                    type.getSimpleName());
        }
        var sdkCheck = McpJsonDefaults.getSchemaValidator();
        index.forEach(sdkCheck::assertConforms); // what the server no longer does at start-up for these schemas
        assertEquals(tools.stream().map(t -> t.definition().inputType().getName()).distinct().count()
                + DiscoveryInputs.types().size(), index.size());
    }
}
