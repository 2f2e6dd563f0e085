package io.github.proxmoxmcp.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsTest {

    enum Mode { snapshot, suspend, stop }

    @Test
    void nullsAreLeftOutAndOrderIsKept() {
        Map<String, String> map = Params.create().put("b", "2").put("skip", null).put("a", "1").map();
        assertEquals(List.of("b", "a"), new ArrayList<>(map.keySet()));
        assertEquals(Map.of("b", "2", "a", "1"), map);
    }

    @Test
    void booleansAreOneAndZero() {
        assertEquals(Map.of("on", "1", "off", "0"), Params.create().put("on", true).put("off", Boolean.FALSE).map());
    }

    @Test
    void enumsAreTheirNames() {
        assertEquals("snapshot", Params.wire(Mode.snapshot));
    }

    @Test
    void listsAreCommaJoinedWithEachElementInWireForm() {
        assertEquals("a,b,c", Params.wire(List.of("a", "b", "c")));
        assertEquals("1,0,stop,3", Params.wire(List.of(true, false, Mode.stop, 3.0)));
        assertEquals("101", Params.wire(List.of(101)));
    }

    @Test
    void emptyListsAreLeftOut() {
        assertNull(Params.wire(List.of()));
        assertTrue(Params.create().put("vms", List.of()).isEmpty());
    }

    @Test
    void wholeDoublesHaveNoFraction() {
        assertEquals("2", Params.wire(2.0));
        assertEquals("-3", Params.wire(-3.0));
        assertEquals("0", Params.wire(0.0));
        assertEquals("0.5", Params.wire(0.5));
        assertEquals("1.25", Params.wire(1.25));
        assertEquals("Infinity", Params.wire(Double.POSITIVE_INFINITY));
        assertEquals("NaN", Params.wire(Double.NaN));
    }

    @Test
    void otherNumbersAndStringsAreAsIs() {
        assertEquals("100", Params.wire(100));
        assertEquals("17179869184", Params.wire(17179869184L));
        assertEquals("1.5", Params.wire(1.5f));
        assertEquals("", Params.wire(""));
        assertEquals("virtio,bridge=vmbr0", Params.wire("virtio,bridge=vmbr0"));
    }

    @Test
    void deleteJoinsKeysAndIsLeftOutWhenEmpty() {
        assertEquals(Map.of("delete", "net1,scsi2"), Params.create().delete(List.of("net1", "scsi2")).map());
        assertTrue(Params.create().delete(List.of()).isEmpty());
        assertTrue(Params.create().delete(null).isEmpty());
    }

    @Test
    void putAllConvertsEachValueAndSkipsNulls() {
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("onboot", true);
        more.put("cores", 2);
        more.put("name", null);
        more.put("tags", Arrays.asList("a", "b"));
        Map<String, String> map = Params.create().putAll(more).putAll(null).map();
        assertEquals(Map.of("onboot", "1", "cores", "2", "tags", "a,b"), map);
        assertEquals(List.of("onboot", "cores", "tags"), new ArrayList<>(map.keySet()));
    }

    @Test
    void laterValuesReplaceEarlierOnes() {
        assertEquals(Map.of("a", "2"), Params.create().put("a", 1).put("a", 2).map());
    }

    @Test
    void theMapIsReadOnly() {
        Map<String, String> map = Params.create().put("a", 1).map();
        assertThrows(UnsupportedOperationException.class, () -> map.put("b", "2"));
        assertFalse(map.isEmpty());
        assertEquals("{a=1}", Params.create().put("a", 1).toString());
    }

    @Test
    void arrayParametersKeepEachElementForTheForm() {
        Params params = Params.create().put("id", "share").putEach("map", List.of("node=pve1,path=/a", "node=pve2,path=/b"))
                .putEach("vms", List.of(100, true)).putEach("none", List.of()).putEach("absent", null);
        assertEquals(Map.of("id", "share", "map", List.of("node=pve1,path=/a", "node=pve2,path=/b"), "vms", List.of("100", "1")),
                params.form());
        assertEquals(List.of("id", "map", "vms"), new ArrayList<>(params.form().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> params.form().put("x", "y"));
    }

    @Test
    void anArrayParameterCannotBeSentAsSingleValues() {
        Params params = Params.create().putEach("map", List.of("a"));
        IllegalStateException refused = assertThrows(IllegalStateException.class, params::map);
        assertEquals("map is an array parameter: send the parameters with form()", refused.getMessage());
        assertEquals(Map.of("a", "1"), Params.create().put("a", 1).form());
    }
}
