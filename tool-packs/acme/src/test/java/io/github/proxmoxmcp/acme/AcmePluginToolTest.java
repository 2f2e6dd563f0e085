package io.github.proxmoxmcp.acme;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** proxmox_acme_plugin_manage: DNS and standalone plugins, data merged on update under the digest, values never shown. */
@MicronautTest
class AcmePluginToolTest implements MockProxmoxTest {

    static final String TOKEN = "cf-api-token-0123456789";

    @Inject
    PackCalls pack;

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDnsPluginIsCreatedWithItsDataBase64Encoded() {
        pack.proxmox().respond("POST", "/cluster/acme/plugins", "null");

        var result = pack.ok("proxmox_acme_plugin_manage", """
                {"action":"create","id":"cloudflare","api":"cf","data":{"CF_Token":"%s","CF_Account_ID":"acc1"},
                 "validation_delay":60}""".formatted(TOKEN));

        assertEquals("DNS plugin cloudflare created", result.text());
        assertFalse(result.text().contains(TOKEN));
        assertRequest(pack.only("POST", "/cluster/acme/plugins"), Map.of(), Map.of("id", "cloudflare", "type", "dns", "api", "cf",
                "data", base64("CF_Token=" + TOKEN + "\nCF_Account_ID=acc1\n"), "validation-delay", "60"));
    }

    @Test
    void withoutApiItIsAStandalonePlugin() {
        pack.proxmox().respond("POST", "/cluster/acme/plugins", "null");

        assertOk("standalone plugin http created", pack.call("proxmox_acme_plugin_manage", "{\"action\":\"create\",\"id\":\"http\"}"));
        assertRequest(pack.only("POST", "/cluster/acme/plugins"), Map.of(), Map.of("id", "http", "type", "standalone"));
    }

    @Test
    void anUpdateMergesTheDataKeysIntoTheStoredOnesUnderTheDigest() {
        pack.proxmox().respond("GET", "/cluster/acme/plugins/cloudflare", """
                {"plugin":"cloudflare","type":"dns","api":"cf","data":"%s","digest":"d1g3st"}"""
                .formatted(base64("CF_Token=old-token-value\nCF_Account_ID=acc1\nCF_Zone_ID=zone9\n")));
        pack.proxmox().respond("PUT", "/cluster/acme/plugins/cloudflare", "null");

        var result = pack.ok("proxmox_acme_plugin_manage", """
                {"action":"update","id":"cloudflare","data":{"CF_Token":"%s","CF_Zone_ID":""},"validation_delay":120}"""
                .formatted(TOKEN));

        assertEquals("plugin cloudflare updated", result.text());
        assertEquals(List.of("GET /cluster/acme/plugins/cloudflare", "PUT /cluster/acme/plugins/cloudflare"), pack.lines());
        assertRequest(pack.request(1), Map.of(), Map.of("data", base64("CF_Token=" + TOKEN + "\nCF_Account_ID=acc1\n"),
                "validation-delay", "120", "digest", "d1g3st"));
    }

    @Test
    void anUpdateWithoutDataLeavesItAlone() {
        pack.proxmox().respond("GET", "/cluster/acme/plugins/cloudflare", """
                {"plugin":"cloudflare","type":"dns","api":"cf","data":"%s","digest":"d1g3st"}""".formatted(base64("CF_Token=x\n")));
        pack.proxmox().respond("PUT", "/cluster/acme/plugins/cloudflare", "null");

        pack.ok("proxmox_acme_plugin_manage", "{\"action\":\"update\",\"id\":\"cloudflare\",\"validation_delay\":0}");
        assertRequest(pack.request(1), Map.of(), Map.of("validation-delay", "0", "digest", "d1g3st"));
    }

    @Test
    void aStandalonePluginTakesNoDnsSettings() {
        pack.proxmox().respond("GET", "/cluster/acme/plugins/standalone", "{\"plugin\":\"standalone\",\"type\":\"standalone\",\"digest\":\"x\"}");

        var result = pack.error("proxmox_acme_plugin_manage", "{\"action\":\"update\",\"id\":\"standalone\",\"api\":\"cf\"}");
        assertEquals("plugin standalone is standalone: api and data are for DNS plugins; nothing was changed", result.text());
        assertEquals(List.of("GET /cluster/acme/plugins/standalone"), pack.lines());
    }

