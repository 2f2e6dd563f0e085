package io.github.proxmoxmcp.acme;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.github.proxmoxmcp.core.testing.TaskIds;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * proxmox_acme_account_manage: registration reads the CA's terms first and needs them accepted; every write is a
 * task waited for; the EAB HMAC key is sent and never shown.
 */
@MicronautTest
class AcmeAccountToolTest implements MockProxmoxTest {

    static final String TOS = "https://letsencrypt.org/documents/LE-SA-v1.5-February-24-2025.pdf";
    static final String ZEROSSL = "https://acme.zerossl.com/v2/DV90";
    static final String HMAC = "c2VjcmV0LWhtYWMta2V5LXZhbHVl";

    @Inject
    PackCalls pack;

    private String task(String type) {
        return pack.finishedTask("pve1", type, "");
    }

    private static String status(String upid) {
        return "GET /nodes/pve1/tasks/" + TaskIds.encoded(upid) + "/status";
    }

    @Test
    void registeringWithLetsEncryptAcceptsItsTermsAndWaitsForTheTask() {
        pack.proxmox().respond("GET", "/cluster/acme/meta", "{\"termsOfService\":\"" + TOS + "\",\"website\":\"https://letsencrypt.org\"}");
        String upid = task("acmeregister");
        pack.proxmox().respond("POST", "/cluster/acme/account", TaskIds.quoted(upid));

        assertOk("registration of ACME account default: task OK (" + upid + ")", pack.call("proxmox_acme_account_manage",
                "{\"action\":\"register\",\"contact\":\"admin@example.com\",\"accept_tos\":true}"));
        assertEquals(List.of("GET /cluster/acme/meta", "POST /cluster/acme/account", status(upid)), pack.lines());
        assertRequest(pack.request(0), Map.of(), Map.of());
        assertRequest(pack.request(1), Map.of(), Map.of("name", "default", "contact", "admin@example.com", "tos_url", TOS));
    }

    @Test
    void registeringWithoutAcceptingShowsTheTermsAndRegistersNothing() {
        pack.proxmox().respond("GET", "/cluster/acme/meta", "{\"termsOfService\":\"" + TOS + "\"}");

        assertError("registering accepts the CA's terms of service: " + TOS
                        + "\nHave them read, then call again with accept_tos: true. Nothing was registered.",
                pack.call("proxmox_acme_account_manage", "{\"action\":\"register\",\"contact\":\"admin@example.com\"}"));
        assertEquals(List.of("GET /cluster/acme/meta"), pack.lines());
    }

    @Test
    void aCaThatNeedsExternalAccountBindingGetsTheKeyWhichIsNeverShown() {
        pack.proxmox().respond("GET", "/cluster/acme/meta", Map.of("directory", ZEROSSL),
                "{\"termsOfService\":\"https://zerossl.example/tos.pdf\",\"externalAccountRequired\":1}");
        String upid = task("acmeregister");
        pack.proxmox().respond("POST", "/cluster/acme/account", TaskIds.quoted(upid));

        var result = pack.ok("proxmox_acme_account_manage", """
                {"action":"register","name":"zerossl","contact":"admin@example.com","directory":"%s","accept_tos":true,
                 "eab_kid":"kid-123","eab_hmac_key":"%s"}""".formatted(ZEROSSL, HMAC));

        assertEquals("registration of ACME account zerossl: task OK (" + upid + ")", result.text());
        assertRequest(pack.request(0), Map.of("directory", ZEROSSL), Map.of());
        assertRequest(pack.request(1), Map.of(), Map.of("name", "zerossl", "contact", "admin@example.com", "directory", ZEROSSL,
                "tos_url", "https://zerossl.example/tos.pdf", "eab-kid", "kid-123", "eab-hmac-key", HMAC));
    }

    @Test
    void aCaThatNeedsBindingIsNotAskedWithoutIt() {
        pack.proxmox().respond("GET", "/cluster/acme/meta", Map.of("directory", ZEROSSL), "{\"externalAccountRequired\":true}");

        assertError("this CA requires external account binding: give eab_kid and eab_hmac_key from the CA's account page. "
                + "Nothing was registered.", pack.call("proxmox_acme_account_manage",
                "{\"action\":\"register\",\"contact\":\"a@example.com\",\"directory\":\"" + ZEROSSL + "\",\"accept_tos\":true}"));
        assertEquals(List.of("GET /cluster/acme/meta"), pack.lines());
    }

    @Test
    void withoutMetaTheTermsComeFromTos() {
        pack.proxmox().fail("GET", "/cluster/acme/meta", 501, "Method 'GET /cluster/acme/meta' not implemented", Map.of());
        pack.proxmox().respond("GET", "/cluster/acme/tos", "\"" + TOS + "\"");
        String upid = task("acmeregister");
        pack.proxmox().respond("POST", "/cluster/acme/account", TaskIds.quoted(upid));

        pack.ok("proxmox_acme_account_manage", "{\"action\":\"register\",\"contact\":\"admin@example.com\",\"accept_tos\":true}");
        assertEquals(List.of("GET /cluster/acme/meta", "GET /cluster/acme/tos", "POST /cluster/acme/account", status(upid)),
                pack.lines());
        assertRequest(pack.request(2), Map.of(), Map.of("name", "default", "contact", "admin@example.com", "tos_url", TOS));
    }

