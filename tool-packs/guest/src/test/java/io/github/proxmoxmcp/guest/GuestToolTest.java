package io.github.proxmoxmcp.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.testing.MockProxmox;
import io.github.proxmoxmcp.core.testing.PackHarness;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** Shared harness and helpers of the guest pack's contract tests. */
abstract class GuestToolTest {

    static final String RESOURCES = """
            [{"id":"qemu/100","vmid":100,"type":"qemu","name":"web1","node":"pve1","status":"running",
              "cpu":0.05,"mem":1073741824,"maxmem":4294967296,"uptime":3600,"tags":"prod;web"},
             {"id":"lxc/101","vmid":"101","type":"lxc","name":"dns","node":"pve2","status":"stopped","maxmem":536870912},
             {"id":"qemu/9000","vmid":9000,"type":"qemu","name":"ubuntu-tpl","node":"pve1","status":"stopped",
              "template":1,"maxmem":2147483648}]""";

    static PackHarness harness;
    static MockProxmox proxmox;

    @BeforeAll
    static void start() {
        harness = PackHarness.start(new GuestPack());
        proxmox = harness.proxmox();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @BeforeEach
    void reset() {
        proxmox.reset();
    }

    static ToolResult call(String tool, String json) {
        return harness.call(tool, json);
    }

    static void resources() {
        proxmox.respond("GET", "/cluster/resources", Map.of("type", "vm"), RESOURCES);
    }

    /** A task id as Proxmox returns it, and its status answering "stopped, OK". */
    static String task(String node, String type, int vmid) {
        String upid = "UPID:" + node + ":0000ABCD:0001ABCD:65F0A1B2:" + type + ":" + vmid + ":root@pam:";
        proxmox.respond("GET", "/nodes/" + node + "/tasks/" + encode(upid) + "/status", "{\"status\":\"stopped\",\"exitstatus\":\"OK\"}");
        return upid;
    }

    static String quoted(String upid) {
        return "\"" + upid + "\"";
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static List<String> lines() {
        return proxmox.requests().stream().map(MockProxmox.Recorded::line).toList();
    }

    static MockProxmox.Recorded request(int index) {
        return proxmox.requests().get(index);
    }

    static MockProxmox.Recorded last() {
        return proxmox.requests().getLast();
    }

    static void assertOk(String expected, ToolResult result) {
        assertFalse(result.error(), result.text());
        assertEquals(expected, result.text());
    }

    static void assertError(String expected, ToolResult result) {
        assertTrue(result.error(), result.text());
        assertEquals(expected, result.text());
    }

    static void assertNothingSent() {
        assertEquals(List.of(), proxmox.requests());
    }

    static final String NOT_FOUND_HINT = "Check the node, VMID or name: list them first with the matching *_list tool.";
    static final String CONFIRM_REFUSAL = " is destructive: nothing was changed. Check the target, then call again with confirm: true.";
}
