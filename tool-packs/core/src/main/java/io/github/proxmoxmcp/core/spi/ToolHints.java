package io.github.proxmoxmcp.core.spi;

import java.util.LinkedHashMap;
import java.util.Map;

/** The MCP tool annotations a client uses to decide what needs approval. */
public record ToolHints(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {

    public static final ToolHints READ = new ToolHints(true, false, true, false);
    public static final ToolHints WRITE = new ToolHints(false, false, false, false);
    public static final ToolHints IDEMPOTENT_WRITE = new ToolHints(false, false, true, false);
    public static final ToolHints DESTRUCTIVE = new ToolHints(false, true, false, false);

    /**
     * The hints as MCP annotations, keeping only those that differ from the MCP defaults (readOnly
     * false, destructive true, idempotent false, openWorld true): the meaning is the same and every
     * byte of the catalog is paid on each agent turn. Destructive and idempotent mean nothing for a
     * read-only tool.
     */
    public Map<String, Boolean> annotations() {
        Map<String, Boolean> annotations = new LinkedHashMap<>();
        if (readOnly) {
            annotations.put("readOnlyHint", true);
        } else {
            if (!destructive) {
                annotations.put("destructiveHint", false);
            }
            if (idempotent) {
                annotations.put("idempotentHint", true);
            }
        }
        if (!openWorld) {
            annotations.put("openWorldHint", false);
        }
        return annotations;
    }
}
