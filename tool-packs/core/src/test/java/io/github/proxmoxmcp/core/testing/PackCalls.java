package io.github.proxmoxmcp.core.testing;

import static io.github.proxmoxmcp.core.testing.PackAssertions.CONFIRM_REFUSAL;
import static io.github.proxmoxmcp.core.testing.TaskIds.UPID;
import static io.github.proxmoxmcp.core.testing.TaskIds.UPID_ENCODED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.runtime.BeanToolContext;
import io.github.proxmoxmcp.core.runtime.ToolInvoker;
import io.github.proxmoxmcp.core.spi.ProgressReporter;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolPack;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.context.BeanContext;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The calls and assertions contract tests share, injected into a {@code @MicronautTest} that implements
 * {@link MockProxmoxTest}: {@code @Inject PackCalls pack;} then {@code pack.ok("proxmox_node_list", "{}")}.
 * Tools run the way the server runs them (bind, validate, confirm, handle) against {@link MockProxmox}.
 */
@Singleton
public final class PackCalls {

    private static final List<ToolPack> PACKS = ServiceLoader.load(ToolPack.class).stream().map(ServiceLoader.Provider::get).toList();

    private final BeanContext beans;
    private final ToolInvoker invoker;
    private final List<String> progress = new CopyOnWriteArrayList<>();

    PackCalls(BeanContext beans, ToolInvoker invoker) {
        this.beans = beans;
        this.invoker = invoker;
    }

    public MockProxmox proxmox() {
        return MockProxmox.shared();
    }

    /** The test's bean context. */
    public BeanContext context() {
        return beans;
    }

    public <T> T bean(Class<T> type) {
        return beans.getBean(type);
    }

    /** Progress messages reported during calls, in order. */
    public List<String> progress() {
        return progress;
    }

    public ToolResult call(String tool, String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> arguments = beans.getBean(JsonMapper.class).readValue(json, Map.class);
            return call(tool, arguments);
        } catch (IOException e) {
            throw new IllegalArgumentException("bad test JSON: " + json, e);
        }
    }

    public ToolResult call(String tool, Map<String, Object> arguments) {
        ProgressReporter reporter = (p, total, message) -> progress.add(message);
        ToolResult result = invoker.invoke(tool(tool), arguments, new BeanToolContext(beans, reporter))
                .block(Duration.ofSeconds(30));
        if (result == null) {
            throw new AssertionError(tool + " completed without a result");
        }
        return result;
    }

    /** The tool of that name among the packs on the class path, found the way the server finds them. */
    public ToolDefinition<?> tool(String name) {
        return PACKS.stream().flatMap(pack -> pack.tools().stream()).filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tool " + name + " in " + PACKS.stream().map(ToolPack::name).toList()));
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
        refused(call(tool, json), messagePart);
    }

    /** An input error for arguments given as a map (values JSON cannot be written inline, e.g. control characters). */
    public void invalid(String tool, Map<String, Object> arguments, String messagePart) {
        refused(call(tool, arguments), messagePart);
    }

    private void refused(ToolResult result, String messagePart) {
        assertTrue(result.error(), () -> "expected an error, got: " + result.text());
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

    /**
     * A task on that node that stops with {@code exitStatus} and these log lines; returns its UPID for the start to
     * answer with.
     */
    public String failedTask(String node, String type, Object id, String exitStatus, String... log) {
        String upid = TaskIds.upid(node, type, id);
        String path = "/nodes/" + node + "/tasks/" + TaskIds.encoded(upid);
        JsonMapper json = beans.getBean(JsonMapper.class);
        try {
            proxmox().respond("GET", path + "/status", json.writeValueAsString(Map.of("status", "stopped", "exitstatus", exitStatus,
                    "upid", upid)));
            List<Map<String, Object>> lines = new java.util.ArrayList<>();
            for (int n = 0; n < log.length; n++) {
                lines.add(Map.of("n", n + 1, "t", log[n]));
            }
            proxmox().respond("GET", path + "/log", json.writeValueAsString(lines));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
