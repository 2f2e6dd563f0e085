package io.github.proxmoxmcp.core.runtime;

import io.github.proxmoxmcp.core.client.ProxmoxConfiguration;
import io.github.proxmoxmcp.core.spi.ProgressReporter;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.task.TaskWaiter;
import io.micronaut.context.BeanLocator;
import java.util.Optional;

/** The {@link ToolContext} of one call, backed by the running bean context. */
public record BeanToolContext(BeanLocator beans, ProgressReporter progress) implements ToolContext {

    @Override
    public <T> T bean(Class<T> type) {
        return beans.getBean(type);
    }

    @Override
    public TaskWaiter tasks() {
        return beans.getBean(TaskWaiter.class);
    }

    @Override
    public Optional<String> defaultNode() {
        return Optional.ofNullable(beans.getBean(ProxmoxConfiguration.class).defaultNode());
    }
}
