package io.github.proxmoxmcp.core.client;

import static io.github.proxmoxmcp.core.testing.PackAssertions.FORBIDDEN_HINT;
import static io.github.proxmoxmcp.core.testing.PackAssertions.NOT_FOUND_HINT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.client.ProxmoxApiException.Kind;
import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.github.proxmoxmcp.core.testing.PackHarness;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

@MicronautTest
class ErrorMappingTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    private ProbeClient client() {
        return pack.bean(ProbeClient.class);
    }

    private static ProxmoxApiException failure(PackHarness in, Supplier<Object> call) {
        return failure(in.context().getBean(JsonMapper.class), call);
    }

    private static ProxmoxApiException failure(JsonMapper json, Supplier<Object> call) {
        RuntimeException thrown = assertThrows(RuntimeException.class, call::get);
        ProxmoxApiException mapped = ProxmoxErrors.map(thrown, json);
        assertFalse(mapped.userMessage().contains(PackHarness.TOKEN_SECRET));
        return mapped;
    }

    private ProxmoxApiException failure(Supplier<Object> call) {
        return failure(pack.bean(JsonMapper.class), call);
    }

    @Test
    void badRequestShowsEachFieldError() {
        pack.proxmox().fail("PUT", "/nodes/pve1/qemu/100/config", 400, "Parameter verification failed.",
                Map.of("memory", "type check ('integer') failed - got 'lots'", "cores", "value must have a minimum value of 1"));

        ProxmoxApiException failure = failure(() -> client().updateConfig("pve1", 100, Map.of("cores", "0")).block());

        assertEquals(Kind.BAD_REQUEST, failure.kind());
        assertEquals(400, failure.status());
        assertEquals(Map.of("memory", "type check ('integer') failed - got 'lots'", "cores", "value must have a minimum value of 1"),
                failure.errors());
        assertEquals("""
                Proxmox API error 400: Parameter verification failed.
                  cores: value must have a minimum value of 1
                  memory: type check ('integer') failed - got 'lots'""", failure.userMessage());
    }

    @Test
    void missingConfigFileIsANotFound() {
        pack.proxmox().fail("GET", "/version", 500, "Configuration file 'nodes/pve1/qemu-server/123.conf' does not exist", Map.of());

        ProxmoxApiException failure = failure(() -> pack.bean(VersionClient.class).version().block());

        assertEquals(Kind.NOT_FOUND, failure.kind());
        assertEquals(500, failure.status());
        assertEquals("Proxmox API error 500: Configuration file 'nodes/pve1/qemu-server/123.conf' does not exist\n"
                + NOT_FOUND_HINT, failure.userMessage());
    }

    @Test
    void forbiddenExplainsPrivilegeSeparation() {
        pack.proxmox().fail("POST", "/nodes/pve1/qemu/100/status/start", 403, "Permission check failed (/vms/100, VM.PowerMgmt)",
                Map.of());

        ProxmoxApiException failure = failure(() -> client().start("pve1", 100, Map.of()).block());

        assertEquals(Kind.FORBIDDEN, failure.kind());
        assertEquals("Proxmox API error 403: Permission check failed (/vms/100, VM.PowerMgmt)\n" + FORBIDDEN_HINT,
                failure.userMessage());
    }

    @Test
    void unauthorizedPointsAtTheCredentials() {
        pack.proxmox().fail("GET", "/version", 401, "No ticket", Map.of());

        ProxmoxApiException failure = failure(() -> pack.bean(VersionClient.class).version().block());

        assertEquals(Kind.UNAUTHORIZED, failure.kind());
        assertEquals("Proxmox API error 401: No ticket\nCheck PROXMOX_TOKEN_NAME/PROXMOX_TOKEN_VALUE "
                + "(or PROXMOX_USER/PROXMOX_PASSWORD): the credentials were refused.", failure.userMessage());
    }

    @Test
    void aMessageInTheBodyWinsOverTheReasonPhrase() {
        pack.proxmox().expect("GET", "/version", Map.of(), 500, "Internal Server Error",
                "{\"data\":null,\"message\":\"VM 100 is locked (backup)\\n\"}", -1);

        ProxmoxApiException failure = failure(() -> pack.bean(VersionClient.class).version().block());

        assertEquals(Kind.SERVER, failure.kind());
        assertEquals("Proxmox API error 500: VM 100 is locked (backup)", failure.userMessage());
    }

    @Test
    void anEmptyReasonFallsBackToTheStatus() {
        pack.proxmox().expect("GET", "/version", Map.of(), 409, "", "", -1);

        ProxmoxApiException failure = failure(() -> pack.bean(VersionClient.class).version().block());

        assertEquals(Kind.CONFLICT, failure.kind());
        assertEquals(409, failure.status());
        assertTrue(failure.userMessage().startsWith("Proxmox API error 409: "), failure.userMessage());
    }

    @Test
    void statusesMapToKinds() {
        assertEquals(Kind.BAD_REQUEST, ProxmoxErrors.kind(400, "x"));
        assertEquals(Kind.UNAUTHORIZED, ProxmoxErrors.kind(401, "x"));
        assertEquals(Kind.FORBIDDEN, ProxmoxErrors.kind(403, "x"));
        assertEquals(Kind.NOT_FOUND, ProxmoxErrors.kind(404, "x"));
        assertEquals(Kind.CONFLICT, ProxmoxErrors.kind(409, "x"));
        assertEquals(Kind.UNAVAILABLE, ProxmoxErrors.kind(503, "x"));
        assertEquals(Kind.UNAVAILABLE, ProxmoxErrors.kind(596, "x"));
        assertEquals(Kind.NOT_FOUND, ProxmoxErrors.kind(500, "no such VM ('999')"));
        assertEquals(Kind.NOT_FOUND, ProxmoxErrors.kind(500, "storage 'nope' does not exist"));
        assertEquals(Kind.SERVER, ProxmoxErrors.kind(500, "got timeout"));
        assertEquals(Kind.SERVER, ProxmoxErrors.kind(501, "Method 'DELETE /x' not implemented"));
        assertEquals(Kind.BAD_REQUEST, ProxmoxErrors.kind(422, "x"));
    }

    @Test
    void connectionRefusedIsAConnectionError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (PackHarness refused = PackHarness.start(PackHarness.emptyPack(),
                Map.of("micronaut.http.services.proxmox.url", "http://127.0.0.1:" + closedPort))) {
            ProxmoxApiException failure = failure(refused,
                    () -> refused.context().getBean(VersionClient.class).version().block(Duration.ofSeconds(10)));

            assertEquals(Kind.CONNECTION, failure.kind());
            assertEquals(0, failure.status());
            String message = failure.userMessage();
            assertTrue(message.startsWith("Proxmox request failed: "), message);
            assertTrue(message.endsWith("\nCheck PROXMOX_HOST and PROXMOX_PORT and that the host is reachable."), message);
        }
    }
}
