package io.github.proxmoxmcp.server.registry;

import io.github.proxmoxmcp.core.spi.ToolDefinition;

/** A tool together with the pack it came from. */
public record RegisteredTool(String pack, ToolDefinition<?> definition) {

    public String name() {
        return definition.name();
    }
}
