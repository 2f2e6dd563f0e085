package io.github.proxmoxmcp.guest;

import io.github.proxmoxmcp.core.client.PveResponse;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.task.TaskOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The record of a multi-step flow (provision, delete with stop...): each step waits for its task, a
 * failed step ends the flow with an error listing what was already done.
 */
final class Steps {

    private final List<String> done = new ArrayList<>();
    private final ToolContext context;
    private final Duration timeout;

    Steps(ToolContext context, Duration timeout) {
        this.context = context;
        this.timeout = timeout;
    }

    void note(String line) {
        done.add(line);
    }

    /** Runs a task-starting call and waits for it; a failed or unfinished task fails the flow. */
    Mono<TaskOutcome> task(String what, Mono<PveResponse> call) {
        return call.flatMap(response -> {
            String upid = response.string();
            if (upid == null || !upid.startsWith("UPID:")) {
                done.add(what + ": done");
                return Mono.just(new TaskOutcome("", TaskOutcome.State.OK, "OK", List.of()));
            }
            return context.tasks().await(upid, timeout, context.progress()).flatMap(outcome -> {
                if (!outcome.succeeded()) {
                    return Mono.error(new Failed(what + ": " + outcome.describe()));
                }
                done.add(what + ": " + outcome.describe());
                return Mono.just(outcome);
            });
        });
    }

    Mono<ToolResult> fail(String message) {
        return Mono.error(new Failed(message));
    }

    String text() {
        return String.join("\n", done);
    }

    /** Turns a failed step into an error result that also says which steps had completed. */
    Mono<ToolResult> finish(Mono<ToolResult> flow) {
        return flow.onErrorResume(Failed.class, failure -> Mono.just(ToolResult.error(
                failure.getMessage() + (done.isEmpty() ? "" : "\ncompleted before the failure:\n  "
                        + String.join("\n  ", done)))));
    }

    /** A step that did not succeed; its message is the whole story of that step. */
    static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message, null, false, false);
        }
    }
}
