package io.github.proxmoxmcp.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.github.proxmoxmcp.core.testing.PackHarness;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only GET is retried (the harness allows 2 retries), and only on 502/503/504/595/596 and transport failures. */
@MicronautTest
class RetryTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    private ProbeClient client() {
        return pack.bean(ProbeClient.class);
    }

    private VersionClient versionClient() {
        return pack.bean(VersionClient.class);
    }

    private ProxmoxApiException failure(Runnable call) {
        RuntimeException thrown = assertThrows(RuntimeException.class, call::run);
        return ProxmoxErrors.map(thrown, pack.bean(JsonMapper.class));
    }

    @Test
    void getAnswered503TwiceThen200IsRetriedAndSucceeds() {
        pack.proxmox().expect("GET", "/version", Map.of(), 503, "Service Unavailable", "{\"data\":null}", 2);
        pack.proxmox().respond("GET", "/version", "{\"version\":\"9.1.2\"}");

        PveResponse response = versionClient().version().block(Duration.ofSeconds(10));

        assertEquals("9.1.2", Json.text(response.data(), "version"));
        assertEquals(Collections.nCopies(3, "GET /version"), pack.lines());
    }

    @Test
    void getAnswered503AlwaysFailsAfterRetryAttemptsPlusOne() {
        pack.proxmox().fail("GET", "/version", 503, "Service Unavailable", Map.of());

        ProxmoxApiException failure = failure(() -> versionClient().version().block(Duration.ofSeconds(10)));

        assertEquals(ProxmoxApiException.Kind.UNAVAILABLE, failure.kind());
        assertEquals(503, failure.status());
        assertEquals("Proxmox API error 503: Service Unavailable, tried 3 times\nProxmox is temporarily unavailable; try again shortly.",
                failure.userMessage());
        assertEquals(Collections.nCopies(3, "GET /version"), pack.lines());
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 504, 595, 596})
    void otherTransientStatusesAreRetriedForGet(int status) {
        pack.proxmox().expect("GET", "/version", Map.of(), status, "transient", "{\"data\":null}", 1);
        pack.proxmox().respond("GET", "/version", "{\"version\":\"9.1.2\"}");

        versionClient().version().block(Duration.ofSeconds(10));

        assertEquals(Collections.nCopies(2, "GET /version"), pack.lines());
    }

    @Test
    void postAnswered503IsSentExactlyOnce() {
        pack.proxmox().fail("POST", "/nodes/pve1/qemu/100/status/start", 503, "Service Unavailable", Map.of());

        ProxmoxApiException failure = failure(() -> client().start("pve1", 100, Map.of()).block(Duration.ofSeconds(10)));

        assertEquals(ProxmoxApiException.Kind.UNAVAILABLE, failure.kind());
        assertEquals(List.of("POST /nodes/pve1/qemu/100/status/start"), pack.lines());
    }

    @Test
    void putAndDeleteAnswered503AreSentExactlyOnce() {
        pack.proxmox().fail("PUT", "/nodes/pve1/qemu/100/config", 503, "Service Unavailable", Map.of());
        pack.proxmox().fail("DELETE", "/nodes/pve1/qemu/100", 503, "Service Unavailable", Map.of());

        failure(() -> client().updateConfig("pve1", 100, Map.of("cores", "2")).block(Duration.ofSeconds(10)));
        failure(() -> client().destroy("pve1", 100, Map.of()).block(Duration.ofSeconds(10)));

        assertEquals(List.of("PUT /nodes/pve1/qemu/100/config", "DELETE /nodes/pve1/qemu/100"), pack.lines());
    }

    @Test
    void getAnswered500IsNotRetried() {
        pack.proxmox().fail("GET", "/version", 500, "internal error", Map.of());

        ProxmoxApiException failure = failure(() -> versionClient().version().block(Duration.ofSeconds(10)));

        assertEquals(ProxmoxApiException.Kind.SERVER, failure.kind());
        assertEquals("Proxmox API error 500: internal error", failure.userMessage());
        assertEquals(List.of("GET /version"), pack.lines());
    }

    @Test
    void getAnswered400IsNotRetried() {
        pack.proxmox().fail("GET", "/version", 400, "Parameter verification failed.", Map.of());

        failure(() -> versionClient().version().block(Duration.ofSeconds(10)));

        assertEquals(List.of("GET /version"), pack.lines());
    }
}
