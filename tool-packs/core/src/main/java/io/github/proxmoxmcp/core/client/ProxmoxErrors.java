package io.github.proxmoxmcp.core.client;

import io.github.proxmoxmcp.core.client.ProxmoxApiException.Kind;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns whatever a Proxmox call failed with into a {@link ProxmoxApiException}. */
public final class ProxmoxErrors {

    private ProxmoxErrors() {
    }

    public static ProxmoxApiException map(Throwable failure, JsonMapper json) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
            switch (cause) {
                case ProxmoxApiException api -> {
                    return api;
                }
                case HttpClientResponseException response -> {
                    return fromResponse(response.getResponse(), json);
                }
                case ReadTimeoutException timeout -> {
                    return new ProxmoxApiException(Kind.TIMEOUT, 0, "no answer within the read timeout", Map.of());
                }
                case TimeoutException timeout -> {
                    return new ProxmoxApiException(Kind.TIMEOUT, 0, "no answer in time", Map.of());
                }
                case SSLException tls -> {
                    return new ProxmoxApiException(Kind.TLS, 0, "TLS handshake failed: " + tlsReason(failure), Map.of());
                }
                case ConnectException connect -> {
                    return new ProxmoxApiException(Kind.CONNECTION, 0, "cannot connect: " + connect.getMessage(), Map.of());
                }
                default -> { }
            }
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (failure instanceof IOException || message.toLowerCase(Locale.ROOT).contains("connect")) {
            return new ProxmoxApiException(Kind.CONNECTION, 0, message, Map.of());
        }
        if (failure instanceof io.micronaut.http.client.exceptions.HttpClientException
                || failure instanceof io.micronaut.core.serialize.exceptions.SerializationException) {
            return new ProxmoxApiException(Kind.PROTOCOL, 0, message, Map.of());
        }
        // Not a failure of the request: a fault in proxmox-mcp itself, said as such.
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return new ProxmoxApiException(Kind.INTERNAL, 0, detail, Map.of());
    }

    /** Maps a non-2xx answer: Proxmox puts its message in the reason phrase and field errors in the body. */
    public static ProxmoxApiException fromResponse(HttpResponse<?> response, JsonMapper json) {
        return fromStatus(response.code(), response.reason(), body(response, json));
    }

    /** The same from the parts of an answer read by hand: its status, reason phrase and body bytes. */
    public static ProxmoxApiException fromStatus(int status, String reason, byte[] body, JsonMapper json) {
        return fromStatus(status, reason, parse(body, json));
    }

    private static ProxmoxApiException fromStatus(int status, String reasonPhrase, JsonNode body) {
        String reason = reasonPhrase == null ? "" : reasonPhrase.trim();
        Map<String, String> errors = new LinkedHashMap<>();
        String bodyMessage = null;
        if (body != null && body.isObject()) {
            JsonNode fieldErrors = body.get("errors");
            if (fieldErrors != null && fieldErrors.isObject()) {
                fieldErrors.entries().forEach(e -> errors.put(e.getKey(), e.getValue().coerceStringValue().trim()));
            }
            bodyMessage = Json.text(body, "message");
        }
        String detail = bodyMessage != null && !bodyMessage.isBlank() ? bodyMessage.trim() : reason;
        if (detail.isEmpty()) {
            detail = "HTTP " + status;
        }
        return new ProxmoxApiException(kind(status, detail), status, detail, errors);
    }

    static Kind kind(int status, String detail) {
        String lower = detail.toLowerCase(Locale.ROOT);
        return switch (status) {
            case 400 -> Kind.BAD_REQUEST;
            case 401 -> Kind.UNAUTHORIZED;
            case 403 -> Kind.FORBIDDEN;
            case 404 -> Kind.NOT_FOUND;
            case 409 -> Kind.CONFLICT;
            case 502, 503, 504, 595, 596 -> Kind.UNAVAILABLE;
            default -> status >= 500 && (lower.contains("does not exist") || lower.contains("no such"))
                    ? Kind.NOT_FOUND
                    : status >= 500 ? Kind.SERVER : Kind.BAD_REQUEST;
        };
    }

    private static JsonNode body(HttpResponse<?> response, JsonMapper json) {
        try {
            var bytes = response.getBody(byte[].class);
            if (bytes.isPresent() && bytes.get().length > 0) {
                return parse(bytes.get(), json);
            }
            var text = response.getBody(String.class);
            if (text.isPresent() && !text.get().isBlank()) {
                return parse(text.get().getBytes(StandardCharsets.UTF_8), json);
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    private static JsonNode parse(byte[] body, JsonMapper json) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String tlsReason(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof java.security.cert.CertificateException && c.getMessage() != null) {
                return c.getMessage();
            }
        }
        return failure.getMessage();
    }
}
