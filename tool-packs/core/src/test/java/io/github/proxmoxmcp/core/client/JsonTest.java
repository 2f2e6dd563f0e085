package io.github.proxmoxmcp.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.tree.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Proxmox sends numbers and booleans as numbers or as strings depending on the endpoint. */
class JsonTest {

    private static final JsonNode NODE = object();

    private static JsonNode object() {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        fields.put("vmidNumber", JsonNode.createNumberNode(100));
        fields.put("vmidString", JsonNode.createStringNode("100"));
        fields.put("cpuNumber", JsonNode.createNumberNode(0.25));
        fields.put("cpuString", JsonNode.createStringNode(" 0.25 "));
        fields.put("uptimeDecimalString", JsonNode.createStringNode("90061.9"));
        fields.put("big", JsonNode.createNumberNode(17179869184L));
        fields.put("trueBool", JsonNode.createBooleanNode(true));
        fields.put("falseBool", JsonNode.createBooleanNode(false));
        fields.put("one", JsonNode.createStringNode("1"));
        fields.put("zero", JsonNode.createStringNode("0"));
        fields.put("zeroNumber", JsonNode.createNumberNode(0));
        fields.put("oneNumber", JsonNode.createNumberNode(1));
        fields.put("yes", JsonNode.createStringNode("Yes"));
        fields.put("on", JsonNode.createStringNode("on"));
        fields.put("trueString", JsonNode.createStringNode("TRUE"));
        fields.put("no", JsonNode.createStringNode("no"));
        fields.put("word", JsonNode.createStringNode("running"));
        fields.put("nothing", JsonNode.nullNode());
        fields.put("list", JsonNode.createArrayNode(List.of(JsonNode.createNumberNode(1), JsonNode.createStringNode("a"))));
        fields.put("nested", JsonNode.createObjectNode(Map.of("k", JsonNode.createStringNode("v"))));
        return JsonNode.createObjectNode(fields);
    }

    @Test
    void numberAcceptsNumbersAndNumericStrings() {
        assertEquals(Optional.of(100L), Json.number(NODE, "vmidNumber"));
        assertEquals(Optional.of(100L), Json.number(NODE, "vmidString"));
        assertEquals(Optional.of(17179869184L), Json.number(NODE, "big"));
        assertEquals(Optional.of(90061L), Json.number(NODE, "uptimeDecimalString"));
        assertEquals(Optional.of(1L), Json.number(NODE, "trueBool"));
        assertEquals(Optional.of(0L), Json.number(NODE, "falseBool"));
    }

    @Test
    void numberIsEmptyForAbsentNullOrNonNumeric() {
        assertEquals(Optional.empty(), Json.number(NODE, "missing"));
        assertEquals(Optional.empty(), Json.number(NODE, "nothing"));
        assertEquals(Optional.empty(), Json.number(NODE, "word"));
        assertEquals(Optional.empty(), Json.number(NODE, "list"));
        assertEquals(Optional.empty(), Json.number(null, "vmidNumber"));
        assertEquals(Optional.empty(), Json.number(JsonNode.createStringNode("x"), "vmidNumber"));
    }

    @Test
    void decimalAcceptsNumbersAndNumericStrings() {
        assertEquals(Optional.of(0.25), Json.decimal(NODE, "cpuNumber"));
        assertEquals(Optional.of(0.25), Json.decimal(NODE, "cpuString"));
        assertEquals(Optional.of(100.0), Json.decimal(NODE, "vmidString"));
        assertEquals(Optional.empty(), Json.decimal(NODE, "word"));
        assertEquals(Optional.empty(), Json.decimal(NODE, "missing"));
    }

    @Test
    void flagAcceptsBooleansNumbersAndWords() {
        assertTrue(Json.flag(NODE, "trueBool"));
        assertFalse(Json.flag(NODE, "falseBool"));
        assertTrue(Json.flag(NODE, "one"));
        assertFalse(Json.flag(NODE, "zero"));
        assertTrue(Json.flag(NODE, "oneNumber"));
        assertFalse(Json.flag(NODE, "zeroNumber"));
        assertTrue(Json.flag(NODE, "yes"));
        assertTrue(Json.flag(NODE, "on"));
        assertTrue(Json.flag(NODE, "trueString"));
        assertFalse(Json.flag(NODE, "no"));
        assertFalse(Json.flag(NODE, "missing"));
        assertFalse(Json.flag(NODE, "nothing"));
    }

    @Test
    void textConvertsValuesAndWritesStructuresAsJson() {
        assertEquals("100", Json.text(NODE, "vmidNumber"));
        assertEquals("100", Json.text(NODE, "vmidString"));
        assertEquals("true", Json.text(NODE, "trueBool"));
        assertEquals("running", Json.text(NODE, "word"));
        assertNull(Json.text(NODE, "nothing"));
        assertNull(Json.text(NODE, "missing"));
        assertEquals("-", Json.text(NODE, "missing", "-"));
        assertEquals("-", Json.text(NODE, "nothing", "-"));
        assertEquals("running", Json.text(NODE, "word", "-"));
        assertNull(Json.text(null, "word"));
        assertNull(Json.text(JsonNode.createArrayNode(List.of()), "word"));
    }

    @Test
    void fieldSkipsNullsAndNonObjects() {
        assertNull(Json.field(NODE, "nothing"));
        assertNull(Json.field(JsonNode.createStringNode("x"), "x"));
        assertEquals(JsonNode.createStringNode("v"), Json.field(Json.field(NODE, "nested"), "k"));
    }
}
