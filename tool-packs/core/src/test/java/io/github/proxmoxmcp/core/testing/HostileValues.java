package io.github.proxmoxmcp.core.testing;

import java.util.List;

/**
 * Values that must never reach a request path: traversal, a {@code /} inside one segment, empty and blank values,
 * percent-encoding (Proxmox decodes the path before routing), control characters and a 100 kB string. For
 * {@code @MethodSource("io.github.proxmoxmcp.core.testing.HostileValues#identifiers")}.
 */
public final class HostileValues {

    private static final List<String> IDENTIFIERS = List.of("../x", "pve1/../../cluster", "a/b", "", " ", "%2F", "%2e%2e",
            "pve1\n", "x\u0000y", "tab\there", "100; rm -rf /", "x".repeat(100_000));

    private HostileValues() {
    }

    public static List<String> identifiers() {
        return IDENTIFIERS;
    }
}
