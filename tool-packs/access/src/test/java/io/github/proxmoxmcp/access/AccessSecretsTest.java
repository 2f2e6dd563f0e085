package io.github.proxmoxmcp.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Write-only values stay write-only: a token secret is in the create result once and in no other result, even when
 * an answer carries it; passwords, bind passwords and client keys never come back in a result or an error.
 */
@MicronautTest
class AccessSecretsTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    static final String SECRET = "5ecre7-70ken-value-0b8f";
    static final String PASSWORD = "Us3r-Passw0rd";
    static final String BIND = "b1nd-Passw0rd";
    static final String CLIENT_KEY = "cl1ent-K3y-value";

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static void assertAbsent(ToolResult result, String... secrets) {
        for (String secret : secrets) {
            assertFalse(result.text().contains(secret), secret + " in: " + result.text());
        }
    }

    @Test
    void aTokenSecretIsInTheCreateResultOnceAndNowhereElse() {
        pack.proxmox().respond("POST", "/access/users/ci%40pve/token/deploy", """
                {"full-tokenid":"ci@pve!deploy","info":{"privsep":1},"value":"%s"}""".formatted(SECRET));
        // answers that should never hold a secret, made to hold one: the tools must not show it
        pack.proxmox().respond("PUT", "/access/users/ci%40pve/token/deploy", "{\"privsep\":1,\"value\":\"" + SECRET + "\"}");
        pack.proxmox().respond("GET", "/access/users/ci%40pve/token/deploy", "{\"privsep\":1,\"value\":\"" + SECRET + "\"}");
        pack.proxmox().respond("GET", "/access/users/ci%40pve/token", "[{\"tokenid\":\"deploy\",\"value\":\"" + SECRET + "\"}]");
        pack.proxmox().respond("GET", "/access/users/ci%40pve", "{\"tokens\":{\"deploy\":{\"value\":\"" + SECRET + "\"}}}");
        pack.proxmox().respond("GET", "/access/users", "[{\"userid\":\"ci@pve\",\"tokens\":[{\"tokenid\":\"deploy\",\"value\":\""
                + SECRET + "\"}]}]");

        ToolResult created = pack.call("proxmox_access_token_manage",
                "{\"action\":\"create\",\"userid\":\"ci@pve\",\"tokenid\":\"deploy\"}");
        assertEquals(1, count(created.text(), SECRET), created.text());

        for (String[] call : List.of(
                new String[] {"proxmox_access_token_manage", "{\"action\":\"update\",\"userid\":\"ci@pve\",\"tokenid\":\"deploy\",\"privsep\":true}"},
                new String[] {"proxmox_access_user_get", "{\"view\":\"tokens\",\"userid\":\"ci@pve\",\"tokenid\":\"deploy\"}"},
                new String[] {"proxmox_access_user_get", "{\"view\":\"tokens\",\"userid\":\"ci@pve\"}"},
                new String[] {"proxmox_access_user_get", "{\"view\":\"user\",\"userid\":\"ci@pve\"}"},
                new String[] {"proxmox_access_user_get", "{\"view\":\"users\"}"})) {
            ToolResult result = pack.ok(call[0], call[1]);
            assertAbsent(result, SECRET);
        }
    }

    @Test
    void passwordsAndKeysGoOutAndNeverComeBack() {
        pack.proxmox().respond("POST", "/access/users", "null");
        pack.proxmox().respond("POST", "/access/domains", "null");
        pack.proxmox().respond("PUT", "/access/domains/corp", "null");
        pack.proxmox().respond("GET", "/access/domains/sso", "{\"type\":\"openid\",\"client-key\":\"" + CLIENT_KEY
                + "\",\"password\":\"" + BIND + "\"}");

        List<ToolResult> results = List.of(
                pack.ok("proxmox_access_user_manage", "{\"action\":\"create\",\"userid\":\"alice@pve\",\"password\":\"" + PASSWORD + "\"}"),
                pack.ok("proxmox_access_realm_manage", """
                        {"action":"create","realm":"sso","type":"openid","settings":{"issuer-url":"https://sso.example.com",
                         "client-id":"pve","client-key":"%s"}}""".formatted(CLIENT_KEY)),
                pack.ok("proxmox_access_realm_manage",
                        "{\"action\":\"update\",\"realm\":\"corp\",\"settings\":{\"password\":\"" + BIND + "\"}}"),
                pack.ok("proxmox_access_get", "{\"view\":\"realm\",\"realm\":\"sso\"}"));

        results.forEach(result -> assertAbsent(result, PASSWORD, BIND, CLIENT_KEY));
        assertEquals("realm corp updated: password", results.get(2).text());
        var requests = pack.proxmox().requests();
        assertEquals(PASSWORD, requests.get(0).form().get("password"));
        assertEquals(CLIENT_KEY, requests.get(1).form().get("client-key"));
        assertEquals(BIND, requests.get(2).form().get("password"));
    }

    @Test
    void failuresDoNotEchoThePasswordsSent() {
        pack.proxmox().fail("POST", "/access/users", 400, "Parameter verification failed.",
                Map.of("password", "value must have at least 8 characters"));
        pack.proxmox().fail("POST", "/access/domains", 500, "create auth server failed: ldap bind failed", Map.of());

        List<ToolResult> results = List.of(
                pack.error("proxmox_access_user_manage", "{\"action\":\"create\",\"userid\":\"alice@pve\",\"password\":\"" + PASSWORD + "\"}"),
                pack.error("proxmox_access_realm_manage", """
                        {"action":"create","realm":"corp","type":"ad","settings":{"server1":"dc1","domain":"example.com",
                         "password":"%s","check-connection":true}}""".formatted(BIND)),
                pack.error("proxmox_access_realm_manage", """
                        {"action":"create","realm":"corp","type":"ad","settings":{"server1":"dc1","domain":"example.com",
                         "password":["%s"]}}""".formatted(BIND)),
                pack.error("proxmox_access_user_manage", "{\"action\":\"update\",\"userid\":\"alice@pve\",\"password\":\"" + PASSWORD + "\"}"));

        results.forEach(result -> assertAbsent(result, PASSWORD, BIND));
    }
}
