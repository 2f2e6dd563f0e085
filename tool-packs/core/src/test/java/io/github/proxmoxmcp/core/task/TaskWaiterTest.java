package io.github.proxmoxmcp.core.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.client.ProxmoxApiException;
import io.github.proxmoxmcp.core.client.PveResponse;
import io.github.proxmoxmcp.core.runtime.BeanToolContext;
import io.github.proxmoxmcp.core.spi.ProgressReporter;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.testing.PackExtension;
import io.github.proxmoxmcp.core.testing.PackHarness;
import io.micronaut.json.tree.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

class TaskWaiterTest {

    static final String UPID = "UPID:pve1:0000C0DE:0012D687:6740A1B2:qmstart:100:root@pam:";
    static final String STATUS = "/nodes/pve1/tasks/UPID%3Apve1%3A0000C0DE%3A0012D687%3A6740A1B2%3Aqmstart%3A100%3Aroot%40pam%3A/status";
    static final String LOG = "/nodes/pve1/tasks/UPID%3Apve1%3A0000C0DE%3A0012D687%3A6740A1B2%3Aqmstart%3A100%3Aroot%40pam%3A/log";

    @RegisterExtension
    static final PackExtension pack = new PackExtension(PackHarness.emptyPack());

    private final List<String> progress = new CopyOnWriteArrayList<>();
    private final ProgressReporter reporter = (p, total, message) -> progress.add((int) p + " " + message);

    private static String status(String state, String exitStatus) {
        return "{\"upid\":\"" + UPID + "\",\"node\":\"pve1\",\"type\":\"qmstart\",\"id\":\"100\",\"pid\":49374,"
                + "\"status\":\"" + state + "\"" + (exitStatus == null ? "" : ",\"exitstatus\":\"" + exitStatus + "\"") + "}";
    }

    private static void statusOnce(String state) {
        pack.proxmox().expect("GET", STATUS, Map.of(), 200, "OK", "{\"data\":" + status(state, null) + "}", 1);
    }

