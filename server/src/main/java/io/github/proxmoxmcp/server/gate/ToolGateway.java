package io.github.proxmoxmcp.server.gate;

import io.github.proxmoxmcp.core.runtime.BeanToolContext;
import io.github.proxmoxmcp.core.runtime.ToolInvoker;
import io.github.proxmoxmcp.core.spi.ProgressReporter;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.context.BeanContext;
import jakarta.inject.Singleton;
import java.util.Map;
import reactor.core.publisher.Mono;

/** The one way a tool runs, from MCP or from the {@code call} command: through the permission gate. */
@Singleton
public class ToolGateway {

    private final ToolInvoker invoker;
    private final BeanContext beans;

    ToolGateway(ToolInvoker invoker, BeanContext beans) {
        this.invoker = invoker;
        this.beans = beans;
    }

    @PermissionGate
    public Mono<ToolResult> call(ToolDefinition<?> tool, Map<String, Object> arguments, ProgressReporter progress) {
        return invoker.invoke(tool, arguments, new BeanToolContext(beans, progress))
                .onErrorResume(failure -> Mono.just(invoker.errorResult(failure)));
    }
}
