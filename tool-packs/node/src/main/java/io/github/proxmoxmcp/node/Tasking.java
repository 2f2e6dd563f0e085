package io.github.proxmoxmcp.node;

import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.task.Upid;

/** Which node a task lives on: the one given, else the one named in its UPID. */
final class Tasking {

    private Tasking() {
    }

    static String nodeOf(String upid, String node, ToolContext context) {
        Upid parsed = Upid.parse(upid).orElseThrow(() -> new ToolInputException(
                "upid is not a task id (UPID:node:pid:pstart:starttime:type:id:user:)"));
        return node == null || node.isBlank() ? parsed.node() : context.node(node);
    }
}
