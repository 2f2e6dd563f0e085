package io.github.proxmoxmcp.acme;

import io.github.proxmoxmcp.core.client.ProxmoxApiException;
import io.github.proxmoxmcp.core.client.ProxmoxErrors;
import io.github.proxmoxmcp.core.spi.ToolContext;
import io.github.proxmoxmcp.core.spi.ToolInputException;
import io.github.proxmoxmcp.core.spi.ToolResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import io.micronaut.json.JsonMapper;
import reactor.core.publisher.Mono;

/**
 * Write-only values (the EAB HMAC key, DNS API credentials, a private key): they go into the request body and
 * nowhere else. Should Proxmox quote one back in an error, it is blanked out of the message before it is shown.
 */
final class Secrets {

    static final String HIDDEN = "(hidden)";
    /** Shorter pieces of a secret are not searched for: they would blank out ordinary words. */
    private static final int MIN_PIECE = 6;

    private final List<String> pieces = new ArrayList<>();

    private Secrets(Collection<String> secrets) {
        for (String secret : secrets) {
            if (secret == null) {
                continue;
            }
            pieces.add(secret.strip());
            secret.lines().map(String::strip).filter(line -> line.length() >= MIN_PIECE).forEach(pieces::add);
        }
        pieces.removeIf(piece -> piece.length() < MIN_PIECE);
        pieces.sort((a, b) -> b.length() - a.length());
    }

    static Secrets of(Collection<String> secrets) {
        return new Secrets(secrets.stream().filter(Objects::nonNull).toList());
    }

    /** The tool's outcome with every secret blanked out, the errors Proxmox answered with included. */
    Mono<ToolResult> hide(Mono<ToolResult> outcome, ToolContext context) {
        if (pieces.isEmpty()) {
            return outcome;
        }
        return outcome.map(result -> new ToolResult(scrub(result.text()), result.error()))
                .onErrorMap(e -> !(e instanceof ToolInputException), e -> scrub(ProxmoxErrors.map(e, context.bean(JsonMapper.class))));
    }

    private ProxmoxApiException scrub(ProxmoxApiException failure) {
        Map<String, String> errors = new LinkedHashMap<>();
        failure.errors().forEach((field, message) -> errors.put(field, scrub(message)));
        return new ProxmoxApiException(failure.kind(), failure.status(), scrub(failure.detail()), errors, failure.attempts());
    }

    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (String piece : pieces) {
            scrubbed = scrubbed.replace(piece, HIDDEN);
        }
        return scrubbed;
    }
}
