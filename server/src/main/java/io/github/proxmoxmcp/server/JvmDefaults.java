package io.github.proxmoxmcp.server;

import java.util.Map;
import java.util.Properties;

/**
 * System properties the server sets before any library reads them, unless the user set them ({@code -D…} in
 * {@code PROXMOX_MCP_JAVA_OPTS}).
 */
final class JvmDefaults {

    /**
     * Netty registers its JFR events at the first request: that loads about a hundred {@code jdk.jfr} classes
     * (1.3-1.8 MB of a session's peak RSS) for events that nothing records unless a flight recording runs.
     */
    static final Map<String, String> DEFAULTS = Map.of("io.netty.jfr.enabled", "false");

    private JvmDefaults() {
    }

    static void apply(Properties properties) {
        DEFAULTS.forEach(properties::putIfAbsent);
    }
}
