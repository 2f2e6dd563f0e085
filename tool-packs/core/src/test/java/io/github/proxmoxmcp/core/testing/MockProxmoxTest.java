package io.github.proxmoxmcp.core.testing;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * A {@code @MicronautTest} whose Proxmox service is the shared {@link MockProxmox}, with token auth, fast retries
 * and fast task polling, and a clean MockServer before each test. Override {@link #properties()} to add or
 * change properties, {@link #removedProperties()} to drop defaults (e.g. the token for password auth).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public interface MockProxmoxTest extends TestPropertyProvider {

    String TOKEN_ID = "root@pam!mcp";
    String TOKEN_SECRET = "11111111-2222-3333-4444-555555555555";

    /** The properties a contract test runs with: {@link MockProxmox} as the Proxmox host, token auth, fast retries. */
    static Map<String, Object> defaults() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.http.services.proxmox.url", MockProxmox.shared().url());
        properties.put("proxmox.timeout", "5s");
        properties.put("proxmox.token-id", TOKEN_ID);
        properties.put("proxmox.token-secret", TOKEN_SECRET);
        properties.put("proxmox.retry-attempts", 2);
        properties.put("proxmox.retry-delay", "5ms");
        properties.put("proxmox.max-retry-delay", "20ms");
        properties.put("proxmox.rate-limit", 1000);
        properties.put("proxmox.task-poll-interval", "5ms");
        return properties;
    }

    default Map<String, Object> properties() {
        return Map.of();
    }

    default Set<String> removedProperties() {
        return Set.of();
    }

    @Override
    default Map<String, String> getProperties() {
        Map<String, Object> merged = defaults();
        merged.putAll(properties());
        merged.keySet().removeAll(removedProperties());
        Map<String, String> properties = new HashMap<>();
        merged.forEach((key, value) -> properties.put(key, String.valueOf(value)));
        return properties;
    }

    @BeforeEach
    default void resetMockProxmox() {
        MockProxmox.shared().reset();
    }
}
