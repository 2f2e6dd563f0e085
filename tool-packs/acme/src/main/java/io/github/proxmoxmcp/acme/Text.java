package io.github.proxmoxmcp.acme;

import io.github.proxmoxmcp.core.client.Json;
import io.github.proxmoxmcp.core.client.ProxmoxApiException;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.text.Format;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.tree.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small text forms and checks shared by the pack's tools. */
final class Text {

    /** Certificates closer to their end than this are flagged: ACME renews 30 days before expiry. */
    private static final long RENEW_WINDOW_DAYS = 30;

    private Text() {
    }

    /** A certificate's end: the date, flagged when it has passed or is within the renewal window. */
    static String expiry(JsonNode certificate) {
        Long notAfter = Json.number(certificate, "notafter").orElse(null);
        if (notAfter == null) {
            return "-";
        }
        String date = Format.time(notAfter);
        long left = notAfter - Instant.now().getEpochSecond();
        if (left < 0) {
            return date + " (expired)";
        }
        long days = left / 86_400;
        return days < RENEW_WINDOW_DAYS ? date + " (" + days + " days left)" : date;
    }

    /** A field that is an array in the answer, or a comma list, as a list of strings. */
    static List<String> strings(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        JsonNode value = Json.field(node, field);
        if (value == null) {
            return values;
        }
        if (value.isArray()) {
            value.values().forEach(v -> values.add(v.coerceStringValue()));
        } else {
            for (String part : value.coerceStringValue().split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        return values;
    }

    /** A URL of an ACME directory: Proxmox takes only http(s) ones. */
    static void checkUrl(String field, String url) {
        if (url != null && !url.matches("https?://[^\\s\\p{Cntrl}]+")) {
            throw new ToolInputException(field + " must be an http(s) URL, e.g. https://acme-v02.api.letsencrypt.org/directory");
        }
    }

    /** Refuses the fields given that the action does not take. */
    static void only(String action, List<String> stray) {
        if (!stray.isEmpty()) {
            throw new ToolInputException("action=" + action + " does not take " + String.join(", ", stray));
        }
    }

    /** Proxmox answered with an error status (rather than not answering at all). */
    static boolean answeredWithError(Throwable failure) {
        return failure instanceof HttpClientResponseException response && response.code() >= 400
                || failure instanceof ProxmoxApiException api && api.status() >= 400;
    }

    static void given(List<String> names, String name, Object value) {
        if (value != null) {
            names.add(name);
        }
    }
}
