package io.github.proxmoxmcp.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static Settings of(String... kv) {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            env.put(kv[i], kv[i + 1]);
        }
        return Settings.fromEnvironment(env);
    }

    private static String error(String... kv) {
        return assertThrows(SettingsException.class, () -> of(kv).requireConnection()).getMessage();
    }

    @Test
    void defaults() {
        Settings s = of("PROXMOX_HOST", "pve.lan", "PROXMOX_TOKEN_NAME", "mcp", "PROXMOX_TOKEN_VALUE", "s3cret");
        assertEquals("https://pve.lan:8006", s.url().orElseThrow().toString());
        assertEquals("root@pam!mcp", s.tokenId().orElseThrow());
        assertEquals("strict", s.sslMode());
        assertFalse(s.allowElevated());
        assertEquals(List.of(), s.packs());
        assertEquals(Duration.ofSeconds(30), s.timeout());
        assertEquals(3, s.retryAttempts());
        assertEquals(Duration.ofSeconds(1), s.retryDelay());
        assertEquals("stdio", s.transport());
        Map<String, Object> p = s.properties();
        assertEquals("https://pve.lan:8006", p.get("micronaut.http.services.proxmox.url"));
        assertEquals("30000ms", p.get("proxmox.timeout"));
        assertEquals(8, p.get("proxmox.max-concurrent"));
        assertEquals("10000ms", p.get("micronaut.http.services.proxmox.connect-timeout"));
        assertEquals("root@pam!mcp", p.get("proxmox.token-id"));
        assertEquals(false, p.get("proxmox.allow-elevated"));
    }

    @Test
    void aliasesOfOtherServers() {
        Settings a = of("PROXMOX_URL", "https://10.0.0.5:8006/api2/json", "PROXMOX_API_TOKEN_ID", "ops@pve!agent",
                "PROXMOX_API_TOKEN_SECRET", "x", "PROXMOX_VERIFY_SSL", "false");
        assertEquals("https://10.0.0.5:8006", a.url().orElseThrow().toString());
        assertEquals("ops@pve!agent", a.tokenId().orElseThrow());
        assertEquals("insecure", a.sslMode());
        Settings b = of("PROXMOX_HOST", "pve", "PROXMOX_PORT", "443", "PROXMOX_TOKEN_ID", "root@pam!t", "PROXMOX_TOKEN_SECRET", "y");
        assertEquals("https://pve:443", b.url().orElseThrow().toString());
        assertEquals("y", b.tokenSecret().orElseThrow());
        Settings c = of("PROXMOX_HOST", "pve", "PROXMOX_USER", "admin@pve", "PROXMOX_TOKEN_NAME", "ro", "PROXMOX_TOKEN_VALUE", "z");
        assertEquals("admin@pve!ro", c.tokenId().orElseThrow());
    }

    @Test
    void fingerprintSelectsVerifyMode() {
        Settings s = of("PROXMOX_HOST", "pve", "PROXMOX_PASSWORD", "pw",
                "PROXMOX_TLS_FINGERPRINT", "AB:".repeat(31) + "AB");
        assertEquals("verify", s.sslMode());
        assertTrue(s.password().isPresent());
    }

    @Test
    void badValuesNameTheVariableAndWhatIsAllowed() {
        assertEquals("PROXMOX_HOST is required: the Proxmox host name or address (or PROXMOX_URL=https://host:8006); "
                + "try --sandbox to use a simulated cluster", error("PROXMOX_TOKEN_NAME", "a", "PROXMOX_TOKEN_VALUE", "b"));
        assertEquals("credentials are required: PROXMOX_TOKEN_NAME and PROXMOX_TOKEN_VALUE (an API token), "
                + "or PROXMOX_USER and PROXMOX_PASSWORD", error("PROXMOX_HOST", "pve"));
        assertEquals("PROXMOX_SSL_MODE: 'loose' is not allowed; use one of strict, verify, insecure",
                error("PROXMOX_SSL_MODE", "loose"));
        assertEquals("PROXMOX_ALLOW_ELEVATED: 'maybe' is not a boolean; use true or false", error("PROXMOX_ALLOW_ELEVATED", "maybe"));
        assertEquals("PROXMOX_PORT: expected a port number 1-65535, got '99999'", error("PROXMOX_HOST", "pve", "PROXMOX_PORT", "99999"));
        assertEquals("PROXMOX_TIMEOUT: expected a number >= 1, got 'soon'", error("PROXMOX_TIMEOUT", "soon"));
        assertEquals("LOG_LEVEL: 'loud' is not allowed; use one of error, warn, info, debug, trace", error("LOG_LEVEL", "loud"));
        assertEquals("PROXMOX_TOKEN_VALUE is required with PROXMOX_TOKEN_NAME (the token's secret UUID)",
                error("PROXMOX_TOKEN_NAME", "mcp"));
        assertEquals("PROXMOX_SSL_MODE=verify needs PROXMOX_CA_FILE (e.g. a copy of /etc/pve/pve-root-ca.pem) "
                + "or PROXMOX_TLS_FINGERPRINT (the certificate's SHA-256 fingerprint)", error("PROXMOX_SSL_MODE", "verify"));
        assertEquals("PROXMOX_CA_FILE: cannot read /nonexistent/ca.pem", error("PROXMOX_CA_FILE", "/nonexistent/ca.pem"));
        assertTrue(error("PROXMOX_TLS_FINGERPRINT", "abc").startsWith("PROXMOX_TLS_FINGERPRINT: expected a SHA-256 fingerprint"));
        assertEquals("PROXMOX_USER: expected user@realm (e.g. root@pam), got 'root'", error("PROXMOX_USER", "root"));
    }

    @Test
    void caFileMustHoldACertificate(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path empty = java.nio.file.Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        String message = error("PROXMOX_HOST", "pve", "PROXMOX_PASSWORD", "pw", "PROXMOX_CA_FILE", empty.toString());
        assertTrue(message.startsWith("PROXMOX_CA_FILE " + empty), message);
    }

    @Test
    void httpTransport() {
        Settings local = of("MCP_TRANSPORT", "http");
        assertEquals("http", local.transport());
        assertEquals("127.0.0.1", local.mcpHost());
        assertEquals(8080, local.mcpPort());
        Settings remote = of("MCP_TRANSPORT", "http", "MCP_HOST", "0.0.0.0", "MCP_PORT", "9443", "MCP_AUTH_TOKEN", "t0ken");
        assertEquals(9443, remote.mcpPort());
        assertEquals("t0ken", remote.mcpAuthToken().orElseThrow());
        assertFalse(remote.toString().contains("t0ken"));
        assertEquals("MCP_AUTH_TOKEN is required when MCP_HOST (0.0.0.0) is not a loopback address: "
                + "anyone who reaches the port could otherwise run tools", error("MCP_TRANSPORT", "http", "MCP_HOST", "0.0.0.0"));
        assertEquals("MCP_TRANSPORT: 'sse' is not allowed; use one of stdio, http", error("MCP_TRANSPORT", "sse"));
    }

    @Test
    void toStringNeverShowsSecrets() {
        Settings s = of("PROXMOX_HOST", "pve", "PROXMOX_TOKEN_NAME", "mcp", "PROXMOX_TOKEN_VALUE", "very-secret-value");
        assertFalse(s.toString().contains("very-secret-value"));
        Settings p = of("PROXMOX_HOST", "pve", "PROXMOX_PASSWORD", "hunter2");
        assertFalse(p.toString().contains("hunter2"));
    }

    @Test
    void toolModeAndAllowList() {
        Settings s = of("PROXMOX_TOOL_MODE", "Discover", "PROXMOX_TOOLS", " proxmox_node_list, proxmox_guest_list ,,proxmox_node_list");
        assertEquals("discover", s.toolMode());
        assertEquals(List.of("proxmox_node_list", "proxmox_guest_list"), s.tools());
        assertEquals("full", of().toolMode());
        assertEquals(List.of(), of().tools());
        assertTrue(assertThrows(SettingsException.class, () -> of("PROXMOX_TOOL_MODE", "lazy")).getMessage()
                .startsWith("PROXMOX_TOOL_MODE: "));
    }
}
