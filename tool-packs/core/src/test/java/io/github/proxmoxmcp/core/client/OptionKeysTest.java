package io.github.proxmoxmcp.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.proxmoxmcp.core.id.PveFormat;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionKeysTest {

    private final OptionKeys keys = OptionKeys.of("set")
            .bool("onboot")
            .integer("sockets", 1, 4)
            .number("rate", 0)
            .oneOf("bios", "seabios", "ovmf")
            .propertyString("net0", "virtio,bridge=vmbr0")
            .id("pool", PveFormat.POOL)
            .tags("tags");

    @Test
    void valuesAreCheckedAndSentInWireFormInTheOrderGiven() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("tags", List.of("lab", "web"));
        given.put("onboot", true);
        given.put("sockets", 2);
        given.put("rate", 12.5);
        given.put("bios", "ovmf");
        given.put("net0", "virtio=BC:24:11:00:00:01,bridge=vmbr0,tag=20");
        given.put("pool", "dev/web");

        assertEquals(List.of("tags=lab;web", "onboot=1", "sockets=2", "rate=12.5", "bios=ovmf",
                        "net0=virtio=BC:24:11:00:00:01,bridge=vmbr0,tag=20", "pool=dev/web"),
                keys.wire(given).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        assertEquals(Map.of(), keys.wire(null));
        assertEquals(Map.of("tags", "a;b"), keys.wire(Map.of("tags", "a,b")));
    }

    @Test
    void anUnknownKeyNamesTheKeysTaken() {
        assertEquals("set.cpu is not a key of set; it takes [bios, net0, onboot, pool, rate, sockets, tags]",
                refusal(keys, Map.of("cpu", "host")));
        assertEquals("options.force is not a key of options for action=start, which takes none",
                refusal(OptionKeys.of("options", "action=start"), Map.of("force", true)));
    }

    @Test
    void aWrongValueSaysWhatTheKeyTakes() {
        assertEquals("set.onboot must be true or false; got 'yes'", refusal(keys, Map.of("onboot", "yes")));
        assertEquals("set.sockets must be a whole number from 1 to 4; got '8'", refusal(keys, Map.of("sockets", 8)));
        assertEquals("set.sockets must be a whole number from 1 to 4; got '1.5'", refusal(keys, Map.of("sockets", 1.5)));
        assertEquals("set.rate must be a number of at least 0; got '-1'", refusal(keys, Map.of("rate", -1)));
        assertEquals("set.bios must be one of [seabios, ovmf]; got 'uefi'", refusal(keys, Map.of("bios", "uefi")));
        assertEquals("set.net0 must be a property string such as virtio,bridge=vmbr0; got 'virtio, bridge=vmbr0'",
                refusal(keys, Map.of("net0", "virtio, bridge=vmbr0")));
        assertEquals("set.pool must be a pool id: letters, digits, '.', '_' or '-', nested with '/' at most 3 levels; got 'a/../b'",
                refusal(keys, Map.of("pool", "a/../b")));
        assertEquals("set.tags must be a list of tags (a tag: letters, digits, '_', '+', '.' or '-'); got '[a b]'",
                refusal(keys, Map.of("tags", List.of("a b"))));
        Map<String, Object> empty = new LinkedHashMap<>();
        empty.put("onboot", null);
        assertEquals("set.onboot must be true or false; got null", refusal(keys, empty));
    }

    private static String refusal(OptionKeys keys, Map<String, Object> given) {
        return assertThrows(ToolInputException.class, () -> keys.wire(given)).getMessage();
    }
}
