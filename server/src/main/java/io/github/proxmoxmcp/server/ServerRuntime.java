package io.github.proxmoxmcp.server;

import io.github.proxmoxmcp.server.config.Settings;
import io.github.proxmoxmcp.server.gate.ToolGateway;
import io.github.proxmoxmcp.server.registry.DeferredSchemaValidator;
import io.github.proxmoxmcp.server.registry.ToolRegistry;
import io.micronaut.context.ApplicationContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;

/**
 * The registry (ready at once), the schema validator and the DI context, started in the background once the first
 * answers are out (see {@link #startContext()}): on two cores it would otherwise slow down the
 * {@code initialize} answer it is not needed for. A call waits only as long as the context still needs.
 */
public final class ServerRuntime implements AutoCloseable {

    private final Settings settings;
    private final ToolRegistry registry;
    private final CompletableFuture<ApplicationContext> context;
    private final DeferredSchemaValidator schemaValidator = new DeferredSchemaValidator();
    private final AtomicBoolean started;

    private ServerRuntime(Settings settings, ToolRegistry registry, boolean withContext) {
        this.settings = settings;
        this.registry = registry;
        this.context = new CompletableFuture<>();
        this.started = new AtomicBoolean(!withContext);
        if (!withContext) {
            context.completeExceptionally(new IllegalStateException("this runtime has no bean context"));
        }
    }

    public static ServerRuntime start(Settings settings) {
        return new ServerRuntime(settings, ToolRegistry.load(settings.packs(), settings.tools()), true);
    }

    /** A runtime whose bean context never starts: it answers everything but tool calls (for recording the first answers). */
    public static ServerRuntime withoutContext(Settings settings) {
        return new ServerRuntime(settings, ToolRegistry.load(settings.packs(), settings.tools()), false);
    }

    public Settings settings() {
        return settings;
    }

    public ToolRegistry registry() {
        return registry;
    }

    /** The validator of every call's arguments, built in the background with the context (see {@link #startContext()}). */
    public DeferredSchemaValidator schemaValidator() {
        return schemaValidator;
    }

    public Mono<ToolGateway> gateway() {
        startContext();
        return Mono.fromFuture(context, true).map(c -> c.getBean(ToolGateway.class));
    }

    /** Starts the DI context in the background, once; every call also starts it if nothing did before. */
    public void startContext() {
        if (started.compareAndSet(false, true)) {
            CompletableFuture.runAsync(() -> {
                try {
                    schemaValidator.prepare();
                    context.complete(ApplicationContext.builder()
                            .properties(settings.properties())
                            .deduceEnvironment(false)
                            .banner(false)
                            .start());
                } catch (RuntimeException e) {
                    context.completeExceptionally(e);
                }
            });
        }
    }

    @Override
    public void close() {
        context.thenAccept(ApplicationContext::close).exceptionally(e -> null);
    }
}
