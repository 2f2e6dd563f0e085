package io.github.proxmoxmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.testing.MockProxmox;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Even at LOG_LEVEL=trace, no credential reaches stdout or stderr, whatever the outcome of the call. */
class SecretsIT {

    private static final String TOKEN_SECRET = "5ecre7-t0ken-value-0b8f";
    private static final String PASSWORD = "hunter2-Pa55word";
    private static final String TICKET = "PVE:root@pam:6743A1B2::c2VjcmV0LXRpY2tldC1zaWduYXR1cmU=";
    private static final String CSRF = "6743A1B2:Y3NyZi1zZWNyZXQ";

    private final MockProxmox proxmox = MockProxmox.shared();

    @BeforeEach
    void reset() {
        proxmox.reset();
    }

    private static String run(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ServerProcess.command(args));
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("LOG_LEVEL", "trace");
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return output;
    }

    @Test
    void tokenSecretStaysOutOfEveryOutput() throws Exception {
        proxmox.respond("GET", "/nodes", "[{\"node\":\"pve1\",\"status\":\"online\"}]");
        proxmox.fail("GET", "/nodes/pve1/status", 403, "Permission check failed (/nodes/pve1, Sys.Audit)", Map.of());
        Map<String, String> env = Map.of("PROXMOX_URL", proxmox.url(), "PROXMOX_TOKEN_NAME", "mcp",
                "PROXMOX_TOKEN_VALUE", TOKEN_SECRET);

        String ok = run(env, "call", "proxmox_node_list");
        String denied = run(env, "call", "proxmox_node_status", "{\"node\":\"pve1\"}");

        assertTrue(ok.contains("pve1  online"), ok);
        assertTrue(denied.contains("Proxmox API error 403: Permission check failed (/nodes/pve1, Sys.Audit)"), denied);
        assertEquals("PVEAPIToken=root@pam!mcp=" + TOKEN_SECRET, proxmox.requests().getFirst().headers().get("authorization"));
        for (String output : List.of(ok, denied)) {
            assertFalse(output.contains(TOKEN_SECRET), output);
        }
    }

    @Test
    void aNewTokensSecretIsInItsResultOnceAndInNoLogLine() throws Exception {
        String newSecret = "0b2c7d5e-new-token-secret-4e5f";
        proxmox.respond("POST", "/access/users/ci%40pve/token/deploy",
                "{\"full-tokenid\":\"ci@pve!deploy\",\"info\":{\"privsep\":1},\"value\":\"" + newSecret + "\"}");
        proxmox.respond("POST", "/access/domains", "null");
        Map<String, String> env = Map.of("PROXMOX_URL", proxmox.url(), "PROXMOX_TOKEN_NAME", "mcp",
                "PROXMOX_TOKEN_VALUE", TOKEN_SECRET, "PROXMOX_ALLOW_ELEVATED", "true");

        String token = run(env, "call", "proxmox_access_token_manage", "{\"action\":\"create\",\"userid\":\"ci@pve\",\"tokenid\":\"deploy\"}");
        String realm = run(env, "call", "proxmox_access_realm_manage", "{\"action\":\"create\",\"realm\":\"sso\",\"type\":\"openid\","
                + "\"settings\":{\"issuer-url\":\"https://sso.example.com\",\"client-id\":\"pve\",\"client-key\":\"" + PASSWORD + "\"}}");

        assertTrue(token.contains("secret: " + newSecret), token);
        assertEquals(1, token.split(newSecret, -1).length - 1, "the secret is in the result only:\n" + token);
        assertTrue(realm.contains("realm sso (openid) created"), realm);
        assertEquals(PASSWORD, proxmox.requests().getLast().form().get("client-key"));
        for (String output : List.of(token, realm)) {
            assertFalse(output.contains(TOKEN_SECRET), output);
            assertFalse(output.contains(PASSWORD), output);
        }
    }

    @Test
    void passwordTicketAndCsrfTokenStayOutOfEveryOutput() throws Exception {
        proxmox.respond("POST", "/access/ticket",
                "{\"username\":\"root@pam\",\"ticket\":\"" + TICKET + "\",\"CSRFPreventionToken\":\"" + CSRF + "\"}");
        proxmox.respond("GET", "/nodes", "[{\"node\":\"pve1\",\"status\":\"online\"}]");
        Map<String, String> env = new HashMap<>(Map.of("PROXMOX_URL", proxmox.url(), "PROXMOX_PASSWORD", PASSWORD));

        String output = run(env, "call", "proxmox_node_list");

        assertTrue(output.contains("pve1  online"), output);
        assertEquals("POST /access/ticket", proxmox.requests().getFirst().line());
        for (String secret : List.of(PASSWORD, TICKET, CSRF, "c2VjcmV0LXRpY2tldC1zaWduYXR1cmU")) {
            assertFalse(output.contains(secret), secret + " leaked:\n" + output);
        }
    }

    @Test
    void storageSecretsStayWriteOnly() throws Exception {
        String password = "pbs-Pa55word-9f3";
        String keyring = "AQBxyzKeyringSecret0123==";
        String encryptionKey = "{\"kdf\":null,\"key\":\"RW5jcnlwdGlvbktleVNlY3JldA==\"}";
        proxmox.respond("POST", "/storage", "{\"storage\":\"pbs\",\"type\":\"pbs\",\"config\":{\"encryption-key\":\"{\\\"key\\\":"
                + "\\\"R2VuZXJhdGVkS2V5U2VjcmV0\\\"}\"}}");
        proxmox.respond("GET", "/storage/pbs", "{\"storage\":\"pbs\",\"type\":\"pbs\",\"password\":\"" + password
                + "\",\"keyring\":\"" + keyring + "\"}");
        Map<String, String> env = Map.of("PROXMOX_URL", proxmox.url(), "PROXMOX_TOKEN_NAME", "mcp",
                "PROXMOX_TOKEN_VALUE", TOKEN_SECRET, "PROXMOX_ALLOW_ELEVATED", "true");
        String arguments = "{\"storage\":\"pbs\",\"action\":\"create\",\"type\":\"pbs\",\"settings\":{\"server\":\"pbs.lan\","
                + "\"datastore\":\"main\",\"password\":\"" + password + "\",\"encryption-key\":" + json(encryptionKey) + "}}";

        String created = run(env, "call", "proxmox_storage_manage", arguments);
        String shown = run(env, "call", "proxmox_storage_get", "{\"storage\":\"pbs\"}");

        assertTrue(created.contains("storage pbs (pbs) created; an encryption key was set"), created);
        assertTrue(shown.contains("password: (hidden)"), shown);
        assertEquals(password, proxmox.requests().getFirst().form().get("password"));
        for (String output : List.of(created, shown)) {
            for (String secret : List.of(password, keyring, "RW5jcnlwdGlvbktleVNlY3JldA", "R2VuZXJhdGVkS2V5U2VjcmV0", TOKEN_SECRET)) {
                assertFalse(output.contains(secret), secret + " leaked:\n" + output);
            }
        }
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void writeOnlyFormValuesStayOutOfTraceLogs() throws Exception {
        proxmox.respond("POST", "/cluster/metrics/server/influx", "null");
        proxmox.respond("PUT", "/cluster/options", "null");
        Map<String, String> env = Map.of("PROXMOX_URL", proxmox.url(), "PROXMOX_TOKEN_NAME", "mcp",
                "PROXMOX_TOKEN_VALUE", TOKEN_SECRET, "PROXMOX_ALLOW_ELEVATED", "true");

        String metric = run(env, "call", "proxmox_cluster_config_manage", """
                {"kind":"metric_server","action":"create","id":"influx","set":{"type":"influxdb","server":"10.0.0.5",
                 "port":8086,"token":"1nflux-t0ken-value","otel-headers":"eyJBdXRob3JpemF0aW9uIjoieCJ9"}}""");
        String options = run(env, "call", "proxmox_cluster_options_set", "{\"set\":{\"http_proxy\":\"http://u:pr0xy-pa55@p:3128\"}}");

        assertTrue(metric.contains("metric server influx created"), metric);
        assertTrue(options.contains("datacenter options updated: set http_proxy"), options);
        assertEquals("1nflux-t0ken-value", proxmox.requests().getFirst().form().get("token"));
        for (String secret : List.of("1nflux-t0ken-value", "eyJBdXRob3JpemF0aW9uIjoieCJ9", "pr0xy-pa55")) {
            assertFalse(metric.contains(secret) || options.contains(secret), secret + " leaked:\n" + metric + options);
        }
    }
}
