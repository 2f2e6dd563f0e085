package io.github.proxmoxmcp.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolHintsTest {

    @Test
    void annotationsCarryOnlyWhatDiffersFromTheMcpDefaults() {
        assertEquals(Map.of("readOnlyHint", true, "openWorldHint", false), ToolHints.READ.annotations());
        assertEquals(Map.of("destructiveHint", false, "openWorldHint", false), ToolHints.WRITE.annotations());
        assertEquals(Map.of("destructiveHint", false, "idempotentHint", true, "openWorldHint", false),
                ToolHints.IDEMPOTENT_WRITE.annotations());
        assertEquals(Map.of("openWorldHint", false), ToolHints.DESTRUCTIVE.annotations());
        assertEquals(Map.of("readOnlyHint", true), new ToolHints(true, false, true, true).annotations());
    }
}
