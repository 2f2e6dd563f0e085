package io.github.proxmoxmcp.core.task;

import io.github.proxmoxmcp.core.client.PveResponse;
import io.github.proxmoxmcp.core.spi.TaskInput;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolResult;
import reactor.core.publisher.Mono;

/** The usual ending of a tool that starts a task: wait for it (or not) and say how it went. */
public final class Tasks {

    private Tasks() {
    }

    /**
     * @param what what was started, e.g. {@code "start of VM 100"}, for the first line of the result
     */
    public static Mono<ToolResult> finish(Mono<PveResponse> started, TaskInput input, ToolContext context, String what) {
        return started.flatMap(response -> {
            String upid = response.string();
            if (upid == null || !upid.startsWith("UPID:")) {
                return Mono.just(ToolResult.ok(what + ": done"));
            }
            if (!input.waits()) {
                return Mono.just(ToolResult.ok(what + ": started, task " + upid));
            }
            return context.tasks().await(upid, input.waitTimeout(), context.progress())
                    .map(outcome -> outcome.succeeded() || outcome.state() == TaskOutcome.State.RUNNING
                            ? ToolResult.ok(what + ": " + outcome.describe())
                            : ToolResult.error(what + ": " + outcome.describe()));
        });
    }
}
