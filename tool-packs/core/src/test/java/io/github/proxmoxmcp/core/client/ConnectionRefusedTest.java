package io.github.proxmoxmcp.core.client;

import static io.github.proxmoxmcp.core.testing.PackAssertions.CONNECTION_HINT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.testing.ScriptedProxmox;
import io.github.proxmoxmcp.core.testing.ScriptedProxmoxTest;
import io.github.proxmoxmcp.core.testing.Timed;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Nothing listens on the configured port: the error names host:port and the variables that set them. */
@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionRefusedTest implements TestPropertyProvider {

    private final int closedPort = closedPort();

    @Inject
    VersionClient version;
    @Inject
    ProbeClient probe;
    @Inject
    JsonMapper json;

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return ScriptedProxmox.clientProperties("http://127.0.0.1:" + closedPort, ScriptedProxmoxTest.QUICK_RETRIES);
    }

    @Test
    void aGetIsTriedFourTimesAndNamesTheAddress() {
        Timed<PveResponse> call = Timed.run(() -> version.version().block(Duration.ofSeconds(10)));

        assertEquals("Proxmox request failed: GET /version: cannot connect to 127.0.0.1:" + closedPort
                + " (connection refused), tried 4 times\n" + CONNECTION_HINT,
                ProxmoxErrors.map(call.failureOrFail(), json).userMessage());
        // three backoff pauses (at least 10 + 20 + 40 ms with jitter), and no attempt waits for a timeout
        assertTrue(call.millis() >= 70 && call.millis() < 2000, call.millis() + " ms");
    }

    @Test
    void aWriteIsNotRetriedEvenThoughNothingWasSent() {
        Timed<PveResponse> call = Timed.run(() -> probe.start("pve1", 100, Map.of()).block(Duration.ofSeconds(10)));

        assertEquals("Proxmox request failed: POST /nodes/pve1/qemu/100/status/start: cannot connect to 127.0.0.1:" + closedPort
                + " (connection refused)\n" + CONNECTION_HINT, ProxmoxErrors.map(call.failureOrFail(), json).userMessage());
    }
}
