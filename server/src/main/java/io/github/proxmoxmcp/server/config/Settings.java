package io.github.proxmoxmcp.server.config;

import io.github.proxmoxmcp.core.client.ProxmoxTrust;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server's configuration, read from environment variables (with the names other Proxmox MCP
 * servers use as aliases) and checked up front: a bad or missing value is a {@link SettingsException}
 * naming the variable, never a silent fallback.
 *
 * @param url            {@code https://host:port}, without the API path
 * @param packs          enabled pack names; empty = all
 * @param toolMode       {@code full} (every tool listed) or {@code discover} (three tools that search, describe and call the rest)
 * @param tools          allow-list of tool names on top of the packs; empty = all
 */
public record Settings(
        Optional<URI> url,
        Optional<String> tokenId,
        Optional<String> tokenSecret,
        String user,
        Optional<String> password,
        String sslMode,
        Optional<String> caFile,
        Optional<String> tlsFingerprint,
        boolean allowElevated,
        List<String> packs,
        Duration timeout,
        int retryAttempts,
        Duration retryDelay,
        int maxConcurrent,
        double rateLimit,
        Optional<String> defaultNode,
        String logLevel,
        String transport,
        String mcpHost,
        int mcpPort,
        Optional<String> mcpAuthToken,
        boolean sandbox,
        String toolMode,
        List<String> tools) {

    static final List<String> SSL_MODES = List.of("strict", "verify", "insecure");
    static final List<String> LOG_LEVELS = List.of("error", "warn", "info", "debug", "trace");
    static final List<String> TRANSPORTS = List.of("stdio", "http");
    static final List<String> TOOL_MODES = List.of("full", "discover");

    public static Settings fromEnvironment(Map<String, String> env) {
        Env e = new Env(env);
        String user = e.first("PROXMOX_USER").orElse("root@pam");
        checkUser("PROXMOX_USER", user);

        Optional<URI> url = url(e);

        Optional<String> tokenId = Optional.empty();
        Optional<String> tokenSecret = Optional.empty();
        Optional<String> fullId = e.first("PROXMOX_API_TOKEN_ID", "PROXMOX_TOKEN_ID");
        Optional<String> name = e.first("PROXMOX_TOKEN_NAME");
        if (fullId.isPresent()) {
            tokenId = fullId;
        } else if (name.isPresent()) {
            tokenId = Optional.of(name.get().contains("!") ? name.get() : user + "!" + name.get());
        }
        tokenSecret = e.first("PROXMOX_TOKEN_VALUE", "PROXMOX_API_TOKEN_SECRET", "PROXMOX_TOKEN_SECRET");
        if (tokenId.isPresent() && !tokenId.get().matches("[^\\s!@]+@[^\\s!@]+![A-Za-z][A-Za-z0-9._-]*")) {
            throw new SettingsException("PROXMOX_TOKEN_NAME / PROXMOX_API_TOKEN_ID: expected a token id like root@pam!mcp "
                    + "(user@realm!tokenname), got '" + tokenId.get() + "'");
        }
        if (tokenId.isPresent() != tokenSecret.isPresent()) {
            throw new SettingsException(tokenId.isPresent()
                    ? "PROXMOX_TOKEN_VALUE is required with PROXMOX_TOKEN_NAME (the token's secret UUID)"
                    : "PROXMOX_TOKEN_NAME is required with PROXMOX_TOKEN_VALUE (the token name, e.g. mcp for root@pam!mcp)");
        }
        Optional<String> password = e.first("PROXMOX_PASSWORD");

        String sslMode = e.first("PROXMOX_SSL_MODE").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        Optional<String> verifySsl = e.first("PROXMOX_VERIFY_SSL");
        if (verifySsl.isPresent() && sslMode == null) {
            sslMode = bool("PROXMOX_VERIFY_SSL", verifySsl.get()) ? "strict" : "insecure";
        }
        Optional<String> caFile = e.first("PROXMOX_CA_FILE");
        Optional<String> fingerprint = e.first("PROXMOX_TLS_FINGERPRINT");
        if (sslMode == null) {
            sslMode = caFile.isPresent() || fingerprint.isPresent() ? "verify" : "strict";
        }
        oneOf("PROXMOX_SSL_MODE", sslMode, SSL_MODES);
        if (sslMode.equals("verify") && caFile.isEmpty() && fingerprint.isEmpty()) {
            throw new SettingsException("PROXMOX_SSL_MODE=verify needs PROXMOX_CA_FILE (e.g. a copy of /etc/pve/pve-root-ca.pem) "
                    + "or PROXMOX_TLS_FINGERPRINT (the certificate's SHA-256 fingerprint)");
        }
        if (caFile.isPresent() && !Files.isReadable(Path.of(caFile.get()))) {
            throw new SettingsException("PROXMOX_CA_FILE: cannot read " + caFile.get());
        }
        if (caFile.isPresent()) {
            try {
                ProxmoxTrust.caFile(Path.of(caFile.get()));
            } catch (IllegalStateException unusable) {
                throw new SettingsException(unusable.getMessage());
            }
        }
        if (fingerprint.isPresent() && !fingerprint.get().replace(":", "").matches("(?i)[0-9a-f]{64}")) {
            throw new SettingsException("PROXMOX_TLS_FINGERPRINT: expected a SHA-256 fingerprint, 64 hex digits with or without colons "
                    + "(pvenode cert info shows it)");
        }

        boolean allowElevated = e.first("PROXMOX_ALLOW_ELEVATED").map(v -> bool("PROXMOX_ALLOW_ELEVATED", v)).orElse(false);
        List<String> packs = e.first("PROXMOX_TOOL_PACKS")
                .map(v -> List.of(v.toLowerCase(Locale.ROOT).split("\\s*,\\s*")).stream().filter(s -> !s.isBlank()).toList())
                .orElse(List.of());
        Duration timeout = Duration.ofMillis((long) positive(e, "PROXMOX_TIMEOUT", 30000, 1));
        int retries = (int) positive(e, "PROXMOX_RETRY_ATTEMPTS", 3, 0);
        Duration retryDelay = Duration.ofMillis((long) positive(e, "PROXMOX_RETRY_DELAY", 1000, 0));
        int maxConcurrent = (int) positive(e, "PROXMOX_MAX_CONCURRENT", 8, 1);
        double rateLimit = positive(e, "PROXMOX_RATE_LIMIT", 20, 1);
        String logLevel = e.first("LOG_LEVEL").map(s -> s.toLowerCase(Locale.ROOT)).orElse("info");
        oneOf("LOG_LEVEL", logLevel, LOG_LEVELS);
        String transport = e.first("MCP_TRANSPORT").map(s -> s.toLowerCase(Locale.ROOT)).orElse("stdio");
        oneOf("MCP_TRANSPORT", transport, TRANSPORTS);
        String mcpHost = e.first("MCP_HOST").orElse("127.0.0.1");
        int mcpPort = (int) positive(e, "MCP_PORT", 8080, 1);
        if (mcpPort > 65535) {
            throw new SettingsException("MCP_PORT: expected a port number 1-65535, got '" + mcpPort + "'");
        }
        Optional<String> mcpAuthToken = e.first("MCP_AUTH_TOKEN");
        if (transport.equals("http") && mcpAuthToken.isEmpty() && !loopback(mcpHost)) {
            throw new SettingsException("MCP_AUTH_TOKEN is required when MCP_HOST (" + mcpHost + ") is not a loopback address: "
                    + "anyone who reaches the port could otherwise run tools");
        }
        boolean sandbox = e.first("PROXMOX_SANDBOX").map(v -> bool("PROXMOX_SANDBOX", v)).orElse(false);
        String toolMode = e.first("PROXMOX_TOOL_MODE").map(s -> s.toLowerCase(Locale.ROOT)).orElse("full");
        oneOf("PROXMOX_TOOL_MODE", toolMode, TOOL_MODES);
        List<String> tools = e.first("PROXMOX_TOOLS")
                .map(v -> List.of(v.split("\\s*,\\s*")).stream().map(String::trim).filter(t -> !t.isBlank()).distinct().toList())
                .orElse(List.of());
        return new Settings(url, tokenId, tokenSecret, user, password, sslMode, caFile, fingerprint, allowElevated, packs,
                timeout, retries, retryDelay, maxConcurrent, rateLimit, e.first("PROXMOX_DEFAULT_NODE"), logLevel, transport,
                mcpHost, mcpPort, mcpAuthToken, sandbox, toolMode, tools);
    }

    /** Checks what talking to Proxmox needs: where it is and how to log in. */
    public Settings requireConnection() {
        if (url.isEmpty()) {
            throw new SettingsException("PROXMOX_HOST is required: the Proxmox host name or address (or PROXMOX_URL=https://host:8006); "
                    + "try --sandbox to use a simulated cluster");
        }
        if (tokenId.isEmpty() && password.isEmpty()) {
            throw new SettingsException("credentials are required: PROXMOX_TOKEN_NAME and PROXMOX_TOKEN_VALUE (an API token), "
                    + "or PROXMOX_USER and PROXMOX_PASSWORD");
        }
        return this;
    }

    /** The same settings pointed at another cluster with other credentials (the sandbox). */
    public Settings withConnection(URI newUrl, String newTokenId, String newTokenSecret, boolean elevated) {
        return new Settings(Optional.of(newUrl), Optional.of(newTokenId), Optional.of(newTokenSecret), user, Optional.empty(),
                "strict", Optional.empty(), Optional.empty(), elevated, packs, timeout, retryAttempts, retryDelay, maxConcurrent,
                rateLimit, defaultNode, logLevel, transport, mcpHost, mcpPort, mcpAuthToken, true, toolMode, tools);
    }

    public Settings withPacks(List<String> newPacks) {
        return new Settings(url, tokenId, tokenSecret, user, password, sslMode, caFile, tlsFingerprint, allowElevated, newPacks,
                timeout, retryAttempts, retryDelay, maxConcurrent, rateLimit, defaultNode, logLevel, transport, mcpHost, mcpPort,
                mcpAuthToken, sandbox, toolMode, tools);
    }

    /** The credentials in these settings, for the log redactor. */
    public List<String> secrets() {
        return java.util.stream.Stream.of(tokenSecret, password, mcpAuthToken).flatMap(Optional::stream).toList();
    }

    /** The Micronaut properties of the Proxmox client core. */
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        url.ifPresent(u -> p.put("micronaut.http.services.proxmox.url", u.toString()));
        // the read and request timeouts of the HTTP client follow proxmox.timeout (set by the core's client)
        p.put("micronaut.http.services.proxmox.connect-timeout", Math.min(timeout.toMillis(), 10000) + "ms");
        p.put("micronaut.http.services.proxmox.follow-redirects", false);
        tokenId.ifPresent(v -> p.put("proxmox.token-id", v));
        tokenSecret.ifPresent(v -> p.put("proxmox.token-secret", v));
        p.put("proxmox.user", user);
        password.ifPresent(v -> p.put("proxmox.password", v));
        p.put("proxmox.ssl-mode", sslMode);
        caFile.ifPresent(v -> p.put("proxmox.ca-file", v));
        tlsFingerprint.ifPresent(v -> p.put("proxmox.tls-fingerprint", v));
        p.put("proxmox.timeout", timeout.toMillis() + "ms");
        p.put("proxmox.retry-attempts", retryAttempts);
        p.put("proxmox.retry-delay", retryDelay.toMillis() + "ms");
        p.put("proxmox.max-concurrent", maxConcurrent);
        p.put("proxmox.rate-limit", rateLimit);
        defaultNode.ifPresent(v -> p.put("proxmox.default-node", v));
        p.put("proxmox.allow-elevated", allowElevated);
        return p;
    }

    private static Optional<URI> url(Env e) {
        Optional<String> full = e.first("PROXMOX_URL");
        Optional<String> host = e.first("PROXMOX_HOST");
        String port = e.first("PROXMOX_PORT").orElse("8006");
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new SettingsException("PROXMOX_PORT: expected a port number 1-65535, got '" + port + "'");
        }
        String text = full.orElse(host.map(h -> h.contains("://") ? h : "https://" + bracketIpv6(h) + ":" + port).orElse(null));
        if (text == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(text.replaceAll("/+$", "").replaceAll("/api2/json$", ""));
            if (uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                throw new IllegalArgumentException("no host");
            }
            int p = uri.getPort() > 0 ? uri.getPort() : Integer.parseInt(port);
            return Optional.of(new URI(uri.getScheme(), null, uri.getHost(), p, null, null, null));
        } catch (IllegalArgumentException | java.net.URISyntaxException ex) {
            throw new SettingsException((full.isPresent() ? "PROXMOX_URL" : "PROXMOX_HOST")
                    + ": expected a host name or address (PROXMOX_HOST=pve.example.com) or https://host:port, got '" + text + "'");
        }
    }

    private static String bracketIpv6(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static boolean loopback(String host) {
        return host.equals("localhost") || host.equals("::1") || host.equals("[::1]") || host.startsWith("127.");
    }

    private static void checkUser(String variable, String user) {
        if (!user.matches("[^\\s@!]+@[^\\s@!]+")) {
            throw new SettingsException(variable + ": expected user@realm (e.g. root@pam), got '" + user + "'");
        }
    }

    private static void oneOf(String variable, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new SettingsException(variable + ": '" + value + "' is not allowed; use one of " + String.join(", ", allowed));
        }
    }

    private static boolean bool(String variable, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new SettingsException(variable + ": '" + value + "' is not a boolean; use true or false");
        };
    }

    private static double positive(Env e, String variable, double fallback, double min) {
        Optional<String> value = e.first(variable);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(value.get());
            if (d < min || Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException ex) {
            throw new SettingsException(variable + ": expected a number >= " + (long) min + ", got '" + value.get() + "'");
        }
    }

    /** Reads variables, treating blank values as unset. */
    private record Env(Map<String, String> values) {
        Optional<String> first(String... names) {
            for (String name : names) {
                String v = values.get(name);
                if (v != null && !v.isBlank()) {
                    return Optional.of(v.trim());
                }
            }
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "Settings[url=" + url.map(URI::toString).orElse("-") + ", tokenId=" + tokenId.orElse("-")
                + ", auth=" + (tokenSecret.isPresent() ? "token" : password.isPresent() ? "password" : "none")
                + ", sslMode=" + sslMode + ", allowElevated=" + allowElevated + ", packs=" + packs + ", transport=" + transport
                + (transport.equals("http") ? " " + mcpHost + ":" + mcpPort + (mcpAuthToken.isPresent() ? " (token)" : "") : "") + "]";
    }
}
