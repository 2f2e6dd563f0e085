package io.github.proxmoxmcp.core.spi;

/** Reports progress of a long operation to the client, when the client asked for it. */
@FunctionalInterface
public interface ProgressReporter {

    ProgressReporter NONE = (progress, total, message) -> { };

    void report(double progress, Double total, String message);
}
