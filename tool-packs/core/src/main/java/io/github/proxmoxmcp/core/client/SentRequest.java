package io.github.proxmoxmcp.core.client;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import java.net.URI;
import java.time.Duration;

/**
 * One request to Proxmox as the client filter sends it: what an error message names, whether it may be sent
 * again, and the time limits of each attempt.
 *
 * @param path       below {@code /api2/json}, decoded
 * @param target     the {@code host:port} the client talks to
 * @param idempotent whether sending it again is harmless: a GET, or the login
 * @param timeout    how long an attempt waits for Proxmox to send something ({@code PROXMOX_TIMEOUT})
 * @param setting    what sets {@code timeout}, as an error message names it
 */
record SentRequest(String method, String path, String target, boolean idempotent, Duration timeout, String setting) {

    /** How much longer than {@code timeout} an attempt whose answer keeps trickling in may last. */
    static final Duration LIMIT_MARGIN = Duration.ofSeconds(1);

    static SentRequest of(HttpRequest<?> request, Duration timeout, String setting) {
        URI uri = request.getUri();
        String path = uri.getPath() == null ? "" : uri.getPath();
        String apiPath = path.startsWith(ProxmoxClientFilter.BASE_PATH) ? path.substring(ProxmoxClientFilter.BASE_PATH.length()) : path;
        int port = uri.getPort() > 0 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
        boolean idempotent = request.getMethod() == HttpMethod.GET || apiPath.equals("/access/ticket");
        return new SentRequest(request.getMethodName(), apiPath, uri.getHost() + ":" + port, idempotent, timeout, setting);
    }

    /** The hard limit of one attempt: an answer that trickles in never trips the read timeout. */
    Duration attemptLimit() {
        return timeout.plus(LIMIT_MARGIN);
    }

    /** {@code GET /nodes/pve1/qemu}. */
    String line() {
        return method + " " + path;
    }
}
