package io.github.proxmoxmcp.core.client;

import io.micronaut.context.BeanProvider;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Holds the password-auth ticket. Proxmox tickets expire after two hours; the cached ticket is
 * dropped after {@code proxmox.ticket-lifetime} (110 minutes) so it is renewed before that.
 */
@Singleton
public final class TicketStore {

    /** A login ticket and the CSRF token that writes must send with it. */
    public record Ticket(String ticket, String csrfToken) {
        @Override
        public String toString() {
            return "Ticket[redacted]";
        }
    }

    private final Mono<Ticket> cached;

    TicketStore(BeanProvider<AccessTicketClient> client, ProxmoxConfiguration config, JsonMapper json) {
        Duration lifetime = config.ticketLifetime();
        this.cached = Mono.defer(() -> client.get().ticket(Params.create()
                        .put("username", config.user())
                        .put("password", config.password())
                        .map()))
                .map(TicketStore::ticket)
                .onErrorMap(e -> ProxmoxErrors.map(e, json))
                .cache(ticket -> lifetime, error -> Duration.ZERO, () -> Duration.ZERO);
    }

    public Mono<Ticket> ticket() {
        return cached;
    }

    private static Ticket ticket(PveResponse response) {
        String ticket = Json.text(response.data(), "ticket");
        String csrf = Json.text(response.data(), "CSRFPreventionToken");
        if (ticket == null) {
            throw new ProxmoxApiException(ProxmoxApiException.Kind.UNAUTHORIZED, 401,
                    "login returned no ticket (two-factor authentication is not supported; use an API token)",
                    java.util.Map.of());
        }
        return new Ticket(ticket, csrf == null ? "" : csrf);
    }
}