    private static String logLines(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> "{\"n\":" + n + ",\"t\":\"line " + n + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private TaskOutcome await(Duration timeout) {
        return pack.bean(TaskWaiter.class).await(UPID, timeout, reporter).block(Duration.ofSeconds(10));
    }

    @Test
    void okEndsTheWaitWithoutReadingTheLog() {
        statusOnce("running");
        pack.proxmox().respond("GET", STATUS, status("stopped", "OK"));

        TaskOutcome outcome = await(Duration.ofSeconds(5));

        assertEquals(new TaskOutcome(UPID, TaskOutcome.State.OK, "OK", List.of()), outcome);
        assertTrue(outcome.succeeded());
        assertEquals("task OK (" + UPID + ")", outcome.describe());
        assertEquals(List.of("GET " + STATUS, "GET " + STATUS), pack.lines());
        assertEquals(List.of("1 qmstart 100: running", "2 qmstart 100: stopped"), progress);
    }

    @Test
    void warningsAreASuccessWithTheLogTail() {
        pack.proxmox().respond("GET", STATUS, status("stopped", "WARNINGS: 2"));
        pack.proxmox().respond("GET", LOG, """
                [{"n":1,"t":"starting"},{"n":2,"t":"WARN: volume is not used"},{"n":3,"t":"WARN: old config"},{"n":4,"t":"TASK WARNINGS: 2"}]""");

        TaskOutcome outcome = await(Duration.ofSeconds(5));

        assertEquals(TaskOutcome.State.WARNINGS, outcome.state());
        assertTrue(outcome.succeeded());
        assertEquals("WARNINGS: 2", outcome.exitStatus());
        assertEquals("task finished with warnings: 2 (" + UPID + ")\nlast log lines:\n  starting\n  WARN: volume is not used\n"
                + "  WARN: old config\n  TASK WARNINGS: 2", outcome.describe());
        var log = pack.last();
        assertEquals("GET " + LOG, log.line());
        assertEquals(Map.of("start", "0", "limit", "5000"), log.query());
    }

    @Test
    void failureCarriesTheLast15LogLines() {
        pack.proxmox().respond("GET", STATUS, status("stopped", "command 'qm start' failed: exit code 1"));
        pack.proxmox().respond("GET", LOG, logLines(20));

        TaskOutcome outcome = await(Duration.ofSeconds(5));

        assertEquals(TaskOutcome.State.FAILED, outcome.state());
        assertFalse(outcome.succeeded());
        assertEquals(IntStream.rangeClosed(6, 20).mapToObj(n -> "line " + n).toList(), outcome.logTail());
        assertEquals("task failed: command 'qm start' failed: exit code 1 (" + UPID + ")\nlast log lines:\n  "
                + IntStream.rangeClosed(6, 20).mapToObj(n -> "line " + n).collect(Collectors.joining("\n  ")), outcome.describe());
    }

    @Test
    void anUnreadableLogStillReportsTheFailure() {
        pack.proxmox().respond("GET", STATUS, status("stopped", "unexpected status"));
        pack.proxmox().fail("GET", LOG, 403, "Permission check failed (/nodes/pve1, Sys.Audit)", Map.of());

        TaskOutcome outcome = await(Duration.ofSeconds(5));

        assertEquals(new TaskOutcome(UPID, TaskOutcome.State.FAILED, "unexpected status", List.of()), outcome);
        assertEquals("task failed: unexpected status (" + UPID + ")", outcome.describe());
    }

    @Test
    void a400RightAfterTheStartMeansNotVisibleYet() {
        pack.proxmox().expect("GET", STATUS, Map.of(), 400, "no such task", "{\"data\":null}", 2);
        statusOnce("running");
        pack.proxmox().respond("GET", STATUS, status("stopped", "OK"));

        TaskOutcome outcome = await(Duration.ofSeconds(5));

        assertEquals(TaskOutcome.State.OK, outcome.state());
        assertEquals(4, pack.lines().size());
        assertEquals(List.of("1 qmstart 100: starting", "2 qmstart 100: starting", "3 qmstart 100: running",
                "4 qmstart 100: stopped"), progress);
    }

    @Test
    void timeoutAnswersStillRunningWithTheUpid() {
        pack.proxmox().respond("GET", STATUS, status("running", null));

        TaskOutcome outcome = await(Duration.ofMillis(300));

        assertEquals(new TaskOutcome(UPID, TaskOutcome.State.RUNNING, "", List.of()), outcome);
        assertFalse(outcome.succeeded());
        assertEquals("task still running after the wait timeout (" + UPID + "); follow it with proxmox_node_task_get",
                outcome.describe());
        assertTrue(progress.size() >= 2, progress.toString());
        assertTrue(progress.stream().allMatch(p -> p.endsWith(" qmstart 100: running")), progress.toString());
    }

    @Test
    void aProxmoxErrorWhilePollingIsMapped() {
        pack.proxmox().fail("GET", STATUS, 403, "Permission check failed (/nodes/pve1, Sys.Audit)", Map.of());

        ProxmoxApiException failure = assertThrows(ProxmoxApiException.class, () -> await(Duration.ofSeconds(5)));

        assertEquals(ProxmoxApiException.Kind.FORBIDDEN, failure.kind());
        assertEquals(403, failure.status());
        assertEquals("Permission check failed (/nodes/pve1, Sys.Audit)", failure.detail());
    }

    @Test
    void somethingThatIsNotAUpidIsAProtocolError() {
        ProxmoxApiException failure = assertThrows(ProxmoxApiException.class,
                () -> pack.bean(TaskWaiter.class).await("OK", Duration.ofSeconds(1), reporter).block(Duration.ofSeconds(5)));

        assertEquals(ProxmoxApiException.Kind.PROTOCOL, failure.kind());
        assertEquals("Unexpected answer from Proxmox: Proxmox returned no task id where one was expected: OK", failure.userMessage());
        pack.assertNothingSent();
    }

    record Start(Boolean waitForTask, Integer timeout) implements TaskInput {
    }

    private ToolResult finish(String startedData, Start input) {
        JsonNode data = startedData == null ? null : JsonNode.createStringNode(startedData);
        return Tasks.finish(Mono.just(new PveResponse(data)), input, new BeanToolContext(pack.context(), reporter),
                "start of VM 100").block(Duration.ofSeconds(10));
    }

    @Test
    void finishWaitsAndSaysHowItWent() {
        pack.proxmox().respond("GET", STATUS, status("stopped", "OK"));
        assertEquals(ToolResult.ok("start of VM 100: task OK (" + UPID + ")"), finish(UPID, new Start(null, null)));
    }

    @Test
    void finishReportsAFailedTaskAsAnError() {
        pack.proxmox().respond("GET", STATUS, status("stopped", "command 'qm start' failed: exit code 1"));
        pack.proxmox().respond("GET", LOG, "[{\"n\":1,\"t\":\"kvm: cannot allocate memory\"}]");
        assertEquals(ToolResult.error("start of VM 100: task failed: command 'qm start' failed: exit code 1 (" + UPID + ")"
                + "\nlast log lines:\n  kvm: cannot allocate memory"), finish(UPID, new Start(true, 10)));
    }

    @Test
    void finishWithAStillRunningTaskIsNotAnError() {
        pack.proxmox().respond("GET", STATUS, status("running", null));
        ToolResult result = finish(UPID, new Start(true, 0));
        assertEquals(ToolResult.ok("start of VM 100: task still running after the wait timeout (" + UPID
                + "); follow it with proxmox_node_task_get"), result);
    }

    @Test
    void finishWithoutWaitingSendsNothing() {
        assertEquals(ToolResult.ok("start of VM 100: started, task " + UPID), finish(UPID, new Start(false, null)));
        assertEquals(ToolResult.ok("start of VM 100: done"), finish(null, new Start(true, null)));
        assertEquals(ToolResult.ok("start of VM 100: done"), finish("OK", new Start(true, null)));
        pack.assertNothingSent();
    }

    @Test
    void taskInputDefaults() {
        assertTrue(new Start(null, null).waits());
        assertFalse(new Start(false, null).waits());
        assertEquals(Duration.ofSeconds(300), new Start(null, null).waitTimeout());
        assertEquals(Duration.ofSeconds(42), new Start(null, 42).waitTimeout());
    }
}
