package io.github.proxmoxmcp.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.github.proxmoxmcp.core.testing.PackHarness;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API token auth: one header on every request. */
@MicronautTest
class TokenAuthTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    @Test
    void everyRequestCarriesTheTokenHeaderAndNoCookie() {
        pack.proxmox().respond("GET", "/version", "{\"version\":\"9.1.2\"}");
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/status/start", "null");

        pack.bean(VersionClient.class).version().block(Duration.ofSeconds(10));
        pack.bean(ProbeClient.class).start("pve1", 100, Map.of()).block(Duration.ofSeconds(10));

        assertEquals(List.of("GET /version", "POST /nodes/pve1/qemu/100/status/start"), pack.lines());
        for (var request : pack.proxmox().requests()) {
            assertEquals("PVEAPIToken=root@pam!mcp=11111111-2222-3333-4444-555555555555", request.headers().get("authorization"));
            assertNull(request.headers().get("cookie"));
            assertNull(request.headers().get("csrfpreventiontoken"));
        }
    }

    @Test
    void aRefusedTokenNeverShowsTheSecret() {
        pack.proxmox().fail("GET", "/version", 401, "invalid token value!", Map.of());

        RuntimeException thrown = assertThrows(RuntimeException.class,
                () -> pack.bean(VersionClient.class).version().block(Duration.ofSeconds(10)));
        ProxmoxApiException failure = ProxmoxErrors.map(thrown, pack.bean(JsonMapper.class));

        assertEquals(ProxmoxApiException.Kind.UNAUTHORIZED, failure.kind());
        assertEquals("Proxmox API error 401: invalid token value!\nCheck PROXMOX_TOKEN_NAME/PROXMOX_TOKEN_VALUE "
                + "(or PROXMOX_USER/PROXMOX_PASSWORD): the credentials were refused.", failure.userMessage());
        assertFalse(failure.userMessage().contains(PackHarness.TOKEN_SECRET));
        assertFalse(String.valueOf(thrown.getMessage()).contains(PackHarness.TOKEN_SECRET));
    }}
