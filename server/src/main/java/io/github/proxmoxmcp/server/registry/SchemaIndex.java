package io.github.proxmoxmcp.server.registry;

import io.github.proxmoxmcp.core.runtime.InputSchemas;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The input schemas of the bundled tools, generated once at build time into the jar, keyed by input
 * type, so that start-up reads them instead of generating them. A tool whose type is not in the
 * index (a pack added beside the jar) still gets its schema generated.
 */
public final class SchemaIndex {

    static final String RESOURCE = "META-INF/proxmox-mcp/input-schemas.json";
    private static final TypeRef<Map<String, Map<String, Object>>> INDEX = new TypeRef<>() { };
    private static final TypeRef<Map<String, Object>> SCHEMA = new TypeRef<>() { };

    private final Map<String, Map<String, Object>> schemas;
    private final Set<Map<String, Object>> fromTheJar = Collections.newSetFromMap(new IdentityHashMap<>());
    private final McpJsonMapper json;
    private InputSchemas generator;

    private SchemaIndex(Map<String, Map<String, Object>> schemas, McpJsonMapper json) {
        this.schemas = schemas;
        this.fromTheJar.addAll(schemas.values());
        this.json = json;
    }

    /** The index in the jar, read once per process (the plain start reads it ahead, beside the registry). */
    public static SchemaIndex bundled() {
        return Bundled.INDEX;
    }

    private static final class Bundled {
        static final SchemaIndex INDEX = load(McpJsonDefaults.getMapper());
    }

    /** The index in the jar, or an empty one (in tests and builds that have not made it). */
    static SchemaIndex load(McpJsonMapper json) {
        try (InputStream in = SchemaIndex.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return new SchemaIndex(in == null ? Map.of() : json.readValue(in.readAllBytes(), INDEX), json);
        } catch (IOException e) {
            return new SchemaIndex(Map.of(), json);
        }
    }

    static SchemaIndex of(Map<String, Map<String, Object>> schemas) {
        return new SchemaIndex(schemas, McpJsonDefaults.getMapper());
    }

    /** The schema of an input type: the one built into the jar, or generated now for a type the jar does not know. */
    public Map<String, Object> schema(Class<?> inputType) {
        Map<String, Object> schema = schemas.get(inputType.getName());
        return schema != null ? schema : generated(inputType);
    }

    /** Whether this very schema came from the jar, where the build checked it. */
    public boolean isFromTheJar(Map<String, Object> schema) {
        return fromTheJar.contains(schema);
    }

    private synchronized Map<String, Object> generated(Class<?> inputType) {
        if (generator == null) {
            generator = new InputSchemas();
        }
        return json.convertValue(generator.schema(inputType), SCHEMA);
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
