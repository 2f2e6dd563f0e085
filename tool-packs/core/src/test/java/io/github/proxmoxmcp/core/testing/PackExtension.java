package io.github.proxmoxmcp.core.testing;

import static io.github.proxmoxmcp.core.testing.PackAssertions.CONFIRM_REFUSAL;
import static io.github.proxmoxmcp.core.testing.TaskIds.UPID;
import static io.github.proxmoxmcp.core.testing.TaskIds.UPID_ENCODED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.spi.ToolPack;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link PackHarness} per test class, a clean {@link MockProxmox} before each test, and the calls and
 * assertions contract tests share. Register it on a static field:
 * {@code @RegisterExtension static final PackExtension pack = new PackExtension(new NodePack());}
 */
public final class PackExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final Supplier<PackHarness> starter;
    private PackHarness harness;

    public PackExtension(ToolPack pack) {
        this(() -> PackHarness.start(pack));
    }

    private PackExtension(Supplier<PackHarness> starter) {
        this.starter = starter;
    }

    /** With a harness started some other way, e.g. {@link PackHarness#startWithPassword}. */
    public static PackExtension startedBy(Supplier<PackHarness> starter) {
        return new PackExtension(starter);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        harness = starter.get();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        proxmox().reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        harness.close();
    }

    public PackHarness harness() {
        if (harness == null) {
            throw new IllegalStateException("the harness starts before all tests; register the extension on a static field");
        }
        return harness;
    }

    public MockProxmox proxmox() {
        return MockProxmox.shared();
    }

    public ApplicationContext context() {
        return harness().context();
    }

    public <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    public ToolResult call(String tool, String json) {
        return harness().call(tool, json);
    }

    public ToolResult ok(String tool, String json) {
        ToolResult result = call(tool, json);
        assertFalse(result.error(), () -> "expected success, got: " + result.text());
        return result;
    }

    public ToolResult error(String tool, String json) {
        ToolResult result = call(tool, json);
        assertTrue(result.error(), () -> "expected an error, got: " + result.text());
        return result;
    }

    /** An input error: flagged, and nothing reached Proxmox. */
    public void invalid(String tool, String json, String messagePart) {
        ToolResult result = error(tool, json);
        assertTrue(result.text().startsWith("Invalid arguments: ") && result.text().contains(messagePart), result.text());
        assertTrue(result.text().endsWith("Nothing was sent to Proxmox."), result.text());
        assertNothingSent();
    }

    /** A destructive call without confirm: refused, and nothing reached Proxmox. */
    public void refusedWithoutConfirm(String tool, String json) {
        ToolResult result = error(tool, json);
        assertEquals(tool + CONFIRM_REFUSAL, result.text());
        assertNothingSent();
    }

    public void assertNothingSent() {
        assertEquals(List.of(), proxmox().requests());
    }

    /** The requests received so far as {@code METHOD /path} lines, oldest first. */
    public List<String> lines() {
        return proxmox().requests().stream().map(MockProxmox.Recorded::line).toList();
    }

    public MockProxmox.Recorded request(int index) {
        return proxmox().requests().get(index);
    }

    public MockProxmox.Recorded last() {
        return proxmox().requests().getLast();
    }

    /** Exactly one request was sent; returns it after checking method and path. */
    public MockProxmox.Recorded only(String method, String path) {
        List<MockProxmox.Recorded> requests = proxmox().requests();
        assertEquals(List.of(method + " " + path), requests.stream().map(MockProxmox.Recorded::line).toList());
        return requests.getFirst();
    }

    /** A task on that node whose status answers "stopped, OK"; returns its UPID for the start to answer with. */
    public String finishedTask(String node, String type, Object id) {
        String upid = TaskIds.upid(node, type, id);
        answerStoppedOk(node, upid);
        return upid;
    }

    /** Answers a task start with {@link TaskIds#UPID} and its status with a clean stop. */
    public void taskEndsOk(String method, String path) {
        proxmox().respond(method, path, TaskIds.quoted(UPID));
        answerStoppedOk("pve1", UPID);
    }

    private void answerStoppedOk(String node, String upid) {
        proxmox().respond("GET", "/nodes/" + node + "/tasks/" + TaskIds.encoded(upid) + "/status", """
                {"status":"stopped","exitstatus":"OK","upid":"%s"}""".formatted(upid));
    }

    /** The start request, then at least one status poll of {@link TaskIds#UPID}; returns the start request. */
    public MockProxmox.Recorded startedAndAwaited(String method, String path) {
        List<MockProxmox.Recorded> requests = proxmox().requests();
        assertTrue(requests.size() >= 2, requests::toString);
        assertEquals(method + " " + path, requests.getFirst().line());
        requests.subList(1, requests.size()).forEach(r ->
                assertEquals("GET /nodes/pve1/tasks/" + UPID_ENCODED + "/status", r.line()));
        return requests.getFirst();
    }
}
