package io.github.proxmoxmcp.core.client;

import static io.github.proxmoxmcp.core.testing.ScriptedProxmox.failure;
import static io.github.proxmoxmcp.core.testing.ScriptedProxmox.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.testing.ScriptedProxmox;
import io.github.proxmoxmcp.core.testing.ScriptedProxmoxTest;
import io.github.proxmoxmcp.core.testing.Timed;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code proxmox.max-concurrent} (2 here) holds at the server, for every attempt, and a retry's pause frees its slot. */
@MicronautTest(startApplication = false)
class ConcurrencyCapTest extends ScriptedProxmoxTest {

    private static final int CAP = 2;
    private static final int CALLS = 20;
    private static final long ANSWER_MS = 150;
    private static final String TASKS = "/nodes/pve1/tasks";

    @Inject
    ProbeClient probe;

    @Override
    protected Map<String, String> settings() {
        return Map.of("proxmox.max-concurrent", Integer.toString(CAP), "proxmox.timeout", "5s",
                "proxmox.retry-attempts", "1", "proxmox.retry-delay", "500ms", "proxmox.max-retry-delay", "500ms");
    }

    @Test
    void twentyCallsAtOnceNeverHaveMoreThanTheCapInFlightAndAllComplete() {
        proxmox.on("GET", "/version", json("{\"version\":\"9.1.2\"}").after(Duration.ofMillis(ANSWER_MS)));

        Timed<List<PveResponse>> calls = Timed.run(() -> Flux.range(0, CALLS)
                .flatMap(i -> version.version(), CALLS)
                .collectList()
                .block(Duration.ofSeconds(20)));

        assertEquals(CALLS, calls.valueOrFail().size());
        assertEquals(CALLS, proxmox.received().size());
        assertEquals(CAP, proxmox.maxInFlight(), "requests in flight at once");
        // twenty answers of 150 ms, two at a time
        long rounds = CALLS / CAP;
        assertTrue(calls.millis() >= rounds * ANSWER_MS && calls.millis() < rounds * ANSWER_MS + 4000, calls.millis() + " ms");
    }

    @Test
    void aGetWaitingToRetryHoldsNoSlot() {
        // both /version calls get a 503 and pause for 250..750 ms; the task lists sent meanwhile must not wait for them
        proxmox.on("GET", "/version", failure(503, "Service Unavailable"), failure(503, "Service Unavailable"),
                json("{\"version\":\"9.1.2\"}"));
        proxmox.on("GET", TASKS, json("[]"));

        Mono<List<PveResponse>> retried = Flux.merge(version.version(), version.version()).collectList().cache();
        retried.subscribe();
        Timed<List<PveResponse>> meanwhile = Timed.run(() -> Mono.delay(Duration.ofMillis(50))
                .then(Flux.merge(probe.tasks("pve1", Map.of()), probe.tasks("pve1", Map.of())).collectList())
                .block(Duration.ofSeconds(10)));

        assertEquals(2, meanwhile.valueOrFail().size());
        assertEquals(2, retried.block(Duration.ofSeconds(10)).size());
        List<ScriptedProxmox.Received> received = proxmox.received();
        List<String> order = received.stream().map(ScriptedProxmox.Received::line).toList();
        assertEquals(List.of("GET /version", "GET /version", "GET " + TASKS, "GET " + TASKS, "GET /version", "GET /version"),
                order);
        assertTrue(proxmox.maxInFlight() <= CAP);
    }
}
