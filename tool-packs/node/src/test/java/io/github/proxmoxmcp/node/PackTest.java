package io.github.proxmoxmcp.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.testing.MockProxmox;
import io.github.proxmoxmcp.core.testing.PackHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One harness per test class, a clean MockProxmox per test, and the assertions every contract test makes. */
abstract class PackTest {

    static final String UPID = "UPID:pve1:0000ABCD:0001ABCD:65F0A1B2:srvrestart:pveproxy:root@pam:";
    static final String UPID_ENCODED = "UPID%3Apve1%3A0000ABCD%3A0001ABCD%3A65F0A1B2%3Asrvrestart%3Apveproxy%3Aroot%40pam%3A";

    static PackHarness harness;
    static MockProxmox proxmox;

    @BeforeAll
    static void start() {
        harness = PackHarness.start(new NodePack());
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

    static ToolResult ok(String tool, String json) {
        ToolResult result = harness.call(tool, json);
        assertFalse(result.error(), () -> "expected success, got: " + result.text());
        return result;
    }

    static ToolResult error(String tool, String json) {
        ToolResult result = harness.call(tool, json);
        assertTrue(result.error(), () -> "expected an error, got: " + result.text());
        return result;
    }

    /** An input error: flagged, and nothing reached Proxmox. */
    static void invalid(String tool, String json, String messagePart) {
        ToolResult result = error(tool, json);
        assertTrue(result.text().startsWith("Invalid arguments: ") && result.text().contains(messagePart), result.text());
        assertTrue(result.text().endsWith("Nothing was sent to Proxmox."), result.text());
        assertEquals(List.of(), proxmox.requests());
    }

    /** A destructive call without confirm: refused, and nothing reached Proxmox. */
    static void refusedWithoutConfirm(String tool, String json) {
        ToolResult result = error(tool, json);
        assertEquals(tool + " is destructive: nothing was changed. Check the target, then call again with confirm: true.",
                result.text());
        assertEquals(List.of(), proxmox.requests());
    }

    /** Exactly one request was sent; returns it after checking method and path. */
    static MockProxmox.Recorded only(String method, String path) {
        List<MockProxmox.Recorded> requests = proxmox.requests();
        assertEquals(List.of(method + " " + path), requests.stream().map(MockProxmox.Recorded::line).toList());
        return requests.getFirst();
    }

    static void assertRequest(MockProxmox.Recorded request, Map<String, String> query, Map<String, String> form) {
        assertEquals(query, request.query());
        assertEquals(form, request.form());
    }

    /** Answers a task start with {@link #UPID} and its status with a clean stop. */
    static void taskEndsOk(String method, String path) {
        proxmox.respond(method, path, "\"" + UPID + "\"");
        proxmox.respond("GET", "/nodes/pve1/tasks/" + UPID_ENCODED + "/status", """
                {"status":"stopped","exitstatus":"OK","upid":"%s"}""".formatted(UPID));
    }

    /** The start request, then at least one status poll of the encoded UPID; returns the start request. */
    static MockProxmox.Recorded startedAndAwaited(String method, String path) {
        List<MockProxmox.Recorded> requests = proxmox.requests();
        assertTrue(requests.size() >= 2, requests::toString);
        assertEquals(method + " " + path, requests.getFirst().line());
        requests.subList(1, requests.size()).forEach(r ->
                assertEquals("GET /nodes/pve1/tasks/" + UPID_ENCODED + "/status", r.line()));
        return requests.getFirst();
    }
}
