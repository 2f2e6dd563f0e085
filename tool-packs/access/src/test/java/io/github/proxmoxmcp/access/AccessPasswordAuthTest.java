package io.github.proxmoxmcp.access;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.testing.MockProxmox;
import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.github.proxmoxmcp.core.testing.PackHarness;
import java.util.List;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Password and TFA changes, which Proxmox refuses to API tokens: with a password login, and the password of the user
 * making the change sent in the body only, never in a URL, a result or an error.
 */
@MicronautTest
class AccessPasswordAuthTest implements MockProxmoxTest {

    static final String USER = "admin@pve";
    static final String PASSWORD = "adm1n-Pass word";
    static final String NEW_PASSWORD = "n3w-Secret-pass";

    @Inject
    PackCalls pack;

    @Override
    public Map<String, Object> properties() {
        return Map.of("proxmox.user", USER, "proxmox.password", PASSWORD);
    }

    @Override
    public Set<String> removedProperties() {
        return Set.of("proxmox.token-id", "proxmox.token-secret");
    }

    private void login(String user) {
        pack.proxmox().respond("POST", "/access/ticket", "{\"username\":\"" + user + "\",\"ticket\":\"PVE:" + user
                + ":6740A1B2::c2lnbmF0dXJl\",\"CSRFPreventionToken\":\"6740A1B2:Y3NyZg\"}");
    }

    /** The requests after the login, which is not what the tool sent. */
    private List<MockProxmox.Recorded> sent() {
        return pack.proxmox().requests().stream().filter(r -> !r.line().equals("POST /access/ticket")).toList();
    }

    private static void assertNoPassword(ToolResult result) {
        for (String secret : List.of(PASSWORD, NEW_PASSWORD)) {
            assertFalse(result.text().contains(secret), result.text());
        }
    }

    @Test
    void aPasswordChangeConfirmsWithThePasswordOfTheUserMakingIt() {
        login(USER);
        pack.proxmox().respond("PUT", "/access/password", "null");

        ToolResult result = pack.call("proxmox_access_user_manage",
                "{\"action\":\"password\",\"userid\":\"alice@pve\",\"password\":\"" + NEW_PASSWORD + "\"}");

        assertOk("password of alice@pve changed", result);
        List<MockProxmox.Recorded> sent = sent();
        assertEquals(List.of("PUT /access/password"), sent.stream().map(MockProxmox.Recorded::line).toList());
        assertRequest(sent.getFirst(), Map.of(), Map.of("userid", "alice@pve", "password", NEW_PASSWORD,
                "confirmation-password", PASSWORD));
        assertNoPassword(result);
    }

    @Test
    void aPamPasswordChangeSaysItAppliesToOneNode() {
        login(USER);
        pack.proxmox().respond("PUT", "/access/password", "null");

        assertOk("password of bob@pam changed (pam realm: on the node that answered only, not cluster-wide)",
                pack.call("proxmox_access_user_manage", "{\"action\":\"password\",\"userid\":\"bob@pam\",\"password\":\"" + NEW_PASSWORD + "\"}"));
    }

    @Test
    void aRefusedPasswordChangeShowsProxmoxsErrorAndNoPassword() {
        login(USER);
        pack.proxmox().fail("PUT", "/access/password", 400, "Parameter verification failed.",
                Map.of("password", "value must have at least 8 characters"));

        ToolResult result = pack.call("proxmox_access_user_manage",
                "{\"action\":\"password\",\"userid\":\"alice@pve\",\"password\":\"" + NEW_PASSWORD + "\"}");

        assertError("""
                Proxmox API error 400: Parameter verification failed.
                  password: value must have at least 8 characters""", result);
        assertNoPassword(result);
    }

    @Test
    void aTfaDeleteAsAnotherUserThanRootIsRefusedRatherThanPutThePasswordInAUrl() {
        assertError("Proxmox wants the password of admin@pve to delete a TFA entry, and it would travel in the URL, which "
                        + "pveproxy writes to its access log. Nothing was sent to Proxmox. Delete the entry as root@pam, or in the web UI.",
                pack.call("proxmox_access_tfa_manage", "{\"action\":\"delete\",\"userid\":\"alice@pve\",\"id\":\"totp-5b9f\",\"confirm\":true}"));
        pack.assertNothingSent();
    }

    @Test
    void rootNeedsNoConfirmationForPasswordOrTfa() {
        try (PackHarness root = PackHarness.startWithPassword(new AccessPack(), "root@pam", PASSWORD, Map.of())) {
            login("root@pam");
            pack.proxmox().respond("PUT", "/access/password", "null");
            pack.proxmox().respond("DELETE", "/access/tfa/alice%40pve/totp-5b9f", "null");

            ToolResult password = root.call("proxmox_access_user_manage",
                    "{\"action\":\"password\",\"userid\":\"alice@pve\",\"password\":\"" + NEW_PASSWORD + "\"}");
            ToolResult tfa = root.call("proxmox_access_tfa_manage",
                    "{\"action\":\"delete\",\"userid\":\"alice@pve\",\"id\":\"totp-5b9f\",\"confirm\":true}");

            assertOk("password of alice@pve changed", password);
            assertOk("TFA entry totp-5b9f of alice@pve deleted", tfa);
            List<MockProxmox.Recorded> sent = sent();
            assertEquals(List.of("PUT /access/password", "DELETE /access/tfa/alice%40pve/totp-5b9f"),
                    sent.stream().map(MockProxmox.Recorded::line).toList());
            assertRequest(sent.get(0), Map.of(), Map.of("userid", "alice@pve", "password", NEW_PASSWORD));
            assertRequest(sent.get(1), Map.of(), Map.of());
        }
    }
}
