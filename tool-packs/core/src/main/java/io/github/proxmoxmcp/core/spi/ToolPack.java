package io.github.proxmoxmcp.core.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A set of tools for one domain, found with {@link java.util.ServiceLoader}. Building the tool list
 * must not touch the DI context: handlers resolve their clients at call time.
 */
public interface ToolPack {

    /** Short lowercase name used in PROXMOX_TOOL_PACKS, e.g. {@code node}. */
    String name();

    /** One line saying what the pack covers. */
    String summary();

    List<ToolDefinition<?>> tools();

    /**
     * The pack's agent-skill markdown (when to reach for its tools, the domain's traps, recipes), shipped in its jar
     * as {@code META-INF/proxmox-mcp/skills/<name>.md}; empty when the pack has none.
     */
    default String skill() {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/proxmox-mcp/skills/" + name() + ".md")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
