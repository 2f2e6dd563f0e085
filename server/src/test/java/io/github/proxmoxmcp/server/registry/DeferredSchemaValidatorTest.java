package io.github.proxmoxmcp.server.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeferredSchemaValidatorTest {

    private static final Map<String, Object> BROKEN = Map.of("type", "object", "properties", "not an object");

    private final AtomicInteger built = new AtomicInteger();

    private JsonSchemaValidator counted() {
        built.incrementAndGet();
        return McpJsonDefaults.getSchemaValidator();
    }

    @Test
    void theValidatorIsBuiltOnFirstUseAndOnce() {
        var validator = new DeferredSchemaValidator(() -> SchemaIndex.of(Map.of()), this::counted);
        assertEquals(0, built.get());
        Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("vmid", Map.of("type", "integer")),
                "required", java.util.List.of("vmid"));
        assertTrue(validator.validate(schema, Map.of("vmid", 100)).valid());
        assertFalse(validator.validate(schema, Map.of("vmid", "x")).valid());
        validator.prepare();
        assertEquals(1, built.get());
    }

    @Test
    void aSchemaFromTheJarIsNotCheckedAgainAtStartButAnyOtherIs() {
        Map<String, Object> fromTheJar = new java.util.HashMap<>(BROKEN);
        var validator = new DeferredSchemaValidator(() -> SchemaIndex.of(Map.of("some.Input", fromTheJar)), this::counted);
        validator.assertConforms("bundled", fromTheJar);
        assertEquals(0, built.get(), "nothing built for a schema the build checked");
        var e = assertThrows(RuntimeException.class, () -> validator.assertConforms("added", new java.util.HashMap<>(BROKEN)));
        assertTrue(e.getMessage().contains("added"), e.getMessage());
        assertEquals(1, built.get());
    }
}
