package io.github.proxmoxmcp.core.spi;

/** What a tool answers: compact text for the agent, flagged when it is a failure the user can act on. */
public record ToolResult(String text, boolean error) {

    public static ToolResult ok(String text) {
        return new ToolResult(text, false);
    }

    public static ToolResult error(String text) {
        return new ToolResult(text, true);
    }
}