    @Test
    void aCaWithoutTermsNeedsNoAcceptance() {
        pack.proxmox().respond("GET", "/cluster/acme/meta", "{}");
        String upid = task("acmeregister");
        pack.proxmox().respond("POST", "/cluster/acme/account", TaskIds.quoted(upid));

        pack.ok("proxmox_acme_account_manage", "{\"action\":\"register\",\"name\":\"internal\",\"contact\":\"a@example.com\"}");
        assertRequest(pack.request(1), Map.of(), Map.of("name", "internal", "contact", "a@example.com"));
    }

    @Test
    void aRefusedRegistrationNeverEchoesTheHmacKey() {
        pack.proxmox().respond("GET", "/cluster/acme/meta", "{}");
        pack.proxmox().fail("POST", "/cluster/acme/account", 400, "Parameter verification failed.",
                Map.of("eab-hmac-key", "invalid key '" + HMAC + "'"));

        var result = pack.error("proxmox_acme_account_manage", "{\"action\":\"register\",\"contact\":\"a@example.com\","
                + "\"eab_kid\":\"kid\",\"eab_hmac_key\":\"" + HMAC + "\"}");
        assertFalse(result.text().contains(HMAC), result.text());
        assertEquals("""
                Proxmox API error 400: Parameter verification failed.
                  eab-hmac-key: invalid key '(hidden)'""", result.text().lines().limit(2).reduce((a, b) -> a + "\n" + b).orElseThrow());
    }

    @Test
    void aFailedRegistrationTaskIsAnErrorWithItsLog() {
        pack.proxmox().respond("GET", "/cluster/acme/meta", "{}");
        String upid = pack.failedTask("pve1", "acmeregister", "", "urn:ietf:params:acme:error:invalidContact",
                "Registering new ACME account..", "Error: invalid contact domain");
        pack.proxmox().respond("POST", "/cluster/acme/account", TaskIds.quoted(upid));

        assertError("registration of ACME account default: task failed: urn:ietf:params:acme:error:invalidContact (" + upid + ")"
                        + "\nlast log lines:\n  Registering new ACME account..\n  Error: invalid contact domain",
                pack.call("proxmox_acme_account_manage", "{\"action\":\"register\",\"contact\":\"a@example.invalid\"}"));
    }

    @Test
    void updatingTheContactIsATask() {
        String upid = task("acmeupdate");
        pack.proxmox().respond("PUT", "/cluster/acme/account/default", TaskIds.quoted(upid));

        assertOk("contact update of ACME account default: task OK (" + upid + ")", pack.call("proxmox_acme_account_manage",
                "{\"action\":\"update\",\"contact\":\"ops@example.com,admin@example.com\"}"));
        assertEquals(List.of("PUT /cluster/acme/account/default", status(upid)), pack.lines());
        assertRequest(pack.request(0), Map.of(), Map.of("contact", "ops@example.com,admin@example.com"));
    }

    @Test
    void deactivatingNeedsConfirmThenIsATask() {
        pack.refusedWithoutConfirm("proxmox_acme_account_manage", "{\"action\":\"deactivate\",\"name\":\"staging\"}");

        String upid = task("acmedeactivate");
        pack.proxmox().respond("DELETE", "/cluster/acme/account/staging", TaskIds.quoted(upid));

        assertOk("deactivation of ACME account staging: task OK (" + upid + ")\nthe CA will not issue to it again; its config "
                + "file is gone", pack.call("proxmox_acme_account_manage", "{\"action\":\"deactivate\",\"name\":\"staging\",\"confirm\":true}"));
        assertEquals(List.of("DELETE /cluster/acme/account/staging", status(upid)), pack.lines());
        assertRequest(pack.request(0), Map.of(), Map.of());
    }

    @Test
    void anUnknownAccountIsProxmoxsRefusal() {
        pack.proxmox().fail("PUT", "/cluster/acme/account/nope", 500, "ACME account config file 'nope' does not exist.", Map.of());

        assertEquals("Proxmox API error 500: ACME account config file 'nope' does not exist.", pack.error(
                "proxmox_acme_account_manage", "{\"action\":\"update\",\"name\":\"nope\",\"contact\":\"a@example.com\"}")
                .text().lines().findFirst().orElseThrow());
    }

    @Test
    void badInputSendsNothing() {
        String tool = "proxmox_acme_account_manage";
        pack.invalid(tool, "{\"action\":\"register\"}", "contact is required for action=register");
        pack.invalid(tool, "{\"action\":\"register\",\"contact\":\"a@example.com\",\"directory\":\"file:///etc/passwd\"}",
                "directory must be an http(s) URL");
        pack.invalid(tool, "{\"action\":\"register\",\"contact\":\"a@example.com\",\"eab_kid\":\"k\"}",
                "needs both eab_kid and eab_hmac_key");
        pack.invalid(tool, "{\"action\":\"update\"}", "contact is required for action=update");
        pack.invalid(tool, "{\"action\":\"update\",\"contact\":\"a@example.com\",\"accept_tos\":true}",
                "action=update does not take accept_tos");
        pack.invalid(tool, "{\"action\":\"deactivate\",\"contact\":\"a@example.com\",\"confirm\":true}",
                "action=deactivate does not take contact");
        pack.invalid(tool, "{\"action\":\"close\"}", "Expected one of [");
    }

    @ParameterizedTest
    @MethodSource("io.github.proxmoxmcp.core.testing.HostileValues#identifiers")
    void hostileNamesSendNothing(String hostile) {
        pack.invalid("proxmox_acme_account_manage", Map.of("action", "update", "name", hostile, "contact", "a@example.com"),
                "name: must be an ACME account name");
    }
}
