package io.github.proxmoxmcp.core.testing;

import io.github.proxmoxmcp.core.runtime.BeanToolContext;
import io.github.proxmoxmcp.core.runtime.ToolInvoker;
import io.github.proxmoxmcp.core.spi.ProgressReporter;
import io.github.proxmoxmcp.core.spi.ToolDefinition;
import io.github.proxmoxmcp.core.spi.ToolPack;
import io.github.proxmoxmcp.core.spi.ToolResult;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs a pack's tools the way the server does (bind, validate, confirm, handle) against
 * {@link MockProxmox}, with token auth, fast retries and fast task polling.
 */
public final class PackHarness implements AutoCloseable {

    public static final String TOKEN_ID = "root@pam!mcp";
    public static final String TOKEN_SECRET = "11111111-2222-3333-4444-555555555555";

    private final ToolPack pack;
    private final MockProxmox proxmox;
    private final ApplicationContext context;
    private final List<String> progress = new CopyOnWriteArrayList<>();

    private PackHarness(ToolPack pack, Map<String, Object> extraProperties, Set<String> removedProperties) {
        this.pack = pack;
        this.proxmox = MockProxmox.shared();
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.http.services.proxmox.url", proxmox.url());
        properties.put("proxmox.timeout", "5s");
        properties.put("proxmox.token-id", TOKEN_ID);
        properties.put("proxmox.token-secret", TOKEN_SECRET);
        properties.put("proxmox.retry-attempts", 2);
        properties.put("proxmox.retry-delay", "5ms");
        properties.put("proxmox.max-retry-delay", "20ms");
        properties.put("proxmox.rate-limit", 1000);
        properties.put("proxmox.task-poll-interval", "5ms");
        properties.putAll(extraProperties);
        properties.keySet().removeAll(removedProperties);
        this.context = ApplicationContext.builder().properties(properties).deduceEnvironment(false).banner(false).start();
    }

    public static PackHarness start(ToolPack pack) {
        return new PackHarness(pack, Map.of(), Set.of());
    }

    /** With these properties added to (or overriding) the defaults. */
    public static PackHarness start(ToolPack pack, Map<String, Object> properties) {
        return new PackHarness(pack, properties, Set.of());
    }

    /** With password (ticket) auth instead of the API token: {@code proxmox.user} and {@code proxmox.password} set. */
    public static PackHarness startWithPassword(ToolPack pack, String user, String password, Map<String, Object> properties) {
        Map<String, Object> merged = new HashMap<>(properties);
        merged.put("proxmox.user", user);
        merged.put("proxmox.password", password);
        return new PackHarness(pack, merged, Set.of("proxmox.token-id", "proxmox.token-secret"));
    }

    /** A pack without tools, for tests that drive the core's beans directly. */
    public static ToolPack emptyPack() {
        return new ToolPack() {
            @Override
            public String name() {
                return "none";
            }

            @Override
            public String summary() {
                return "no tools";
            }

            @Override
            public List<ToolDefinition<?>> tools() {
                return List.of();
            }
        };
    }

    public MockProxmox proxmox() {
        return proxmox;
    }

    public ApplicationContext context() {
        return context;
    }

    /** Progress messages reported during calls, in order. */
    public List<String> progress() {
        return progress;
    }

    public ToolDefinition<?> tool(String name) {
        return pack.tools().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tool " + name + " in pack " + pack.name()));
    }

    public ToolResult call(String tool, String argumentsJson) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> arguments = context.getBean(JsonMapper.class).readValue(argumentsJson, Map.class);
            return call(tool, arguments);
        } catch (IOException e) {
            throw new IllegalArgumentException("bad test JSON: " + argumentsJson, e);
        }
    }

    public ToolResult call(String tool, Map<String, Object> arguments) {
        ProgressReporter reporter = (p, total, message) -> progress.add(message);
        ToolResult result = context.getBean(ToolInvoker.class)
                .invoke(tool(tool), arguments, new BeanToolContext(context, reporter))
                .block(Duration.ofSeconds(30));
        if (result == null) {
            throw new AssertionError(tool + " completed without a result");
        }
        return result;
    }

    @Override
    public void close() {
        context.close();
    }
}
