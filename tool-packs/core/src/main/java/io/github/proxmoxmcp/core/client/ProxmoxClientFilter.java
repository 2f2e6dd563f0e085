package io.github.proxmoxmcp.core.client;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.ClientFilterChain;
import io.micronaut.http.filter.HttpClientFilter;
import io.micronaut.json.JsonMapper;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.pool.InstrumentedPool;
import reactor.pool.PoolBuilder;
import reactor.util.retry.Retry;

/**
 * Every request to Proxmox passes here: the rate limit, authentication (API token header, or ticket cookie plus
 * CSRF token for writes), the cap on requests in flight, the timeout of each attempt, and retries. Only GET (and
 * the login) is retried: a POST, PUT or DELETE that may have reached the server is never sent twice. A failure
 * leaves here worded with the request, its target and how often it was tried.
 */
@Filter(serviceId = {ProxmoxClientFilter.SERVICE, ProxmoxClientFilter.UPLOAD_SERVICE})
public final class ProxmoxClientFilter implements HttpClientFilter {

    /** The HTTP service id of the Proxmox API: {@code micronaut.http.services.proxmox.*}. */
    public static final String SERVICE = "proxmox";

    /** The same API for file uploads, with a read timeout that covers the transfer: see {@link ProxmoxUploads}. */
    public static final String UPLOAD_SERVICE = "proxmox-upload";

    /** Where the API lives on a Proxmox host; the service URL is {@code https://host:port}. */
    public static final String BASE_PATH = "/api2/json";

    /** Marks a file upload, whose attempt may last {@code proxmox.upload-timeout} instead of {@code proxmox.timeout}. */
    static final String UPLOAD = ProxmoxClientFilter.class.getName() + ".upload";

    /** Marks a request this filter already handles: a retry's {@code proceed} runs the filter chain again. */
    private static final String HANDLED = ProxmoxClientFilter.class.getName() + ".handled";

    private final ProxmoxConfiguration config;
    private final TicketStore tickets;
    private final JsonMapper json;
    private final RateLimiter rateLimiter;
    /** One slot per request in flight; acquiring waits without blocking a thread, and ends, fails or cancels release. */
    private final InstrumentedPool<Boolean> slots;

    ProxmoxClientFilter(ProxmoxConfiguration config, TicketStore tickets, JsonMapper json) {
        this.config = config;
        this.tickets = tickets;
        this.json = json;
        int perSecond = Math.max(1, (int) Math.ceil(config.rateLimit()));
        this.rateLimiter = RateLimiter.of(SERVICE, RateLimiterConfig.custom()
                .limitForPeriod(perSecond)
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ofMinutes(5))
                .build());
        this.slots = PoolBuilder.from(Mono.just(Boolean.TRUE))
                .sizeBetween(0, Math.max(1, config.maxConcurrent()))
                .buildPool();
    }

    @Override
    public Publisher<? extends HttpResponse<?>> doFilter(MutableHttpRequest<?> request, ClientFilterChain chain) {
        if (request.getAttribute(HANDLED).isPresent()) {
            // re-entered from our own retry: already rate-limited, authenticated and timed by the outer call
            return chain.proceed(request);
        }
        request.setAttribute(HANDLED, Boolean.TRUE);
        SentRequest sent = request.getAttribute(UPLOAD).isPresent()
                ? SentRequest.of(request, config.uploadTimeout(), "the upload limit")
                : SentRequest.of(request, config.timeout(), "PROXMOX_TIMEOUT");
        return Mono.defer(() -> {
            AtomicInteger attempts = new AtomicInteger();
            Mono<HttpResponse<?>> attempt = authenticate(request)
                    .then(Mono.defer(() -> Mono.<HttpResponse<?>>from(slots.withPoolable(slot -> {
                        attempts.incrementAndGet();
                        // Netty's read timeout (proxmox.timeout) ends an attempt that receives nothing and closes its
                        // connection; this limit ends one whose answer trickles in without ever completing
                        return Mono.<HttpResponse<?>>from(chain.proceed(request)).timeout(sent.attemptLimit());
                    }))))
                    .transformDeferred(RateLimiterOperator.of(rateLimiter));
            Mono<HttpResponse<?>> tried = sent.idempotent() && config.retryAttempts() > 0
                    ? attempt.retryWhen(Retry.backoff(config.retryAttempts(), config.retryDelay())
                            .maxBackoff(config.maxRetryDelay())
                            .jitter(0.5)
                            .filter(FailedAttempts::retryable)
                            .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                    : attempt;
            return tried.onErrorMap(failure -> FailedAttempts.describe(failure, sent, attempts.get(), json));
        });
    }

    /** The {@code Authorization} header value of an API token: {@code PVEAPIToken=user@realm!name=secret}. */
    public static String tokenAuthorization(String tokenId, String tokenSecret) {
        return "PVEAPIToken=" + tokenId + "=" + tokenSecret;
    }

    private Mono<Void> authenticate(MutableHttpRequest<?> request) {
        if (config.tokenAuth()) {
            request.getHeaders().set("Authorization", tokenAuthorization(config.tokenId(), config.tokenSecret()));
            return Mono.empty();
        }
        if (config.password() == null || request.getPath().endsWith("/access/ticket")) {
            return Mono.empty();
        }
        return tickets.ticket().doOnNext(ticket -> {
            request.cookie(io.micronaut.http.cookie.Cookie.of("PVEAuthCookie", ticket.ticket()));
            if (request.getMethod() != HttpMethod.GET) {
                request.getHeaders().set("CSRFPreventionToken", ticket.csrfToken());
            }
        }).then();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
