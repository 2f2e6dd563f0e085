package io.github.proxmoxmcp.core.testing;

import io.github.proxmoxmcp.core.client.VersionClient;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of a {@code @MicronautTest} class whose Proxmox is a {@link ScriptedProxmox}: the fake starts with the
 * test instance and stops after the class, is cleared before each test, and the client sends one request before
 * the first test so that no timing assertion measures the building of the HTTP client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ScriptedProxmoxTest implements TestPropertyProvider {

    /** 300 ms per attempt; a GET is tried 4 times, 20, 40 and 80 ms apart (jitter ±50 %, at most 100 ms). */
    public static final Map<String, String> QUICK_RETRIES = Map.of("proxmox.timeout", "300ms", "proxmox.retry-attempts", "3",
            "proxmox.retry-delay", "20ms", "proxmox.max-retry-delay", "100ms");

    protected final ScriptedProxmox proxmox = ScriptedProxmox.start();

    @Inject
    protected VersionClient version;

    /** The client settings under test, on top of {@link ScriptedProxmox#clientProperties}. */
    protected abstract Map<String, String> settings();

    @Override
    public final Map<String, String> getProperties() {
        return proxmox.clientProperties(settings());
    }

    @BeforeAll
    final void warmUp() {
        proxmox.warmUp(version);
    }

    @BeforeEach
    final void clean() {
        proxmox.clear();
    }

    @AfterAll
    final void stop() {
        proxmox.close();
    }
}
