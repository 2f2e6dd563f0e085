package io.github.proxmoxmcp.core.client;

import static io.github.proxmoxmcp.core.testing.PackAssertions.TIMEOUT_HINT;
import static io.github.proxmoxmcp.core.testing.PackAssertions.UNAVAILABLE_HINT;
import static io.github.proxmoxmcp.core.testing.PackAssertions.UNCERTAIN_HINT;
import static io.github.proxmoxmcp.core.testing.ScriptedProxmox.cut;
import static io.github.proxmoxmcp.core.testing.ScriptedProxmox.failure;
import static io.github.proxmoxmcp.core.testing.ScriptedProxmox.json;
import static io.github.proxmoxmcp.core.testing.ScriptedProxmox.reset;
import static io.github.proxmoxmcp.core.testing.ScriptedProxmox.stall;
import static io.github.proxmoxmcp.core.testing.ScriptedProxmox.trickle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.testing.ScriptedProxmoxTest;
import io.github.proxmoxmcp.core.testing.Timed;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each attempt gets the whole {@code proxmox.timeout} (300 ms here) and a GET is tried retry-attempts + 1 = 4 times,
 * with backoff between; the error names the last real outcome. Writes are sent once, whatever happens.
 */
@MicronautTest(startApplication = false)
class RetryBudgetTest extends ScriptedProxmoxTest {

    private static final long TIMEOUT_MS = 300;
    /** The three backoff pauses at most: 20, 40 and 80 ms, each up to half again with jitter, capped at 100 ms. */
    private static final long MAX_BACKOFF_MS = 30 + 60 + 100;
    /** Room for a loaded 2-core machine. */
    private static final long SLACK_MS = 1500;
    private static final String START = "/nodes/pve1/qemu/100/status/start";

    @Inject
    ProbeClient probe;
    @Inject
    JsonMapper json;

    @Override
    protected Map<String, String> settings() {
        return QUICK_RETRIES;
    }

    private Timed<PveResponse> getVersion() {
        return Timed.run(() -> version.version().block(Duration.ofSeconds(10)));
    }

    private Timed<PveResponse> startGuest() {
        return Timed.run(() -> probe.start("pve1", 100, Map.of()).block(Duration.ofSeconds(10)));
    }

    private String message(Timed<?> call) {
        return ProxmoxErrors.map(call.failureOrFail(), json).userMessage();
    }

    private static void assertBetween(long min, long max, long actual) {
        assertTrue(actual >= min && actual < max, "expected " + min + " <= " + actual + " ms < " + max);
    }

    @Test
    void aStalledGetIsTriedFourTimesEachWithTheWholeTimeout() {
        proxmox.on("GET", "/version", stall());

        Timed<PveResponse> call = getVersion();

        assertEquals("Proxmox request failed: GET /version: no answer within 300 ms (PROXMOX_TIMEOUT), tried 4 times\n"
                + TIMEOUT_HINT, message(call));
        assertEquals(Collections.nCopies(4, "GET /version"), proxmox.lines());
        // one after the other, each waiting the whole timeout: no shared budget cuts the later ones short
        assertBetween(4 * TIMEOUT_MS, 4 * TIMEOUT_MS + MAX_BACKOFF_MS + SLACK_MS, call.millis());
        assertEquals(4, proxmox.abandoned(4, Duration.ofSeconds(2)), "each timed-out attempt closes its connection");
        assertEquals(0, proxmox.reusedWhileStalled());
    }

    @Test
    void aStallThenAnAnswerSucceedsOnTheSecondAttempt() {
        proxmox.on("GET", "/version", stall(), json("{\"version\":\"9.1.2\"}"));

        Timed<PveResponse> call = getVersion();

        assertEquals("9.1.2", Json.text(call.valueOrFail().data(), "version"));
        assertEquals(List.of("GET /version", "GET /version"), proxmox.lines());
        assertBetween(TIMEOUT_MS, TIMEOUT_MS + 30 + SLACK_MS, call.millis());
    }

    @Test
    void twoServiceUnavailableThenAnAnswerSucceeds() {
        proxmox.on("GET", "/version", failure(503, "Service Unavailable"), failure(503, "Service Unavailable"),
                json("{\"version\":\"9.1.2\"}"));

        Timed<PveResponse> call = getVersion();

        assertEquals("9.1.2", Json.text(call.valueOrFail().data(), "version"));
        assertEquals(Collections.nCopies(3, "GET /version"), proxmox.lines());
        assertBetween(0, MAX_BACKOFF_MS + SLACK_MS, call.millis());
    }

