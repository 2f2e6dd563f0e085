package io.github.proxmoxmcp.server.mcp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.server.config.SettingsException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

    @Test
    void loopbackAcceptsTheLoopbackNamesAndNoOrigin() {
        HttpSettings settings = HttpSettings.fromEnvironment(Map.of(), "127.0.0.1");

        assertEquals(Set.of("127.0.0.1", "localhost", "::1", "[::1]"), settings.allowedHosts());
        assertEquals(Set.of(), settings.allowedOrigins());
        assertEquals(1 << 20, settings.maxRequestBytes());
        assertEquals(1000, settings.clientRatePerSecond());
    }

    @Test
    void configuredHostsAndOriginsAreAdded() {
        HttpSettings settings = HttpSettings.fromEnvironment(Map.of("MCP_ALLOWED_HOSTS", "mcp.example.com, MCP2.example.com:8443",
                "MCP_ALLOWED_ORIGINS", "https://Console.example.com,http://localhost:6274"), "10.1.2.3");

        assertEquals(Set.of("10.1.2.3", "mcp.example.com", "mcp2.example.com"), settings.allowedHosts());
        assertEquals(Set.of("https://console.example.com", "http://localhost:6274"), settings.allowedOrigins());
    }

    @Test
    void onLoopbackPagesOfThisMachineMayCall() {
        HttpSettings loopback = HttpSettings.fromEnvironment(Map.of(), "127.0.0.1");
        assertTrue(loopback.allowsOrigin("http://localhost:6274"));
        assertTrue(loopback.allowsOrigin("http://127.0.0.1:8080"));
        assertFalse(loopback.allowsOrigin("http://evil.example"));
        assertFalse(loopback.allowsOrigin("null"));
        assertFalse(HttpSettings.fromEnvironment(Map.of(), "10.1.2.3").allowsOrigin("http://localhost:6274"));
    }

    @Test
    void everyInterfaceAcceptsThisMachinesAddresses() {
        assertTrue(HttpSettings.fromEnvironment(Map.of(), "0.0.0.0").allowedHosts().contains("127.0.0.1"));
    }

    @Test
    void hostNamesLoseTheirPort() {
        assertEquals("example.com", HttpSettings.hostName("Example.com:8080"));
        assertEquals("::1", HttpSettings.hostName("[::1]:8080"));
        assertEquals("fe80::1", HttpSettings.hostName("fe80::1"));
    }

    @Test
    void badValuesNameTheVariable() {
        assertEquals("MCP_ALLOWED_ORIGINS: expected origins like https://app.example.com separated by commas, got 'evil.example'",
                assertThrows(SettingsException.class, () -> HttpSettings.fromEnvironment(
                        Map.of("MCP_ALLOWED_ORIGINS", "evil.example"), "127.0.0.1")).getMessage());
        assertEquals("MCP_ALLOWED_ORIGINS: 'null' cannot be allowed (it is what sandboxed pages and files send)",
                assertThrows(SettingsException.class, () -> HttpSettings.fromEnvironment(
                        Map.of("MCP_ALLOWED_ORIGINS", "null"), "127.0.0.1")).getMessage());
        assertEquals("MCP_MAX_REQUEST_BYTES: expected a whole number of at least 1, got '0'",
                assertThrows(SettingsException.class, () -> HttpSettings.fromEnvironment(
                        Map.of("MCP_MAX_REQUEST_BYTES", "0"), "127.0.0.1")).getMessage());
        assertEquals("MCP_ALLOWED_HOSTS: expected host names separated by commas (e.g. mcp.example.com), got 'a/b'",
                assertThrows(SettingsException.class, () -> HttpSettings.fromEnvironment(
                        Map.of("MCP_ALLOWED_HOSTS", "a/b"), "127.0.0.1")).getMessage());
    }

    @Test
    void transportErrorsGetTheirJsonRpcCodes() {
        assertEquals(JsonRpcError.of(404, -32001, "Session not found: it ended or never existed; start a new one with initialize"),
                ErrorRewritingResponse.error(404, "Session not found: abc"));
        assertEquals(JsonRpcError.of(500, -32603, "Internal error"), ErrorRewritingResponse.error(500, "NullPointerException\n\tat x"));
        assertEquals(JsonRpcError.of(405, -32000, "Method not allowed"), ErrorRewritingResponse.error(405, ""));
    }
}
