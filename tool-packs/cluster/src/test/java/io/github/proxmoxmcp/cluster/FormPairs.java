package io.github.proxmoxmcp.cluster;

import io.github.proxmoxmcp.core.testing.MockProxmox;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** A form body as its decoded {@code name=value} pairs in order, repeated names (array parameters) included. */
final class FormPairs {

    private FormPairs() {
    }

    static List<String> of(MockProxmox.Recorded request) {
        if (request.body().isEmpty()) {
            return List.of();
        }
        return Arrays.stream(request.body().split("&")).map(pair -> {
            int eq = pair.indexOf('=');
            return URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8) + "="
                    + URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }).toList();
    }
}
