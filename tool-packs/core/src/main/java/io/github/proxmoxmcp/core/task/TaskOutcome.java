package io.github.proxmoxmcp.core.task;

import java.util.List;

/** How a task ended, or that it is still running when the wait ran out. */
public record TaskOutcome(String upid, State state, String exitStatus, List<String> logTail) {

    /** The state of the task when the wait ended. */
    public enum State { OK, WARNINGS, FAILED, RUNNING }

    public boolean succeeded() {
        return state == State.OK || state == State.WARNINGS;
    }

    /** One or more lines saying how it went, for a tool result. */
    public String describe() {
        return switch (state) {
            case OK -> "task OK (" + upid + ")";
            case WARNINGS -> "task finished with " + exitStatus.toLowerCase(java.util.Locale.ROOT) + " (" + upid + ")"
                    + tail();
            case FAILED -> "task failed: " + exitStatus + " (" + upid + ")" + tail();
            case RUNNING -> "task still running after the wait timeout (" + upid
                    + "); follow it with proxmox_node_task_get";
        };
    }

    private String tail() {
        return logTail.isEmpty() ? "" : "\nlast log lines:\n  " + String.join("\n  ", logTail);
    }
}
