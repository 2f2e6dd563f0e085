package io.github.proxmoxmcp.core.spi;

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
}