    @Test
    void serviceUnavailableEveryTimeReportsTheLastStatusNotATimeout() {
        proxmox.on("GET", "/version", failure(503, "Service Unavailable"));

        Timed<PveResponse> call = getVersion();

        assertEquals("Proxmox API error 503: Service Unavailable, tried 4 times\n" + UNAVAILABLE_HINT, message(call));
        assertEquals(Collections.nCopies(4, "GET /version"), proxmox.lines());
        assertBetween(0, MAX_BACKOFF_MS + SLACK_MS, call.millis());
    }

    @Test
    void aResetGetIsTriedAgain() {
        proxmox.on("GET", "/version", reset(), json("{\"version\":\"9.1.2\"}"));

        assertEquals("9.1.2", Json.text(getVersion().valueOrFail().data(), "version"));
        assertEquals(List.of("GET /version", "GET /version"), proxmox.lines());
    }

    @Test
    void aBodyCutShortOnEveryAttemptSaysTheConnectionClosed() {
        proxmox.on("GET", "/version", cut("application/json", "{\"data\":{\"vers", 100));

        Timed<PveResponse> call = getVersion();

        assertEquals("Proxmox request failed: GET /version: the connection to 127.0.0.1:" + proxmox.port()
                + " was closed before the answer was complete, tried 4 times\n" + UNAVAILABLE_HINT, message(call));
        assertEquals(Collections.nCopies(4, "GET /version"), proxmox.lines());
    }

    @Test
    void aStalledPostIsSentOnceAndMayHaveBeenApplied() {
        proxmox.on("POST", START, stall());

        Timed<PveResponse> call = startGuest();

        assertEquals("Proxmox request failed: POST " + START + ": no answer within 300 ms (PROXMOX_TIMEOUT)\n" + UNCERTAIN_HINT,
                message(call));
        assertEquals(List.of("POST " + START), proxmox.lines());
        assertBetween(TIMEOUT_MS, TIMEOUT_MS + SLACK_MS, call.millis());
    }

    @Test
    void aResetPostIsSentOnceAndMayHaveBeenApplied() {
        proxmox.on("POST", START, reset());

        Timed<PveResponse> call = startGuest();

        String message = message(call);
        assertEquals("Proxmox request failed: POST " + START + ": the connection to 127.0.0.1:" + proxmox.port()
                + " was reset before the answer was complete\n" + UNCERTAIN_HINT, message);
        assertEquals(List.of("POST " + START), proxmox.lines());
        assertTrue(!message.contains("Client '") && !message.contains("HTTP response"), message);
    }

    @Test
    void anAnswerTricklingInIsCutAtTheAttemptsHardLimit() {
        // a byte every 100 ms never leaves the connection silent for 300 ms: only the hard limit (timeout + 1 s) ends it
        proxmox.on("POST", START, trickle("\"UPID:pve1:0000ABCD:0001ABCD:65F0A1B2:qmstart:100:root@pam:\"", Duration.ofMillis(100)));

        Timed<PveResponse> call = startGuest();

        assertEquals("Proxmox request failed: POST " + START + ": the answer was still incomplete after 1.3 s "
                + "(PROXMOX_TIMEOUT + 1 s)\n" + UNCERTAIN_HINT, message(call));
        assertEquals(List.of("POST " + START), proxmox.lines());
        assertBetween(TIMEOUT_MS + 1000, TIMEOUT_MS + 1000 + SLACK_MS, call.millis());
    }

    @Test
    void putAndDeleteAreSentOnceWhateverHappens() {
        proxmox.on("PUT", "/nodes/pve1/qemu/100/config", reset());
        proxmox.on("DELETE", "/nodes/pve1/qemu/100", stall());

        String put = message(Timed.run(() -> probe.updateConfig("pve1", 100, Map.of("cores", "2")).block(Duration.ofSeconds(10))));
        String delete = message(Timed.run(() -> probe.destroy("pve1", 100, Map.of()).block(Duration.ofSeconds(10))));

        assertEquals("Proxmox request failed: PUT /nodes/pve1/qemu/100/config: the connection to 127.0.0.1:" + proxmox.port()
                + " was reset before the answer was complete\n" + UNCERTAIN_HINT, put);
        assertEquals("Proxmox request failed: DELETE /nodes/pve1/qemu/100: no answer within 300 ms (PROXMOX_TIMEOUT)\n"
                + UNCERTAIN_HINT, delete);
        assertEquals(List.of("PUT /nodes/pve1/qemu/100/config", "DELETE /nodes/pve1/qemu/100"), proxmox.lines());
    }
}
