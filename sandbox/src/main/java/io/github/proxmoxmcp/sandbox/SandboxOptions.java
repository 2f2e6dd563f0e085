package io.github.proxmoxmcp.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * How a sandbox behaves.
 *
 * @param seed         drives every generated value (credentials, MAC addresses, task ids, metrics)
 * @param fixedClock   the simulated "now"; {@code null} uses the real clock. With a fixed clock every answer is the
 *                     same run to run: each started task moves the simulated clock one second on.
 * @param taskDuration how long a task stays running before it stops; {@code null} means 300 ms
 */
public record SandboxOptions(long seed, Instant fixedClock, Duration taskDuration) {

    public static final Duration DEFAULT_TASK_DURATION = Duration.ofMillis(300);

    public SandboxOptions {
        if (taskDuration == null) {
            taskDuration = DEFAULT_TASK_DURATION;
        }
        if (taskDuration.isNegative()) {
            throw new IllegalArgumentException("taskDuration must not be negative");
        }
    }

    /** Seed 42, the real clock, 300 ms tasks. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(42L, null, DEFAULT_TASK_DURATION);
    }
}
