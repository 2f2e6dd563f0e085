package io.github.proxmoxmcp.server.registry;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The SDK's JSON Schema validator, built on first use instead of at start-up, where building it and checking every
 * tool schema with it took about a third of the time to the {@code initialize} answer. The schemas of the jar's index
 * are checked with the same validator when the jar is built ({@code SchemaIndexIT}), so only a schema
 * from elsewhere (a pack added beside the jar) is checked at start; the arguments of every call are still validated.
 */
public final class DeferredSchemaValidator implements JsonSchemaValidator {

    private final Supplier<SchemaIndex> checkedAtBuild;
    private final Supplier<JsonSchemaValidator> validator;
    private volatile JsonSchemaValidator built;

    public DeferredSchemaValidator() {
        this(SchemaIndex::bundled, McpJsonDefaults::getSchemaValidator);
    }

    DeferredSchemaValidator(Supplier<SchemaIndex> checkedAtBuild, Supplier<JsonSchemaValidator> validator) {
        this.checkedAtBuild = checkedAtBuild;
        this.validator = validator;
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        return delegate().validate(schema, structuredContent);
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return delegate().validateSchema(schema);
    }

    @Override
    public void assertConforms(String name, Map<String, Object> schema) {
        if (schema != null && !checkedAtBuild.get().isFromTheJar(schema)) {
            delegate().assertConforms(name, schema);
        }
    }

    /** Builds the validator now (in the background, before the first call needs it). */
    public void prepare() {
        delegate();
    }

    private JsonSchemaValidator delegate() {
        JsonSchemaValidator current = built;
        if (current == null) {
            synchronized (this) {
                current = built;
                if (current == null) {
                    current = validator.get();
                    built = current;
                }
            }
        }
        return current;
    }
}
