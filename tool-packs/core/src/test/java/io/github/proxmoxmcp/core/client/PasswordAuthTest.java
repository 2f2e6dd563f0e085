package io.github.proxmoxmcp.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.github.proxmoxmcp.core.testing.PackHarness;
import io.micronaut.json.JsonMapper;
import java.time.Duration;
import java.util.List;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Password auth: a ticket from POST /access/ticket, then the cookie, plus the CSRF token on writes. */
@MicronautTest
class PasswordAuthTest implements MockProxmoxTest {

    static final String USER = "admin@pve";
    static final String PASSWORD = "s3cret pass&word=1";
    static final String TICKET = "PVE:admin@pve:6740A1B2::aBc+dEf/GhI==";
    static final String CSRF = "6740A1B2:Qy9kZXYvbnVsbA";

    @Inject
    PackCalls pack;

    @Override
    public Map<String, Object> properties() {
        return Map.of("proxmox.user", USER, "proxmox.password", PASSWORD);
    }

    @Override
    public Set<String> removedProperties() {
        return Set.of("proxmox.token-id", "proxmox.token-secret");
    }

    private void login() {
        pack.proxmox().respond("POST", "/access/ticket", "{\"username\":\"" + USER + "\",\"ticket\":\"" + TICKET
                + "\",\"CSRFPreventionToken\":\"" + CSRF + "\",\"cap\":{}}");
    }

    @Test
    void logsInOnceThenSendsTheCookieAndTheCsrfTokenOnlyForWrites() {
        // a fresh context so that the ticket is fetched within this test
        try (PackHarness fresh = PackHarness.startWithPassword(PackHarness.emptyPack(), USER, PASSWORD, Map.of())) {
            login();
            pack.proxmox().respond("GET", "/version", "{\"version\":\"9.1.2\"}");
            pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/status/start", "null");
            pack.proxmox().respond("DELETE", "/nodes/pve1/qemu/100", "null");
            VersionClient version = fresh.context().getBean(VersionClient.class);
            ProbeClient probe = fresh.context().getBean(ProbeClient.class);

            version.version().block(Duration.ofSeconds(10));
            version.version().block(Duration.ofSeconds(10));
            probe.start("pve1", 100, Map.of()).block(Duration.ofSeconds(10));
            probe.destroy("pve1", 100, Map.of("purge", "1")).block(Duration.ofSeconds(10));

            assertEquals(List.of("POST /access/ticket", "GET /version", "GET /version",
                    "POST /nodes/pve1/qemu/100/status/start", "DELETE /nodes/pve1/qemu/100"), pack.lines());
            var requests = pack.proxmox().requests();
            var ticket = requests.get(0);
            assertEquals(Map.of("username", USER, "password", PASSWORD), ticket.form());
            assertNull(ticket.headers().get("cookie"));
            assertNull(ticket.headers().get("authorization"));
            assertNull(ticket.headers().get("csrfpreventiontoken"));
            for (var get : requests.subList(1, 3)) {
                assertEquals("PVEAuthCookie=" + TICKET, get.headers().get("cookie"));
                assertNull(get.headers().get("csrfpreventiontoken"));
                assertNull(get.headers().get("authorization"));
            }
            for (var write : requests.subList(3, 5)) {
                assertEquals("PVEAuthCookie=" + TICKET, write.headers().get("cookie"));
                assertEquals(CSRF, write.headers().get("csrfpreventiontoken"));
                assertNull(write.headers().get("authorization"));
            }
        }
    }

    @Test
    void aRefusedLoginFailsTheCallWithoutShowingThePasswordAndIsTriedAgainNextTime() {
        try (PackHarness fresh = PackHarness.startWithPassword(PackHarness.emptyPack(), USER, PASSWORD, Map.of())) {
            pack.proxmox().expect("POST", "/access/ticket", Map.of(), 401, "authentication failure", "{\"data\":null}", 1);
            login();
            pack.proxmox().respond("GET", "/version", "{\"version\":\"9.1.2\"}");
            VersionClient version = fresh.context().getBean(VersionClient.class);

            RuntimeException thrown = assertThrows(RuntimeException.class, () -> version.version().block(Duration.ofSeconds(10)));
            ProxmoxApiException failure = ProxmoxErrors.map(thrown, fresh.context().getBean(JsonMapper.class));
            assertEquals(ProxmoxApiException.Kind.UNAUTHORIZED, failure.kind());
            assertEquals("Proxmox API error 401: authentication failure\nCheck PROXMOX_TOKEN_NAME/PROXMOX_TOKEN_VALUE "
                    + "(or PROXMOX_USER/PROXMOX_PASSWORD): the credentials were refused.", failure.userMessage());
            assertFalse(failure.userMessage().contains(PASSWORD));
            assertFalse(String.valueOf(thrown.getMessage()).contains(PASSWORD));
            assertEquals(List.of("POST /access/ticket"), pack.lines());

            version.version().block(Duration.ofSeconds(10));
            assertEquals(List.of("POST /access/ticket", "POST /access/ticket", "GET /version"), pack.lines());
        }
    }

    @Test
    void aLoginWithoutATicketAsksForAnApiToken() {
        try (PackHarness fresh = PackHarness.startWithPassword(PackHarness.emptyPack(), USER, PASSWORD, Map.of())) {
            pack.proxmox().respond("POST", "/access/ticket", "{\"username\":\"" + USER + "\",\"NeedTFA\":1}");
            RuntimeException thrown = assertThrows(RuntimeException.class,
                    () -> fresh.context().getBean(VersionClient.class).version().block(Duration.ofSeconds(10)));
            ProxmoxApiException failure = ProxmoxErrors.map(thrown, fresh.context().getBean(JsonMapper.class));
            assertEquals(ProxmoxApiException.Kind.UNAUTHORIZED, failure.kind());
            assertTrue(failure.userMessage().startsWith("Proxmox API error 401: login returned no ticket "
                    + "(two-factor authentication is not supported; use an API token)"), failure.userMessage());
        }
    }

    @Test
    void theTicketIsNeverPrinted() throws Exception {
        login();
        TicketStore.Ticket ticket = pack.bean(TicketStore.class).ticket().block(Duration.ofSeconds(10));
        assertEquals(new TicketStore.Ticket(TICKET, CSRF), ticket);
        assertEquals("Ticket[redacted]", ticket.toString());
    }

    @Test
    void theConfigurationNeverPrintsSecrets() {
        String text = pack.bean(ProxmoxConfiguration.class).toString();
        assertFalse(text.contains(PASSWORD), text);
        try (PackHarness token = PackHarness.start(PackHarness.emptyPack())) {
            String tokenText = token.context().getBean(ProxmoxConfiguration.class).toString();
            assertFalse(tokenText.contains(PackHarness.TOKEN_SECRET), tokenText);
            assertTrue(tokenText.contains(PackHarness.TOKEN_ID), tokenText);
        }
    }}
