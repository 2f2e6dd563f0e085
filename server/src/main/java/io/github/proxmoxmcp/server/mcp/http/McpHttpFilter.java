package io.github.proxmoxmcp.server.mcp.http;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.modelcontextprotocol.json.McpJsonMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a request must pass before the MCP transport sees it (MCP 2025-11-25 security rules): an allowed
 * {@code Host} (DNS rebinding), no foreign {@code Origin}, the bearer token when one is set, the per-client rate
 * limit, the size limit, and a body that is one JSON-RPC message. Every refusal, and every error the transport
 * itself answers, is a JSON-RPC error object with the right code. {@code /health} answers without a token.
 */
public final class McpHttpFilter extends HttpFilter {

    public static final String HEALTH = "/health";

    private final HttpSettings settings;
    private final Optional<byte[]> tokenDigest;
    private final McpJsonMapper json;
    private final RateLimiterRegistry limiters;

    public McpHttpFilter(HttpSettings settings, Optional<String> token, McpJsonMapper json) {
        this.settings = settings;
        this.tokenDigest = token.map(McpHttpFilter::digest);
        this.json = json;
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(settings.clientRatePerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI();
        if (path.equals(HEALTH)) {
            health(request, response);
            return;
        }
        JsonRpcError refusal = refusal(request, path);
        if (refusal != null) {
            refusal.send(response, json);
            return;
        }
        if (request.getMethod().equals("GET") && request.getHeader("Last-Event-ID") != null) {
            // no event history is kept: say so instead of silently opening a fresh stream
            JsonRpcError.of(400, JsonRpcError.SERVER_ERROR, "Cannot resume the stream after event "
                    + request.getHeader("Last-Event-ID") + ": this server keeps no event history; send the request again")
                    .send(response, json);
            return;
        }
        if (!request.getMethod().equals("POST")) {
            ErrorRewritingResponse rewriting = new ErrorRewritingResponse(response, null);
            chain.doFilter(request, rewriting);
            rewriting.finish(json);
            return;
        }
        byte[] body = readBody(request);
        if (body == null) {
            JsonRpcError.of(413, JsonRpcError.SERVER_ERROR, "Request body larger than " + settings.maxRequestBytes()
                    + " bytes (MCP_MAX_REQUEST_BYTES)").send(response, json);
            return;
        }
        Object message;
        try {
            message = json.readValue(body, Object.class);
        } catch (IOException | RuntimeException e) {
            JsonRpcError.of(400, JsonRpcError.PARSE_ERROR, "Parse error: the body is not JSON").send(response, json);
            return;
        }
        Object id = message instanceof Map<?, ?> map ? map.get("id") : null;
        String invalid = invalidMessage(message);
        if (invalid != null) {
            JsonRpcError.of(400, JsonRpcError.INVALID_REQUEST, "Invalid Request: " + invalid).withId(validId(id))
                    .send(response, json);
            return;
        }
        ErrorRewritingResponse rewriting = new ErrorRewritingResponse(response, validId(id));
        chain.doFilter(new CachedBodyRequest(request, body), rewriting);
        rewriting.finish(json);
    }

    private JsonRpcError refusal(HttpServletRequest request, String path) {
        String host = request.getHeader("Host");
        if (host == null || !settings.allowedHosts().contains(HttpSettings.hostName(host))) {
            return JsonRpcError.of(403, JsonRpcError.SERVER_ERROR, "Forbidden: Host '" + (host == null ? "" : host)
                    + "' is not one this server answers to (DNS rebinding protection); allow it with MCP_ALLOWED_HOSTS");
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !settings.allowsOrigin(origin)) {
            return JsonRpcError.of(403, JsonRpcError.SERVER_ERROR, "Forbidden: Origin '" + origin
                    + "' is not allowed; allow it with MCP_ALLOWED_ORIGINS");
        }
        if (path.startsWith("/.well-known/")) {
            // no OAuth here: a 404 keeps clients from starting an authorization flow they cannot finish
            return JsonRpcError.of(404, JsonRpcError.SERVER_ERROR, "Not found: this server takes a static bearer token "
                    + "(MCP_AUTH_TOKEN), not OAuth");
        }
        if (tokenDigest.isPresent() && !authorized(request.getHeader("Authorization"))) {
            return JsonRpcError.of(401, JsonRpcError.SERVER_ERROR,
                    "Unauthorized: send the header 'Authorization: Bearer <MCP_AUTH_TOKEN>'");
        }
        // per client session (or address before it has one): one runaway loop cannot starve the other clients
        String session = request.getHeader("Mcp-Session-Id");
        RateLimiter limiter = limiters.rateLimiter(request.getRemoteAddr() + (session == null ? "" : "/" + session));
        if (!limiter.acquirePermission()) {
            return JsonRpcError.of(429, JsonRpcError.SERVER_ERROR, "Too many requests: at most "
                    + settings.clientRatePerSecond() + " per second per client session (MCP_CLIENT_RATE_LIMIT)");
        }
        return null;
    }

    private boolean authorized(String header) {
        if (header == null) {
            return false;
        }
        String value = header.trim();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Bearer")) {
            return false;
        }
        // digests of equal length: the comparison time says nothing about the token
        return MessageDigest.isEqual(tokenDigest.orElseThrow(), digest(value.substring(space + 1).trim()));
    }

    private byte[] readBody(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > settings.maxRequestBytes()) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(settings.maxRequestBytes() + 1);
            return body.length > settings.maxRequestBytes() ? null : body;
        }
    }

    /** Why the message is not one JSON-RPC request, notification or response, or null when it is. */
    private static String invalidMessage(Object message) {
        if (message instanceof List<?>) {
            return "a batch (JSON array) is not supported; send one message per request";
        }
        if (!(message instanceof Map<?, ?> map)) {
            return "expected a JSON-RPC message object";
        }
        if (!"2.0".equals(map.get("jsonrpc"))) {
            return "\"jsonrpc\" must be \"2.0\"";
        }
        Object method = map.get("method");
        if (method == null && !map.containsKey("result") && !map.containsKey("error")) {
            return "a request needs \"method\"";
        }
        if (method != null && !(method instanceof String)) {
            return "\"method\" must be a string";
        }
        Object id = map.get("id");
        if (id != null && !(id instanceof String) && !(id instanceof Number)) {
            return "\"id\" must be a string or a number";
        }
        return null;
    }

    private static Object validId(Object id) {
        return id instanceof String || id instanceof Number ? id : null;
    }

    private void health(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
            JsonRpcError.of(405, JsonRpcError.SERVER_ERROR, "Method not allowed: GET " + HEALTH).send(response, json);
            return;
        }
        byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
