package io.github.proxmoxmcp.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.testing.MockProxmox;
import io.github.proxmoxmcp.core.testing.PackHarness;
import io.micronaut.json.JsonMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API token auth: one header on every request. */
class TokenAuthTest {

    private static MockProxmox proxmox() {
        return MockProxmox.shared();
    }

    private static List<String> lines() {
        return proxmox().requests().stream().map(MockProxmox.Recorded::line).toList();
    }

    private static PackHarness harness;

    @BeforeAll
    static void start() {
        harness = PackHarness.start(PackHarness.emptyPack());
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @BeforeEach
    void reset() {
        proxmox().reset();
    }

    @Test
    void everyRequestCarriesTheTokenHeaderAndNoCookie() {
        proxmox().respond("GET", "/version", "{\"version\":\"9.1.2\"}");
        proxmox().respond("POST", "/nodes/pve1/qemu/100/status/start", "null");

        harness.context().getBean(VersionClient.class).version().block(Duration.ofSeconds(10));
        harness.context().getBean(ProbeClient.class).start("pve1", 100, Map.of()).block(Duration.ofSeconds(10));

        assertEquals(List.of("GET /version", "POST /nodes/pve1/qemu/100/status/start"), lines());
        for (var request : proxmox().requests()) {
            assertEquals("PVEAPIToken=root@pam!mcp=11111111-2222-3333-4444-555555555555", request.headers().get("authorization"));
            assertNull(request.headers().get("cookie"));
            assertNull(request.headers().get("csrfpreventiontoken"));
        }
    }

    @Test
    void aRefusedTokenNeverShowsTheSecret() {
        proxmox().fail("GET", "/version", 401, "invalid token value!", Map.of());

        RuntimeException thrown = assertThrows(RuntimeException.class,
                () -> harness.context().getBean(VersionClient.class).version().block(Duration.ofSeconds(10)));
        ProxmoxApiException failure = ProxmoxErrors.map(thrown, harness.context().getBean(JsonMapper.class));

        assertEquals(ProxmoxApiException.Kind.UNAUTHORIZED, failure.kind());
        assertEquals("Proxmox API error 401: invalid token value!\nCheck PROXMOX_TOKEN_NAME/PROXMOX_TOKEN_VALUE "
                + "(or PROXMOX_USER/PROXMOX_PASSWORD): the credentials were refused.", failure.userMessage());
        assertFalse(failure.userMessage().contains(PackHarness.TOKEN_SECRET));
        assertFalse(String.valueOf(thrown.getMessage()).contains(PackHarness.TOKEN_SECRET));
    }}