    @Test
    void aConcurrentEditIsRefusedByTheDigest() {
        pack.proxmox().respond("GET", "/cluster/acme/plugins/cloudflare", "{\"type\":\"dns\",\"api\":\"cf\",\"digest\":\"old\"}");
        pack.proxmox().fail("PUT", "/cluster/acme/plugins/cloudflare", 500,
                "detected modified configuration - file changed by other user? Try again.", Map.of());

        assertEquals("Proxmox API error 500: detected modified configuration - file changed by other user? Try again.",
                pack.error("proxmox_acme_plugin_manage", "{\"action\":\"update\",\"id\":\"cloudflare\",\"validation_delay\":5}")
                        .text().lines().findFirst().orElseThrow());
    }

    @Test
    void aRefusalNeverEchoesTheCredentials() {
        pack.proxmox().fail("POST", "/cluster/acme/plugins", 400, "Parameter verification failed.",
                Map.of("data", "CF_Token=" + TOKEN + " is not valid"));

        var result = pack.error("proxmox_acme_plugin_manage",
                "{\"action\":\"create\",\"id\":\"cf1\",\"api\":\"cf\",\"data\":{\"CF_Token\":\"" + TOKEN + "\"}}");
        assertFalse(result.text().contains(TOKEN), result.text());
        assertEquals("  data: CF_Token=(hidden) is not valid", result.text().lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void aDuplicateIdIsProxmoxsRefusal() {
        pack.proxmox().fail("POST", "/cluster/acme/plugins", 500, "ACME plugin ID 'cloudflare' already exists", Map.of());

        assertEquals("Proxmox API error 500: ACME plugin ID 'cloudflare' already exists", pack.error("proxmox_acme_plugin_manage",
                "{\"action\":\"create\",\"id\":\"cloudflare\"}").text().lines().findFirst().orElseThrow());
    }

    @Test
    void deletingNeedsConfirm() {
        pack.refusedWithoutConfirm("proxmox_acme_plugin_manage", "{\"action\":\"delete\",\"id\":\"cloudflare\"}");
        pack.proxmox().respond("DELETE", "/cluster/acme/plugins/cloudflare", "null");

        assertOk("plugin cloudflare deleted", pack.call("proxmox_acme_plugin_manage",
                "{\"action\":\"delete\",\"id\":\"cloudflare\",\"confirm\":true}"));
        assertRequest(pack.only("DELETE", "/cluster/acme/plugins/cloudflare"), Map.of(), Map.of());
    }

    @Test
    void badInputSendsNothing() {
        String tool = "proxmox_acme_plugin_manage";
        pack.invalid(tool, "{\"action\":\"create\",\"id\":\"x1\",\"data\":{\"K\":\"v\"}}", "data needs api");
        pack.invalid(tool, "{\"action\":\"create\",\"id\":\"x1\",\"validation_delay\":30}", "validation_delay is for DNS plugins");
        pack.invalid(tool, "{\"action\":\"create\",\"id\":\"x1\",\"api\":\"cf\",\"data\":{\"K\":\"\"}}", "leave out the data keys");
        pack.invalid(tool, "{\"action\":\"create\",\"id\":\"x1\",\"api\":\"cf\",\"data\":{\"CF_Token\":\"a\\nCF_Key=b\"}}",
                "data.CF_Token: give the value as one line of text");
        pack.invalid(tool, "{\"action\":\"create\",\"id\":\"x1\",\"api\":\"cf\",\"data\":{\"A=B\":\"v\"}}", "data: keys are");
        pack.invalid(tool, "{\"action\":\"create\",\"id\":\"x1\",\"api\":\"c f\"}", "api: a DNS API id");
        pack.invalid(tool, "{\"action\":\"create\",\"id\":\"x1\",\"api\":\"cf\",\"validation_delay\":172801}",
                "validation_delay: 0 to 172800 seconds");
        pack.invalid(tool, "{\"action\":\"update\",\"id\":\"x1\"}", "action=update needs a setting to change");
        pack.invalid(tool, "{\"action\":\"delete\",\"id\":\"x1\",\"api\":\"cf\",\"confirm\":true}", "action=delete does not take api");
        pack.invalid(tool, "{\"action\":\"create\"}", "id: must not be null");
    }

    @ParameterizedTest
    @MethodSource("io.github.proxmoxmcp.core.testing.HostileValues#identifiers")
    void hostileIdsSendNothing(String hostile) {
        pack.invalid("proxmox_acme_plugin_manage", Map.of("action", "create", "id", hostile), "id: must be a plugin id");
    }
}
