package io.github.proxmoxmcp.sandbox;

import java.time.Instant;

/** The sandbox's notion of "now" in epoch seconds: the real clock, or a fixed instant moved on only by tasks. */
final class SimClock {

    private final Instant fixed;
    private long offset;

    SimClock(Instant fixed) {
        this.fixed = fixed;
    }

    long now() {
        return fixed == null ? Instant.now().getEpochSecond() : fixed.getEpochSecond() + offset;
    }

    boolean isFixed() {
        return fixed != null;
    }

    /** Moves a fixed clock on; the real clock moves by itself. */
    void advance(long seconds) {
        if (fixed != null) {
            offset += seconds;
        }
    }
}
