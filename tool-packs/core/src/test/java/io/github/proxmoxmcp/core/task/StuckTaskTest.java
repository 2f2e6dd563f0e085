package io.github.proxmoxmcp.core.task;

import static io.github.proxmoxmcp.core.testing.ScriptedProxmox.json;
import static io.github.proxmoxmcp.core.testing.ScriptedProxmox.stall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.client.PveResponse;
import io.github.proxmoxmcp.core.runtime.BeanToolContext;
import io.github.proxmoxmcp.core.spi.ProgressReporter;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.testing.ScriptedProxmoxTest;
import io.github.proxmoxmcp.core.testing.TaskIds;
import io.github.proxmoxmcp.core.testing.Timed;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** A task that never ends, or whose status never comes: the wait ends on time with "still running", not an error. */
@MicronautTest(startApplication = false)
class StuckTaskTest extends ScriptedProxmoxTest {

    private static final String UPID = TaskIds.upid("pve1", "qmstart", 100);
    private static final String STATUS = "/nodes/pve1/tasks/" + TaskIds.encoded(UPID) + "/status";
    private static final ProgressReporter QUIET = (progress, total, message) -> { };
    private static final long SLACK_MS = 1500;

    @Inject
    TaskWaiter waiter;
    @Inject
    ApplicationContext context;

    @Override
    protected Map<String, String> settings() {
        return QUICK_RETRIES;
    }

    private static String running() {
        return "{\"upid\":\"" + UPID + "\",\"node\":\"pve1\",\"type\":\"qmstart\",\"id\":\"100\",\"status\":\"running\"}";
    }

    @Test
    void aTaskStillRunningAtTheTimeoutIsReportedAsRunning() {
        proxmox.on("GET", STATUS, json(running()));

        Timed<TaskOutcome> wait = Timed.run(() -> waiter.await(UPID, Duration.ofMillis(500), QUIET).block(Duration.ofSeconds(10)));

        assertEquals(new TaskOutcome(UPID, TaskOutcome.State.RUNNING, "", List.of()), wait.valueOrFail());
        assertTrue(wait.millis() >= 500 && wait.millis() < 500 + SLACK_MS, wait.millis() + " ms");
        assertTrue(proxmox.received().size() >= 2, proxmox.lines().toString());
        assertTrue(proxmox.lines().stream().allMatch(("GET " + STATUS)::equals), proxmox.lines().toString());
    }

    @Test
    void aStatusThatNeverComesEndsTheWaitOnTimeToo() {
        proxmox.on("GET", STATUS, stall());

        Timed<TaskOutcome> wait = Timed.run(() -> waiter.await(UPID, Duration.ofMillis(500), QUIET).block(Duration.ofSeconds(10)));

        // the poll's own retries (4 x 300 ms) would take longer: the wait's timeout wins
        assertEquals(TaskOutcome.State.RUNNING, wait.valueOrFail().state());
        assertTrue(wait.millis() >= 500 && wait.millis() < 500 + SLACK_MS, wait.millis() + " ms");
    }

    record Start(Boolean waitForTask, Integer timeout) implements TaskInput {
    }

    @Test
    void aToolThatStartedItSaysItIsStillRunningAndHowToFollowIt() {
        proxmox.on("GET", STATUS, json(running()));

        Timed<ToolResult> finish = Timed.run(() -> Tasks.finish(Mono.just(new PveResponse(JsonNode.createStringNode(UPID))),
                new Start(true, 1), new BeanToolContext(context, QUIET), "start of VM 100").block(Duration.ofSeconds(10)));

        assertEquals(ToolResult.ok("start of VM 100: task still running after the wait timeout (" + UPID
                + "); follow it with proxmox_node_task_get"), finish.valueOrFail());
        assertTrue(finish.millis() >= 1000 && finish.millis() < 1000 + SLACK_MS, finish.millis() + " ms");
    }
}
