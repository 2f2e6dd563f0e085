package io.github.proxmoxmcp.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.github.proxmoxmcp.core.spi.InInstructions;
import io.github.proxmoxmcp.core.spi.Unlisted;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputSchemasTest {

    @Serdeable
    record Input(
            @NotBlank @JsonPropertyDescription("Node name") String node,
            @NotNull @Min(100) @Max(999999999) @JsonPropertyDescription("VM id") Integer vmid,
            @JsonPropertyDescription("What to do") Action action,
            @JsonProperty("wait") @JsonPropertyDescription("Wait for the task") Boolean waitForTask,
            @Pattern(regexp = "[a-z][a-z0-9-]*") String name,
            List<String> tags,
            Map<String, String> options) {

        enum Action { start, stop, reset }
    }

    @Serdeable
    record Empty() {
    }

    @Serdeable
    record Quiet(@NotNull @Min(value = 1, groups = Unlisted.class) Integer cores, @InInstructions String node) {
    }

    @Serdeable
    record Keyword(Kind kind) {

        enum Kind { @JsonProperty("iso") iso, @JsonProperty("import") imports }
    }

    @Test
    void schemaOfARecord() {
        assertEquals("""
                {"type":"object","properties":{\
                "node":{"type":"string","description":"Node name","minLength":1},\
                "vmid":{"type":"integer","description":"VM id","minimum":100,"maximum":999999999},\
                "action":{"type":"string","enum":["start","stop","reset"],"description":"What to do"},\
                "wait":{"type":"boolean","description":"Wait for the task"},\
                "name":{"type":"string","pattern":"[a-z][a-z0-9-]*"},\
                "tags":{"type":"array","items":{"type":"string"}},\
                "options":{"type":"object","additionalProperties":{"type":"string"}}},\
                "required":["node","vmid"]}""",
                new InputSchemas().schema(Input.class).toString());
    }

    @Test
    void anEnumNamedByJsonPropertyListsThoseNames() {
        assertEquals("{\"type\":\"object\",\"properties\":{\"kind\":{\"type\":\"string\",\"enum\":[\"iso\",\"import\"]}}}",
                new InputSchemas().schema(Keyword.class).toString());
    }

    @Test
    void unlistedBoundsAndInstructedFieldsCostNoSchemaBytes() {
        assertEquals("{\"type\":\"object\",\"properties\":{\"cores\":{\"type\":\"integer\"}},"
                        + "\"required\":[\"cores\"]}",
                new InputSchemas().schema(Quiet.class).toString());
    }

    @Test
    void anInputWithoutFieldsStillHasProperties() {
        assertEquals("{\"type\":\"object\",\"properties\":{}}",
                new InputSchemas().schema(Empty.class).toString());
    }
}
