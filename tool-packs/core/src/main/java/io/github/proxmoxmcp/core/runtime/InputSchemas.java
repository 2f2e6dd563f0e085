package io.github.proxmoxmcp.core.runtime;

import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.impl.PropertySortUtils;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import io.github.proxmoxmcp.core.spi.InInstructions;
import jakarta.validation.groups.Default;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Schema (2020-12) of a tool's input, generated from its record: names and descriptions from the
 * Jackson annotations (an enum whose constants all carry {@code @JsonProperty} lists those names, as serde binds
 * them: a Proxmox value can be a Java keyword such as {@code import}), required fields and bounds from the jakarta
 * constraints of the default group (those of {@link io.github.proxmoxmcp.core.spi.Unlisted} are checked, not listed).
 * Fields marked {@link InInstructions} are left out: the server's instructions describe them.
 * Unknown arguments are
 * refused by {@link ToolInvoker} with the list of valid ones, so the schema does not spend
 * {@code additionalProperties: false} on every tool of a catalog the agent pays for each turn.
 */
public final class InputSchemas {

    private final SchemaGenerator generator;

    public InputSchemas() {
        var config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JakartaValidationModule(
                        JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                        JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS).forValidationGroups(Default.class))
                .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED, JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY))
                .with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        config.forTypesInGeneral().withPropertySorter(PropertySortUtils.SORT_PROPERTIES_FIELDS_BEFORE_METHODS);
        config.forFields().withIgnoreCheck(field -> field.getAnnotation(InInstructions.class) != null);
        this.generator = new SchemaGenerator(config.build());
    }

    public ObjectNode schema(Class<?> inputType) {
        ObjectNode schema = generator.generateSchema(inputType);
        if (!schema.has("properties")) {
            schema.putObject("properties");
        }
        return schema;
    }
}
