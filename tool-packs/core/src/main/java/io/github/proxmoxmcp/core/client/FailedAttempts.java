package io.github.proxmoxmcp.core.client;

import io.github.proxmoxmcp.core.client.ProxmoxApiException.Kind;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.client.exceptions.ResponseClosedException;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Which failed attempts are worth another, and how the last one is told: the request, its target, how often it was
 * tried, and for a write that got no complete answer, that it may have been applied.
 */
final class FailedAttempts {

    /** Statuses a GET is tried again on: a proxy or pveproxy without a worker, Proxmox's own 595/596. */
    static final Set<Integer> TRANSIENT_STATUS = Set.of(502, 503, 504, 595, 596);

    /** How a request failed without a complete answer. */
    enum Transport {
        /** Nothing received for the attempt's timeout (Netty's read timeout, which also closes the connection). */
        TIMEOUT,
        /** The answer kept trickling in without completing within the attempt's hard limit. */
        INCOMPLETE,
        /** No connection: nothing reached Proxmox. */
        CONNECT,
        /** The connection broke after the request was sent, before the answer was complete. */
        BROKEN
    }

    private FailedAttempts() {
    }

    /** Whether an idempotent request that failed so is worth sending again. */
    static boolean retryable(Throwable failure) {
        return switch (failure) {
            case HttpClientResponseException response -> TRANSIENT_STATUS.contains(response.code());
            case ProxmoxApiException api -> TRANSIENT_STATUS.contains(api.status());
            default -> transport(failure) != null;
        };
    }

    /**
     * The failure of a request after its last attempt, worded with what was tried and how often. An answer with an
     * HTTP status after a single attempt is left as it is: the declarative client and {@link ProxmoxErrors#map} read
     * it as usual.
     */
    static Throwable describe(Throwable failure, SentRequest request, int attempts, JsonMapper json) {
        if (failure instanceof ProxmoxApiException api) {
            return attempts > 1 ? api.afterAttempts(attempts) : api;
        }
        if (failure instanceof HttpClientResponseException response) {
            return attempts > 1 ? ProxmoxErrors.fromResponse(response.getResponse(), json).afterAttempts(attempts) : failure;
        }
        Transport transport = transport(failure);
        if (transport == null) {
            return failure;
        }
        Kind unanswered = request.idempotent() ? Kind.TIMEOUT : Kind.UNCERTAIN;
        ProxmoxApiException outcome = switch (transport) {
            case TIMEOUT -> new ProxmoxApiException(unanswered, 0,
                    request.line() + ": no answer within " + readable(request.timeout()) + " (" + request.setting() + ")", Map.of());
            case INCOMPLETE -> new ProxmoxApiException(unanswered, 0,
                    request.line() + ": the answer was still incomplete after " + readable(request.attemptLimit())
                            + " (" + request.setting() + " + " + readable(SentRequest.LIMIT_MARGIN) + ")", Map.of());
            case CONNECT -> new ProxmoxApiException(Kind.CONNECTION, 0,
                    request.line() + ": cannot connect to " + request.target() + " (" + connectReason(failure) + ")", Map.of());
            case BROKEN -> new ProxmoxApiException(request.idempotent() ? Kind.UNAVAILABLE : Kind.UNCERTAIN, 0,
                    request.line() + ": the connection to " + request.target() + " was "
                            + (ProxmoxErrors.mentions(failure, "reset") ? "reset" : "closed") + " before the answer was complete",
                    Map.of());
        };
        return outcome.afterAttempts(attempts);
    }

    /** How a request failed without a complete answer, or null when it did not (a status, TLS, a fault of ours). */
    static Transport transport(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            switch (cause) {
                case SSLException _ -> {
                    return null;
                }
                case ReadTimeoutException _ -> {
                    return Transport.TIMEOUT;
                }
                case TimeoutException _ -> {
                    return Transport.INCOMPLETE;
                }
                case ConnectException _, NoRouteToHostException _, UnknownHostException _ -> {
                    return Transport.CONNECT;
                }
                case ResponseClosedException _, IOException _ -> {
                    return Transport.BROKEN;
                }
                default -> { }
            }
        }
        return null;
    }

    private static String connectReason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return "unknown host";
            }
            if (cause instanceof NoRouteToHostException) {
                return "no route to host";
            }
        }
        if (ProxmoxErrors.mentions(failure, "refused")) {
            return "connection refused";
        }
        return ProxmoxErrors.mentions(failure, "timed out") ? "connection timed out" : "no connection";
    }

    /** {@code 300 ms}, {@code 30 s}, {@code 1.3 s}. */
    static String readable(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
