package io.github.proxmoxmcp.server.registry;

import io.github.proxmoxmcp.core.runtime.InputSchemas;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The input schemas of the bundled tools, generated once at build time into the jar, keyed by input
 * type, so that start-up reads them instead of generating them. A tool whose type is not in the
 * index (a pack added beside the jar) still gets its schema generated.
 */
public final class SchemaIndex {

    static final String RESOURCE = "META-INF/proxmox-mcp/input-schemas.json";
    private static final TypeRef<Map<String, Map<String, Object>>> INDEX = new TypeRef<>() { };

    private final Map<String, Map<String, Object>> schemas;

    private SchemaIndex(Map<String, Map<String, Object>> schemas) {
        this.schemas = schemas;
    }

    /** The index in the jar, or an empty one (in tests and builds that have not made it). */
    public static SchemaIndex load(McpJsonMapper json) {
        try (InputStream in = SchemaIndex.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return new SchemaIndex(in == null ? Map.of() : json.readValue(in.readAllBytes(), INDEX));
        } catch (IOException e) {
            return new SchemaIndex(Map.of());
        }
    }

    public Optional<Map<String, Object>> schema(Class<?> inputType) {
        return Optional.ofNullable(schemas.get(inputType.getName()));
    }

    /** Build step: writes the index of every tool of every pack on the class path to the file given. */
    public static void main(String[] args) throws IOException {
        McpJsonMapper json = McpJsonDefaults.getMapper();
        InputSchemas generator = new InputSchemas();
        Map<String, Object> index = new TreeMap<>();
        for (RegisteredTool tool : ToolRegistry.load(List.of()).all()) {
            Class<?> type = tool.definition().inputType();
            index.put(type.getName(), json.convertValue(generator.schema(type), Map.class));
        }
        for (Class<?> type : DiscoveryInputs.types()) {
            index.put(type.getName(), json.convertValue(generator.schema(type), Map.class));
        }
        Path target = Path.of(args[0]);
        Files.createDirectories(target.getParent());
        Files.write(target, json.writeValueAsBytes(index));
        System.err.println("schema index: " + index.size() + " input types -> " + target);
    }
}
