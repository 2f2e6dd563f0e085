package io.github.proxmoxmcp.core.client;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.filter.ClientFilterChain;
import io.micronaut.http.filter.HttpClientFilter;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Every request to Proxmox passes here: the rate limit, authentication (API token header, or
 * ticket cookie plus CSRF token for writes) and retries. Only GET is retried: a POST, PUT or DELETE
 * that may have reached the server is never sent twice.
 */
@Filter(serviceId = {ProxmoxClientFilter.SERVICE, ProxmoxClientFilter.UPLOAD_SERVICE})
public final class ProxmoxClientFilter implements HttpClientFilter {

    /** The HTTP service id of the Proxmox API: {@code micronaut.http.services.proxmox.*}. */
    public static final String SERVICE = "proxmox";

    /** The same API for file uploads, with a read timeout that covers the transfer: see {@link ProxmoxUploads}. */
    public static final String UPLOAD_SERVICE = "proxmox-upload";

    /** Where the API lives on a Proxmox host; the service URL is {@code https://host:port}. */
    public static final String BASE_PATH = "/api2/json";

    private static final Set<Integer> RETRYABLE_STATUS = Set.of(502, 503, 504, 595, 596);

    /** Marks a request this filter already handles: a retry's {@code proceed} runs the filter chain again. */
    private static final String HANDLED = ProxmoxClientFilter.class.getName() + ".handled";

    private final ProxmoxConfiguration config;
    private final TicketStore tickets;
    private final RateLimiter rateLimiter;

    ProxmoxClientFilter(ProxmoxConfiguration config, TicketStore tickets) {
        this.config = config;
        this.tickets = tickets;
        int perSecond = Math.max(1, (int) Math.ceil(config.rateLimit()));
        this.rateLimiter = RateLimiter.of(SERVICE, RateLimiterConfig.custom()
                .limitForPeriod(perSecond)
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ofMinutes(5))
                .build());
    }

    @Override
    public Publisher<? extends HttpResponse<?>> doFilter(MutableHttpRequest<?> request, ClientFilterChain chain) {
        if (request.getAttribute(HANDLED).isPresent()) {
            // re-entered from our own retry: already rate-limited and authenticated, and retried by the outer call
            return chain.proceed(request);
        }
        request.setAttribute(HANDLED, Boolean.TRUE);
        Mono<HttpResponse<?>> send = authenticate(request)
                .then(Mono.defer(() -> Mono.<HttpResponse<?>>from(chain.proceed(request))))
                .transformDeferred(RateLimiterOperator.of(rateLimiter));
        if (request.getMethod() != HttpMethod.GET || config.retryAttempts() <= 0) {
            return send;
        }
        return send.retryWhen(Retry.backoff(config.retryAttempts(), config.retryDelay())
                .maxBackoff(config.maxRetryDelay())
                .jitter(0.5)
                .filter(ProxmoxClientFilter::retryable)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    private Mono<Void> authenticate(MutableHttpRequest<?> request) {
        if (config.tokenAuth()) {
            request.header("Authorization", "PVEAPIToken=" + config.tokenId() + "=" + config.tokenSecret());
            return Mono.empty();
        }
        if (config.password() == null || request.getPath().endsWith("/access/ticket")) {
            return Mono.empty();
        }
        return tickets.ticket().doOnNext(ticket -> {
            request.cookie(io.micronaut.http.cookie.Cookie.of("PVEAuthCookie", ticket.ticket()));
            if (request.getMethod() != HttpMethod.GET) {
                request.header("CSRFPreventionToken", ticket.csrfToken());
            }
        }).then();
    }

    static boolean retryable(Throwable failure) {
        return switch (failure) {
            case HttpClientResponseException response -> RETRYABLE_STATUS.contains(response.code());
            case ReadTimeoutException timeout -> true;
            case TimeoutException timeout -> true;
            case ConnectException connect -> true;
            case ProxmoxApiException api -> RETRYABLE_STATUS.contains(api.status());
            case IOException io -> io.getCause() instanceof ConnectException;
            default -> failure.getCause() instanceof ConnectException;
        };
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
