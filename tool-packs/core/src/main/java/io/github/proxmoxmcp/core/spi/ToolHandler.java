package io.github.proxmoxmcp.core.spi;

import reactor.core.publisher.Mono;

/** The reactive body of a tool: a validated input in, a result out. */
@FunctionalInterface
public interface ToolHandler<I> {

    Mono<ToolResult> handle(I input, ToolContext context);
}
