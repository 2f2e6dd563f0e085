package io.github.proxmoxmcp.core.spi;

/** The MCP tool annotations a client uses to decide what needs approval. */
public record ToolHints(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {

    public static final ToolHints READ = new ToolHints(true, false, true, false);
    public static final ToolHints WRITE = new ToolHints(false, false, false, false);
    public static final ToolHints IDEMPOTENT_WRITE = new ToolHints(false, false, true, false);
    public static final ToolHints DESTRUCTIVE = new ToolHints(false, true, false, false);
}
