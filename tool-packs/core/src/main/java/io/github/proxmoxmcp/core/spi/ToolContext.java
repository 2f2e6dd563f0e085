package io.github.proxmoxmcp.core.spi;

import io.github.proxmoxmcp.core.task.TaskWaiter;
import java.util.Optional;

/** What a handler gets at call time: the Proxmox clients, the task waiter and progress reporting. */
public interface ToolContext {

    /** A bean of the running context, typically a declarative Proxmox client of the pack. */
    <T> T bean(Class<T> type);

    TaskWaiter tasks();

    ProgressReporter progress();

    /** The node configured with PROXMOX_DEFAULT_NODE, if any. */
    Optional<String> defaultNode();

    /** The node given, else PROXMOX_DEFAULT_NODE, else an input error naming the field. */
    default String node(String given) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        return defaultNode().orElseThrow(() -> new ToolInputException(
                "node is required (or set PROXMOX_DEFAULT_NODE); list nodes with proxmox_node_list"));
    }
}
