package io.github.proxmoxmcp.core.task;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.ProxmoxApiException;
import io.github.proxmoxmcp.core.client.ProxmoxConfiguration;
import io.github.proxmoxmcp.core.client.ProxmoxErrors;
import io.github.proxmoxmcp.core.client.PveResponse;
import io.github.proxmoxmcp.core.spi.ProgressReporter;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import reactor.core.publisher.Mono;

/**
 * Waits for a task by polling {@code /nodes/{node}/tasks/{upid}/status} until it is stopped, then
 * reads {@code exitstatus}: {@code OK}, {@code WARNINGS: n} (success) or anything else (failure, with
 * the tail of the task log). A 400 right after the start means the task is not visible yet.
 */
@Singleton
public final class TaskWaiter {

    static final int LOG_TAIL_LINES = 15;
    private static final Duration NOT_VISIBLE_GRACE = Duration.ofSeconds(10);

    private final TaskClient client;
    private final Duration pollInterval;
    private final JsonMapper json;

    TaskWaiter(TaskClient client, ProxmoxConfiguration config, JsonMapper json) {
        this.client = client;
        this.pollInterval = config.taskPollInterval();
        this.json = json;
    }

    public Mono<TaskOutcome> await(String upidText, Duration timeout, ProgressReporter progress) {
        Upid upid = Upid.parse(upidText).orElse(null);
        if (upid == null) {
            return Mono.error(new ProxmoxApiException(ProxmoxApiException.Kind.PROTOCOL, 0,
                    "Proxmox returned no task id where one was expected: " + upidText, java.util.Map.of()));
        }
        long started = System.nanoTime();
        int[] polls = {0};
        Mono<JsonNode> poll = Mono.defer(() -> client.status(upid.node(), upid.value()))
                .map(PveResponse::dataOrNull)
                .onErrorResume(e -> notYetVisible(e, started) ? Mono.just(JsonNode.nullNode()) : Mono.error(e))
                .doOnNext(status -> progress.report(++polls[0], null, upid.type() + " " + upid.id() + ": "
                        + Json.text(status, "status", "starting")));
        return poll.repeatWhen(done -> done.delayElements(pollInterval))
                .filter(status -> "stopped".equals(Json.text(status, "status")))
                .next()
                .flatMap(status -> outcome(upid, Json.text(status, "exitstatus", "unknown")))
                .timeout(timeout, Mono.fromSupplier(() -> new TaskOutcome(upid.value(), TaskOutcome.State.RUNNING, "", List.of())))
                .onErrorMap(e -> ProxmoxErrors.map(e, json));
    }

    private Mono<TaskOutcome> outcome(Upid upid, String exitStatus) {
        if (exitStatus.equals("OK")) {
            return Mono.just(new TaskOutcome(upid.value(), TaskOutcome.State.OK, exitStatus, List.of()));
        }
        TaskOutcome.State state = exitStatus.toUpperCase(Locale.ROOT).startsWith("WARNINGS")
                ? TaskOutcome.State.WARNINGS
                : TaskOutcome.State.FAILED;
        return logTail(upid)
                .map(tail -> new TaskOutcome(upid.value(), state, exitStatus, tail));
    }

    /** The last lines of the task log; an unreadable log is not a reason to hide the outcome. */
    public Mono<List<String>> logTail(Upid upid) {
        return client.log(upid.node(), upid.value(), 0, 5000)
                .map(response -> {
                    List<String> lines = response.list().stream().map(line -> Json.text(line, "t", "")).toList();
                    return lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
                })
                .onErrorReturn(List.of());
    }

    private static boolean notYetVisible(Throwable failure, long startedNanos) {
        Throwable cause = failure;
        boolean badRequest = cause instanceof io.micronaut.http.client.exceptions.HttpClientResponseException r && r.code() == 400
                || cause instanceof ProxmoxApiException api && api.status() == 400;
        return badRequest && System.nanoTime() - startedNanos < NOT_VISIBLE_GRACE.toNanos();
    }
}
