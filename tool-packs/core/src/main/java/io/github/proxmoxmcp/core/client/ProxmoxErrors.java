package io.github.proxmoxmcp.core.client;

import io.github.proxmoxmcp.core.client.ProxmoxApiException.Kind;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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

    private static final int SHOWN_BODY_CHARS = 80;

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
                    return new ProxmoxApiException(Kind.TIMEOUT, 0, "no answer in time (PROXMOX_TIMEOUT)", Map.of());
                }
                case TimeoutException timeout -> {
                    return new ProxmoxApiException(Kind.TIMEOUT, 0, "no answer in time (PROXMOX_TIMEOUT)", Map.of());
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
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : withoutClientName(failure.getMessage());
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

    /** Whether the failure or one of its causes says {@code word} (lower case). */
    static boolean mentions(Throwable failure, String word) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().toLowerCase(Locale.ROOT).contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Micronaut starts its client errors with {@code Client 'proxmox': }, which says nothing to the user. */
    private static String withoutClientName(String message) {
        return message.replaceFirst("^Client '[^']*': ", "");
    }

    /**
     * Maps an answer that could not be used: a non-2xx (Proxmox puts its message in the reason phrase and field
     * errors in the body), or a 2xx whose body is not Proxmox's JSON.
     */
    public static ProxmoxApiException fromResponse(HttpResponse<?> response, JsonMapper json) {
        int status = response.code();
        if (status >= 200 && status < 300) {
            return unreadable(response, json);
        }
        return fromStatus(status, response.reason(), parse(bytes(response), json));
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

    /** A 2xx whose body is not the {@code {"data": ...}} object: a proxy's HTML page, an empty or cut-short body. */
    private static ProxmoxApiException unreadable(HttpResponse<?> response, JsonMapper json) {
        byte[] body = bytes(response);
        String type = response.getContentType().map(MediaType::toString).orElse("no content type");
        String start = "Proxmox answered " + response.code() + " but the body is ";
        String detail;
        if (body.length == 0) {
            detail = start + "not JSON: " + type + ", empty";
        } else {
            String problem = "not JSON";
            String size = body.length + " bytes";
            try {
                JsonNode parsed = json.readValue(body, JsonNode.class);
                if (Json.field(parsed, "data") != null) {
                    // Proxmox's own envelope, and still unreadable: the fault is in the type it was read into
                    return new ProxmoxApiException(Kind.INTERNAL, 0, "the answer of Proxmox (" + response.code()
                            + ") does not fit the type it is read into: " + shown(body), Map.of());
                }
                problem = "not the JSON object Proxmox sends";
            } catch (IOException | RuntimeException e) {
                if (mentions(e, "end-of-input")) {
                    size += ", cut short";
                }
            }
            detail = start + problem + ": " + type + ", " + size + ": " + shown(body);
        }
        return new ProxmoxApiException(Kind.PROTOCOL, response.code(), detail, Map.of());
    }

    /** The start of a body on one line, control characters blanked. */
    private static String shown(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return text.length() <= SHOWN_BODY_CHARS ? text : text.substring(0, SHOWN_BODY_CHARS) + "…";
    }

    private static byte[] bytes(HttpResponse<?> response) {
        try {
            var bytes = response.getBody(byte[].class);
            if (bytes.isPresent()) {
                return bytes.get();
            }
            return response.getBody(String.class).map(text -> text.getBytes(StandardCharsets.UTF_8)).orElse(new byte[0]);
        } catch (RuntimeException e) {
            return new byte[0];
        }
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
