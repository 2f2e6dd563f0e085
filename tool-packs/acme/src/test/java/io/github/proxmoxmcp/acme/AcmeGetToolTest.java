package io.github.proxmoxmcp.acme;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** proxmox_acme_get: every view, with and without its selector; credentials never shown; bad input sends nothing. */
@MicronautTest
class AcmeGetToolTest implements MockProxmoxTest {

    static final String CF_DATA = Base64.getEncoder().encodeToString("CF_Token=s3cr3t-token-value\nCF_Account_ID=acc0123456\n"
            .getBytes());

    @Inject
    PackCalls pack;

    @Test
    void accountsAreListedByName() {
        pack.proxmox().respond("GET", "/cluster/acme/account", "[{\"name\":\"default\"},{\"name\":\"staging\"}]");

        assertOk("ACME accounts: default, staging\n(name: an account's contact, status and CA)",
                pack.call("proxmox_acme_get", "{}"));
        assertRequest(pack.only("GET", "/cluster/acme/account"), Map.of(), Map.of());
    }

    @Test
    void noAccountSaysHowToRegisterOne() {
        pack.proxmox().respond("GET", "/cluster/acme/account", "[]");

        assertOk("no ACME accounts; register one with proxmox_acme_account_manage",
                pack.call("proxmox_acme_get", "{\"view\":\"accounts\"}"));
    }

    @Test
    void oneAccountShowsContactStatusAndCa() {
        pack.proxmox().respond("GET", "/cluster/acme/account/default", """
                {"account":{"contact":["mailto:admin@example.com","mailto:ops@example.com"],"createdAt":"2026-05-16T10:00:00Z",
                 "status":"valid"},"directory":"https://acme-v02.api.letsencrypt.org/directory",
                 "location":"https://acme-v02.api.letsencrypt.org/acme/acct/2101234567",
                 "tos":"https://letsencrypt.org/documents/LE-SA-v1.5-February-24-2025.pdf"}""");

        assertOk("""
                account: default
                status: valid
                contact: admin@example.com, ops@example.com
                created: 2026-05-16T10:00:00Z
                directory: https://acme-v02.api.letsencrypt.org/directory
                location: https://acme-v02.api.letsencrypt.org/acme/acct/2101234567
                terms of service: https://letsencrypt.org/documents/LE-SA-v1.5-February-24-2025.pdf""",
                pack.call("proxmox_acme_get", "{\"name\":\"default\"}"));
        pack.only("GET", "/cluster/acme/account/default");
    }

    @Test
    void pluginsShowTheirDataKeysButNeverTheValues() {
        pack.proxmox().respond("GET", "/cluster/acme/plugins", """
                [{"plugin":"cloudflare","type":"dns","api":"cf","data":"%s","validation-delay":30,"digest":"abc"},
                 {"plugin":"standalone","type":"standalone","digest":"abc"},
                 {"plugin":"old","type":"dns","api":"ovh","data":"OVH_AK=plain-key-value","disable":1,"nodes":"pve1"}]"""
                .formatted(CF_DATA));

        var result = pack.ok("proxmox_acme_get", "{\"view\":\"plugins\"}");
        assertEquals("""
                PLUGIN      TYPE        API  DELAY  NODES  ENABLED  DATA KEYS
                cloudflare  dns         cf   30     -      yes      CF_Token,CF_Account_ID
                standalone  standalone  -    -      -      yes      -
                old         dns         ovh  -      pve1   no       OVH_AK
                (data values are write-only)""", result.text());
        assertFalse(result.text().contains("s3cr3t") || result.text().contains("plain-key-value"));
        pack.only("GET", "/cluster/acme/plugins");
    }

    @Test
    void onePluginShowsItsSettingsAndDataKeys() {
        pack.proxmox().respond("GET", "/cluster/acme/plugins/cloudflare", """
                {"plugin":"cloudflare","type":"dns","api":"cf","data":"%s","digest":"abc"}""".formatted(CF_DATA));

        assertOk("""
                plugin: cloudflare
                type: dns
                api: cf
                validation-delay: 30 (default)
                nodes: all
                enabled: yes
                data keys: CF_Token,CF_Account_ID (values write-only)""", pack.call("proxmox_acme_get", "{\"id\":\"cloudflare\"}"));
        pack.only("GET", "/cluster/acme/plugins/cloudflare");
    }

    static final String SCHEMA = """
            [{"id":"standalone","name":"standalone","type":"standalone","schema":{}},
             {"id":"cf","name":"Cloudflare Managed DNS","type":"dns","schema":{"name":"Cloudflare Managed DNS",
              "fields":{"CF_Token":{"type":"string","description":"The API token"},
                        "CF_Account_ID":{"type":"string","description":"The account id","optional":1}}}},
             {"id":"desec","name":"deSEC","type":"dns","schema":{"name":"deSEC","description":"deSEC.io\\n DNS",
              "fields":{"DEDYN_TOKEN":{"type":"string","description":"The token"}}}}]""";

