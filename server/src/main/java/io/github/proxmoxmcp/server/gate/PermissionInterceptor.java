package io.github.proxmoxmcp.server.gate;

import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

/** Refuses ELEVATED tools when elevated mode is off, whether or not the tool was listed. */
@Singleton
@InterceptorBean(PermissionGate.class)
final class PermissionInterceptor implements MethodInterceptor<Object, Object> {

    private final boolean allowElevated;

    PermissionInterceptor(@Value("${proxmox.allow-elevated:false}") boolean allowElevated) {
        this.allowElevated = allowElevated;
    }

    @Override
    @Nullable
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        Object[] arguments = context.getParameterValues();
        if (arguments.length == 0 || !(arguments[0] instanceof ToolDefinition<?> tool)) {
            throw new IllegalStateException("@PermissionGate needs the tool as first parameter: " + context.getMethodName());
        }
        if (tool.elevated() && !allowElevated) {
            return Mono.just(refusal(tool.name()));
        }
        return context.proceed();
    }

    static ToolResult refusal(String tool) {
        return ToolResult.error("Permission denied: " + tool + " changes the cluster and elevated tools are disabled. "
                + "Nothing was sent to Proxmox. An operator can enable them with PROXMOX_ALLOW_ELEVATED=true.");
    }
}
