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
 * @param pveMajor     the Proxmox VE major version the sandbox answers as: 8 or 9
 */
public record SandboxOptions(long seed, Instant fixedClock, Duration taskDuration, int pveMajor) {

    public static final Duration DEFAULT_TASK_DURATION = Duration.ofMillis(300);
    public static final int DEFAULT_PVE_MAJOR = 9;

    public SandboxOptions {
        if (taskDuration == null) {
            taskDuration = DEFAULT_TASK_DURATION;
        }
        if (taskDuration.isNegative()) {
            throw new IllegalArgumentException("taskDuration must not be negative");
        }
        if (pveMajor != 8 && pveMajor != 9) {
            throw new IllegalArgumentException("pveMajor must be 8 or 9, not " + pveMajor);
        }
    }

    /** Answering as Proxmox VE 9. */
    public SandboxOptions(long seed, Instant fixedClock, Duration taskDuration) {
        this(seed, fixedClock, taskDuration, DEFAULT_PVE_MAJOR);
    }

    /** Seed 42, the real clock, 300 ms tasks, Proxmox VE 9. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(42L, null, DEFAULT_TASK_DURATION, DEFAULT_PVE_MAJOR);
    }

    public SandboxOptions withPveMajor(int major) {
        return new SandboxOptions(seed, fixedClock, taskDuration, major);
    }
}