    @Test
    void theSchemaListsTheDnsApis() {
        pack.proxmox().respond("GET", "/cluster/acme/challenge-schema", SCHEMA);

        assertOk("DNS APIs (api: its data fields): cf, desec\nother challenge types: standalone",
                pack.call("proxmox_acme_get", "{\"view\":\"schema\"}"));
        pack.only("GET", "/cluster/acme/challenge-schema");
    }

    @Test
    void oneApiShowsTheDataKeysItNeeds() {
        pack.proxmox().respond("GET", "/cluster/acme/challenge-schema", SCHEMA);

        assertOk("""
                cf: Cloudflare Managed DNS (dns)
                DATA KEY       REQUIRED  DESCRIPTION
                CF_Token       yes       The API token
                CF_Account_ID  no        The account id""", pack.call("proxmox_acme_get", "{\"api\":\"cf\"}"));
        assertOk("""
                desec: deSEC (dns)
                deSEC.io
                 DNS
                DATA KEY     REQUIRED  DESCRIPTION
                DEDYN_TOKEN  yes       The token""", pack.call("proxmox_acme_get", "{\"view\":\"schema\",\"api\":\"desec\"}"));
        assertError("no DNS API 'nope'; list them with proxmox_acme_get view=schema",
                pack.call("proxmox_acme_get", "{\"api\":\"nope\"}"));
    }

    @Test
    void directoriesAndOneDirectorysTermsAndBinding() {
        pack.proxmox().respond("GET", "/cluster/acme/directories", """
                [{"name":"Let's Encrypt V2","url":"https://acme-v02.api.letsencrypt.org/directory"},
                 {"name":"Let's Encrypt V2 Staging","url":"https://acme-staging-v02.api.letsencrypt.org/directory"}]""");
        pack.proxmox().respond("GET", "/cluster/acme/meta", Map.of("directory", "https://acme.zerossl.com/v2/DV90"), """
                {"termsOfService":"https://secure.trust-provider.com/repository/docs/Legacy/20221001_Certificate_Subscriber_Agreement_v_2_5_click.pdf",
                 "website":"https://zerossl.com","caaIdentities":["sectigo.com","trust-provider.com"],"externalAccountRequired":true}""");

        assertOk("""
                NAME                      DIRECTORY
                Let's Encrypt V2          https://acme-v02.api.letsencrypt.org/directory
                Let's Encrypt V2 Staging  https://acme-staging-v02.api.letsencrypt.org/directory
                (directory: its terms of service and whether it needs external account binding)""",
                pack.call("proxmox_acme_get", "{\"view\":\"directories\"}"));
        assertOk("""
                directory: https://acme.zerossl.com/v2/DV90
                terms of service: https://secure.trust-provider.com/repository/docs/Legacy/20221001_Certificate_Subscriber_Agreement_v_2_5_click.pdf
                website: https://zerossl.com
                external account binding: required (eab_kid, eab_hmac_key)
                CAA identities: sectigo.com, trust-provider.com""",
                pack.call("proxmox_acme_get", "{\"directory\":\"https://acme.zerossl.com/v2/DV90\"}"));
        assertEquals(java.util.List.of("GET /cluster/acme/directories", "GET /cluster/acme/meta"), pack.lines());
        assertRequest(pack.request(1), Map.of("directory", "https://acme.zerossl.com/v2/DV90"), Map.of());
    }

    @Test
    void anUnknownAccountIsProxmoxsRefusal() {
        pack.proxmox().fail("GET", "/cluster/acme/account/nope", 500, "ACME account config file 'nope' does not exist.", Map.of());

        assertEquals("Proxmox API error 500: ACME account config file 'nope' does not exist.",
                pack.error("proxmox_acme_get", "{\"name\":\"nope\"}").text().lines().findFirst().orElseThrow());
    }

    @Test
    void strayOrMismatchedSelectorsSendNothing() {
        pack.invalid("proxmox_acme_get", "{\"name\":\"default\",\"id\":\"cf\"}", "give one of name, id, api and directory");
        pack.invalid("proxmox_acme_get", "{\"view\":\"plugins\",\"name\":\"default\"}", "name goes with view=accounts");
        pack.invalid("proxmox_acme_get", "{\"directory\":\"ftp://x\"}", "directory must be an http(s) URL");
        pack.invalid("proxmox_acme_get", "{\"view\":\"certificates\"}", "Expected one of [");
    }

    @ParameterizedTest
    @MethodSource("io.github.proxmoxmcp.core.testing.HostileValues#identifiers")
    void hostileIdsSendNothing(String hostile) {
        pack.invalid("proxmox_acme_get", Map.of("name", hostile), "name: must be an ACME account name");
        pack.invalid("proxmox_acme_get", Map.of("id", hostile), "id: must be a plugin id");
    }
}
