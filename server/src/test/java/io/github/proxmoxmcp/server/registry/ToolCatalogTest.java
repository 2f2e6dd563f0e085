package io.github.proxmoxmcp.server.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.spi.ToolHints;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import org.junit.jupiter.api.Test;

class ToolCatalogTest {

    @Test
    void annotationsCarryOnlyWhatDiffersFromTheMcpDefaults() {
        assertEquals(new ToolAnnotations(null, true, null, null, false, null), ToolCatalog.annotations(ToolHints.READ));
        assertEquals(new ToolAnnotations(null, null, false, null, false, null), ToolCatalog.annotations(ToolHints.WRITE));
        assertEquals(new ToolAnnotations(null, null, false, true, false, null), ToolCatalog.annotations(ToolHints.IDEMPOTENT_WRITE));
        assertEquals(new ToolAnnotations(null, null, null, null, false, null), ToolCatalog.annotations(ToolHints.DESTRUCTIVE));
    }
}
