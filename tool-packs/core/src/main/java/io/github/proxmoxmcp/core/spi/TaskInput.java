package io.github.proxmoxmcp.core.spi;

import java.time.Duration;

/** An input of a tool that starts a Proxmox task: whether to wait for it, and for how long. */
public interface TaskInput {

    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);

    /** Always wait, up to the default timeout: for tools whose tasks end quickly and take no wait fields. */
    TaskInput WAIT = new TaskInput() {
        @Override
        public Boolean waitForTask() {
            return null;
        }

        @Override
        public Integer timeout() {
            return null;
        }
    };

    /** Wait for the task to end (default true). */
    Boolean waitForTask();

    /** Seconds to wait before answering "still running" (default 300). */
    Integer timeout();

    default boolean waits() {
        return !Boolean.FALSE.equals(waitForTask());
    }

    default Duration waitTimeout() {
        return timeout() == null ? DEFAULT_TIMEOUT : Duration.ofSeconds(timeout());
    }
}
