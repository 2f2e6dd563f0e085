package io.github.proxmoxmcp.server.mcp.http;

import io.github.proxmoxmcp.server.config.SettingsException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the Streamable HTTP transport lets in: the host names a request may address (DNS rebinding), the origins a
 * browser page may call from (none unless listed), the largest request body, and requests per second per client.
 *
 * @param allowedHosts   {@code Host} names accepted: the bound address, loopback names when bound to loopback,
 *                       and {@code MCP_ALLOWED_HOSTS}
 * @param allowedOrigins {@code Origin} values accepted ({@code MCP_ALLOWED_ORIGINS}); a request without one is a
 *                       non-browser client and passes
 * @param stateless      {@code MCP_HTTP_STATELESS}: no sessions, so that any replica can answer any request
 * @param loopbackOrigins bound to loopback: pages served from this machine ({@code http://localhost:*},
 *                        {@code http://127.0.0.1:*}) may call too, as the MCP Inspector does
 */
public record HttpSettings(Set<String> allowedHosts, Set<String> allowedOrigins, int maxRequestBytes, int clientRatePerSecond,
                           boolean stateless, boolean loopbackOrigins) {

    static final int DEFAULT_MAX_REQUEST_BYTES = 1 << 20;
    static final int DEFAULT_CLIENT_RATE = 1000;
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    public static HttpSettings fromEnvironment(Map<String, String> env, String boundHost) {
        Set<String> hosts = new LinkedHashSet<>();
        hosts.add(hostName(boundHost));
        boolean loopback = LOOPBACK_NAMES.contains(boundHost) || boundHost.startsWith("127.");
        if (loopback) {
            hosts.addAll(LOOPBACK_NAMES);
        }
        if (boundHost.equals("0.0.0.0") || boundHost.equals("::") || boundHost.equals("[::]")) {
            hosts.addAll(LOOPBACK_NAMES);
            hosts.addAll(localNames());
        }
        for (String host : list(env.get("MCP_ALLOWED_HOSTS"))) {
            if (host.contains("/") || host.contains(" ")) {
                throw new SettingsException("MCP_ALLOWED_HOSTS: expected host names separated by commas (e.g. mcp.example.com), got '"
                        + host + "'");
            }
            hosts.add(hostName(host));
        }
        Set<String> origins = new LinkedHashSet<>();
        for (String origin : list(env.get("MCP_ALLOWED_ORIGINS"))) {
            origins.add(origin(origin));
        }
        int maxBytes = positive(env, "MCP_MAX_REQUEST_BYTES", DEFAULT_MAX_REQUEST_BYTES);
        int rate = positive(env, "MCP_CLIENT_RATE_LIMIT", DEFAULT_CLIENT_RATE);
        String statelessValue = env.getOrDefault("MCP_HTTP_STATELESS", "false").trim().toLowerCase(Locale.ROOT);
        if (!Set.of("true", "false", "1", "0").contains(statelessValue)) {
            throw new SettingsException("MCP_HTTP_STATELESS: expected true or false, got '" + env.get("MCP_HTTP_STATELESS") + "'");
        }
        boolean stateless = statelessValue.equals("true") || statelessValue.equals("1");
        return new HttpSettings(Set.copyOf(hosts), Set.copyOf(origins), maxBytes, rate, stateless, loopback);
    }

    /** Whether a request's {@code Origin} may call: listed, or a loopback page when bound to loopback. */
    public boolean allowsOrigin(String origin) {
        String value = origin.trim().toLowerCase(Locale.ROOT);
        if (allowedOrigins.contains(value)) {
            return true;
        }
        if (!loopbackOrigins) {
            return false;
        }
        try {
            URI uri = URI.create(value);
            return (uri.getScheme().equals("http") || uri.getScheme().equals("https")) && uri.getHost() != null
                    && LOOPBACK_NAMES.contains(uri.getHost());
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** The host name of a {@code Host} header or address, lowercase, without port; IPv6 keeps its brackets off. */
    static String hostName(String host) {
        String value = host.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end > 0 ? value.substring(1, end) : value;
        }
        int colon = value.indexOf(':');
        if (colon >= 0 && value.indexOf(':', colon + 1) < 0) {
            return value.substring(0, colon);
        }
        return value;
    }

    private static String origin(String origin) {
        String value = origin.trim().toLowerCase(Locale.ROOT);
        if (value.equals("null")) {
            throw new SettingsException("MCP_ALLOWED_ORIGINS: 'null' cannot be allowed (it is what sandboxed pages and files send)");
        }
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty())) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new SettingsException("MCP_ALLOWED_ORIGINS: expected origins like https://app.example.com separated by commas, got '"
                    + origin + "'");
        }
        return value;
    }

    /** Bound to every interface: this machine's own addresses and name are what clients may address. */
    private static Set<String> localNames() {
        Set<String> names = new LinkedHashSet<>();
        try {
            names.add(java.net.InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
            for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
                for (java.net.InetAddress address : java.util.Collections.list(nic.getInetAddresses())) {
                    String text = address.getHostAddress();
                    int zone = text.indexOf('%');
                    names.add((zone > 0 ? text.substring(0, zone) : text).toLowerCase(Locale.ROOT));
                }
            }
        } catch (java.io.IOException e) {
            // names that cannot be read are not allowed; MCP_ALLOWED_HOSTS adds them
        }
        return names;
    }

    private static Set<String> list(String value) {
        Set<String> items = new LinkedHashSet<>();
        if (value != null) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }

    private static int positive(Map<String, String> env, String variable, int fallback) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new SettingsException(variable + ": expected a whole number of at least 1, got '" + value + "'");
    }
}
