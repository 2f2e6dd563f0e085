package io.github.proxmoxmcp.core.client;

import static io.github.proxmoxmcp.core.testing.PackAssertions.NOT_JSON_HINT;
import static io.github.proxmoxmcp.core.testing.ScriptedProxmox.answer;
import static io.github.proxmoxmcp.core.testing.ScriptedProxmox.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.testing.PackAssertions;
import io.github.proxmoxmcp.core.testing.PackHarness;
import io.github.proxmoxmcp.core.testing.ScriptedProxmoxTest;
import io.github.proxmoxmcp.core.testing.Timed;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** Answers that cannot be used are said to be what they are: a 200 that is not JSON is not "error 200: OK". */
@MicronautTest(startApplication = false)
class HonestErrorsTest extends ScriptedProxmoxTest {

    private static final String JSON = "application/json;charset=UTF-8";

    @Inject
    JsonMapper json;
    @Inject
    CountClient counts;

    @Override
    protected Map<String, String> settings() {
        return QUICK_RETRIES;
    }

    private String versionFails() {
        Timed<PveResponse> call = Timed.run(() -> version.version().block(Duration.ofSeconds(10)));
        String message = ProxmoxErrors.map(call.failureOrFail(), json).userMessage();
        assertEquals(List.of("GET /version"), proxmox.lines(), "tried once");
        return message;
    }

    @Test
    void anHtmlPageIsNamedWithItsContentTypeAndFirstBytes() {
        proxmox.on("GET", "/version", answer(200, "text/html; charset=utf-8", """
                <!DOCTYPE html>
                <html><head><title>Sign in - Corporate Proxy</title></head>
                <body><form action="/login">...</form></body></html>
                """));

        assertEquals("Proxmox answered 200 but the body is not JSON: text/html; charset=utf-8, 129 bytes: <!DOCTYPE html> "
                + "<html><head><title>Sign in - Corporate Proxy</title></head> <bod…\n" + NOT_JSON_HINT, versionFails());
    }

    @Test
    void anEmptyBodyIsNamedAsSuch() {
        proxmox.on("GET", "/version", answer(200, JSON, ""));

        assertEquals("Proxmox answered 200 but the body is not JSON: " + JSON + ", empty\n" + NOT_JSON_HINT, versionFails());
    }

    @Test
    void aBodyWithoutContentTypeSaysSo() {
        proxmox.on("GET", "/version", answer(200, null, "OK"));

        assertEquals("Proxmox answered 200 but the body is not JSON: no content type, 2 bytes: OK\n" + NOT_JSON_HINT,
                versionFails());
    }

    @Test
    void jsonCutShortIsNamedAsSuch() {
        proxmox.on("GET", "/version", answer(200, JSON, "{\"data\":{\"version\":\"9."));

        assertEquals("Proxmox answered 200 but the body is not JSON: " + JSON + ", 22 bytes, cut short: {\"data\":{\"version\":\"9.\n"
                + NOT_JSON_HINT, versionFails());
    }

    @Test
    void jsonThatIsNotTheDataObjectIsNamedAsSuch() {
        proxmox.on("GET", "/version", answer(200, JSON, "[1,2]"));

        assertEquals("Proxmox answered 200 but the body is not the JSON object Proxmox sends: " + JSON + ", 5 bytes: [1,2]\n"
                + NOT_JSON_HINT, versionFails());
    }

    @Client(id = ProxmoxClientFilter.SERVICE, path = ProxmoxClientFilter.BASE_PATH)
    interface CountClient {

        @Serdeable
        record Count(int data) {
        }

        @Get("/version")
        Mono<Count> count();
    }

    @Test
    void proxmoxJsonThatDoesNotFitTheTypeReadIntoIsOurFault() {
        proxmox.on("GET", "/version", answer(200, JSON, "{\"data\":{\"version\":\"9.1.2\"}}"));

        Timed<CountClient.Count> call = Timed.run(() -> counts.count().block(Duration.ofSeconds(10)));

        assertEquals("Internal error in proxmox-mcp: the answer of Proxmox (200) does not fit the type it is read into: "
                + "{\"data\":{\"version\":\"9.1.2\"}}\nThis is a fault in proxmox-mcp, not in the request; check the cluster "
                + "state before retrying.", ProxmoxErrors.map(call.failureOrFail(), json).userMessage());
    }

    @Test
    void unauthorizedKeepsItsHintAndIsNotRetried() {
        proxmox.on("GET", "/version", failure(401, "authentication failure"));

        String message = versionFails();

        assertEquals("Proxmox API error 401: authentication failure\nCheck PROXMOX_TOKEN_NAME/PROXMOX_TOKEN_VALUE "
                + "(or PROXMOX_USER/PROXMOX_PASSWORD): the credentials were refused.", message);
        assertEquals(false, message.contains(PackHarness.TOKEN_SECRET));
    }

    @Test
    void forbiddenKeepsItsHintAndIsNotRetried() {
        proxmox.on("GET", "/version", failure(403, "Permission check failed (/, Sys.Audit)"));

        assertEquals("Proxmox API error 403: Permission check failed (/, Sys.Audit)\n" + PackAssertions.FORBIDDEN_HINT, versionFails());
    }
}
