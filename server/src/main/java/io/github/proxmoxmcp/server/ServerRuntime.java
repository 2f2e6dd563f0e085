package io.github.proxmoxmcp.server;

import io.github.proxmoxmcp.server.config.Settings;
import io.github.proxmoxmcp.server.gate.ToolGateway;
import io.github.proxmoxmcp.server.registry.ToolRegistry;
import io.micronaut.context.ApplicationContext;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;

/**
 * The registry (ready at once) and the DI context (started in the background), so listing tools
 * never waits for beans and the first call waits only as long as the context still needs.
 */
public final class ServerRuntime implements AutoCloseable {

    private final Settings settings;
    private final ToolRegistry registry;
    private final CompletableFuture<ApplicationContext> context;

    private ServerRuntime(Settings settings, ToolRegistry registry, CompletableFuture<ApplicationContext> context) {
        this.settings = settings;
        this.registry = registry;
        this.context = context;
    }

    public static ServerRuntime start(Settings settings) {
        ToolRegistry registry = ToolRegistry.load(settings.packs());
        CompletableFuture<ApplicationContext> context = CompletableFuture.supplyAsync(() -> ApplicationContext.builder()
                .properties(settings.properties())
                .deduceEnvironment(false)
                .banner(false)
                .start());
        return new ServerRuntime(settings, registry, context);
    }

    public Settings settings() {
        return settings;
    }

    public ToolRegistry registry() {
        return registry;
    }

    public Mono<ToolGateway> gateway() {
        return Mono.fromFuture(context, true).map(c -> c.getBean(ToolGateway.class));
    }

    @Override
    public void close() {
        context.thenAccept(ApplicationContext::close).exceptionally(e -> null);
    }
}
