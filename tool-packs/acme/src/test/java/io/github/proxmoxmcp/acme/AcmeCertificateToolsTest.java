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
 * proxmox_acme_certificate_get, proxmox_acme_domains_set and proxmox_acme_certificate_manage: what a node serves and
 * its fingerprint, the ACME domains in the node config under its digest, orders as tasks, uploads with a write-only key.
 */
@MicronautTest
class AcmeCertificateToolsTest implements MockProxmoxTest {

    static final String CA_FP = "AA:" + "00:".repeat(30) + "01";
    static final String OWN_FP = "BB:" + "00:".repeat(30) + "02";
    static final String NEW_FP = "CC:" + "00:".repeat(30) + "03";
    static final String OWN = """
            {"filename":"pve-ssl.pem","fingerprint":"%s","subject":"/OU=PVE Cluster Node/O=Proxmox Virtual Environment/CN=pve1.lab",
             "issuer":"/CN=Proxmox Virtual Environment/O=PVE Cluster Manager CA","notbefore":1700000000,"notafter":4102444800,
             "san":["127.0.0.1","localhost","pve1","pve1.lab"],"public-key-type":"rsaEncryption","public-key-bits":2048,
             "pem":"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n"}""".formatted(OWN_FP);
    static final String CA = """
            {"filename":"pve-root-ca.pem","fingerprint":"%s","subject":"/CN=Proxmox Virtual Environment/O=PVE Cluster Manager CA",
             "issuer":"/CN=Proxmox Virtual Environment/O=PVE Cluster Manager CA","notbefore":1600000000,"notafter":1600086400}"""
            .formatted(CA_FP);
    static final String ACME = """
            {"filename":"pveproxy-ssl.pem","fingerprint":"%s","subject":"/CN=pve1.example.com","issuer":"/C=US/O=Let's Encrypt/CN=R11",
             "notbefore":"1800000000","notafter":4102444800,"san":["pve1.example.com"]}""".formatted(NEW_FP);
    static final String KEY = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n";
    static final String CHAIN = "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE\n-----END CERTIFICATE-----\n";

    @Inject
    PackCalls pack;

    // proxmox_acme_certificate_get

    @Test
    void oneNodeShowsEachCertificateWhichOneIsServedAndItsAcmeDomains() {
        pack.proxmox().respond("GET", "/nodes/pve1/certificates/info", "[" + CA + "," + OWN + "," + ACME + "]");
        pack.proxmox().respond("GET", "/nodes/pve1/config", """
                {"acme":"account=le","acmedomain0":"domain=pve1.example.com,plugin=cloudflare",
                 "acmedomain1":"pve.example.com","acmedomain2":"domain=x.example.com,plugin=cf,alias=_acme.example.net",
                 "digest":"abc"}""");

        assertOk("""
                pve-root-ca.pem
                  subject: /CN=Proxmox Virtual Environment/O=PVE Cluster Manager CA
                  issuer: /CN=Proxmox Virtual Environment/O=PVE Cluster Manager CA
                  valid: 2020-09-13 12:26:40Z to 2020-09-14 12:26:40Z (expired)
                  fingerprint: %s
                pve-ssl.pem
                  subject: /OU=PVE Cluster Node/O=Proxmox Virtual Environment/CN=pve1.lab
                  SANs: 127.0.0.1, localhost, pve1, pve1.lab
                  issuer: /CN=Proxmox Virtual Environment/O=PVE Cluster Manager CA
                  valid: 2023-11-14 22:13:20Z to 2100-01-01 00:00:00Z
                  fingerprint: %s
                pveproxy-ssl.pem (served by pveproxy)
                  subject: /CN=pve1.example.com
                  SANs: pve1.example.com
                  issuer: /C=US/O=Let's Encrypt/CN=R11
                  valid: 2027-01-15 08:00:00Z to 2100-01-01 00:00:00Z
                  fingerprint: %s
                ACME: account le, domains pve1.example.com (cloudflare), pve.example.com (standalone), x.example.com (cf, alias _acme.example.net)"""
                .formatted(CA_FP, OWN_FP, NEW_FP), pack.call("proxmox_acme_certificate_get", "{\"node\":\"pve1\"}"));
        // both reads are sent at once, so they reach the mock in either order
        assertEquals(java.util.Set.of("GET /nodes/pve1/certificates/info", "GET /nodes/pve1/config"),
                java.util.Set.copyOf(pack.lines()));
        assertEquals(2, pack.lines().size());
    }

    @Test
    void withoutDomainsTheNodeServesItsOwnCertificate() {
        pack.proxmox().respond("GET", "/nodes/pve2/certificates/info", "[" + OWN + "]");
        pack.proxmox().respond("GET", "/nodes/pve2/config", "{\"acme\":\"domains=a.example.com;b.example.com\",\"digest\":\"x\"}");

        String text = pack.ok("proxmox_acme_certificate_get", "{\"node\":\"pve2\"}").text();
        assertEquals("pve-ssl.pem (served by pveproxy)", text.lines().findFirst().orElseThrow());
        assertEquals("ACME: account default, domains a.example.com (standalone), b.example.com (standalone)",
                text.lines().reduce((a, b) -> b).orElseThrow());

        pack.proxmox().reset();
        pack.proxmox().respond("GET", "/nodes/pve2/certificates/info", "[" + OWN + "]");
        pack.proxmox().respond("GET", "/nodes/pve2/config", "{\"digest\":\"x\"}");
        assertEquals("ACME: no domains (set them with proxmox_acme_domains_set)",
                pack.ok("proxmox_acme_certificate_get", "{\"node\":\"pve2\"}").text().lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void withoutANodeEveryOnlineNodesCertificatesAndExpiry() {
        pack.proxmox().respond("GET", "/cluster/resources", Map.of("type", "node"), """
                [{"id":"node/pve2","type":"node","node":"pve2","status":"online"},
                 {"id":"node/pve1","type":"node","node":"pve1","status":"online"},
                 {"id":"node/pve3","type":"node","node":"pve3","status":"offline"}]""");
        pack.proxmox().respond("GET", "/nodes/pve1/certificates/info", "[" + CA + "," + OWN + "," + ACME + "]");
        pack.proxmox().respond("GET", "/nodes/pve2/certificates/info", "[" + OWN + "]");

        assertOk("""
                NODE  FILE              SERVED  EXPIRES                         ISSUER
                pve1  pve-root-ca.pem   no      2020-09-14 12:26:40Z (expired)  /CN=Proxmox Virtual Environment/O=PVE Cluster Manager CA
                pve1  pve-ssl.pem       no      2100-01-01 00:00:00Z            /CN=Proxmox Virtual Environment/O=PVE Cluster Manager CA
                pve1  pveproxy-ssl.pem  yes     2100-01-01 00:00:00Z            /C=US/O=Let's Encrypt/CN=R11
                pve2  pve-ssl.pem       yes     2100-01-01 00:00:00Z            /CN=Proxmox Virtual Environment/O=PVE Cluster Manager CA
                (node: subjects, SANs, fingerprints and ACME domains)""", pack.call("proxmox_acme_certificate_get", "{}"));
        assertEquals(List.of("GET /cluster/resources", "GET /nodes/pve1/certificates/info", "GET /nodes/pve2/certificates/info"),
                pack.lines());
    }

    @Test
    void anExpiringCertificateSaysHowManyDaysAreLeft() {
        long soon = java.time.Instant.now().getEpochSecond() + 10 * 86_400 + 3_600;
        pack.proxmox().respond("GET", "/nodes/pve1/certificates/info",
                "[{\"filename\":\"pveproxy-ssl.pem\",\"notbefore\":1800000000,\"notafter\":" + soon + "}]");
        pack.proxmox().respond("GET", "/nodes/pve1/config", "{}");

        assertEquals("  valid: 2027-01-15 08:00:00Z to " + io.github.proxmoxmcp.core.text.Format.time(soon) + " (10 days left)",
                pack.ok("proxmox_acme_certificate_get", "{\"node\":\"pve1\"}").text().lines().skip(3).findFirst().orElseThrow());
    }

    // proxmox_acme_domains_set

    @Test
    void domainsAreWrittenIntoTheNodeConfigUnderItsDigest() {
        pack.proxmox().respond("GET", "/nodes/pve1/config", """
                {"acmedomain0":"domain=old.example.com","acmedomain1":"other.example.com","acmedomain3":"x.example.com",
                 "wakeonlan":"mac=aa:bb:cc:dd:ee:ff","digest":"c0nf1g"}""");
        pack.proxmox().respond("PUT", "/nodes/pve1/config", "null");

        assertOk("ACME domains of pve1: pve1.example.com, *.lab.example.com (plugin cloudflare), account le"
                        + "\norder the certificate with proxmox_acme_certificate_manage action=order",
                pack.call("proxmox_acme_domains_set", """
                        {"node":"pve1","domains":["pve1.example.com","*.lab.example.com"],"plugin":"cloudflare","account":"le"}"""));
        assertEquals(List.of("GET /nodes/pve1/config", "PUT /nodes/pve1/config"), pack.lines());
        assertRequest(pack.request(1), Map.of(), Map.of("acmedomain0", "domain=pve1.example.com,plugin=cloudflare",
                "acmedomain1", "domain=*.lab.example.com,plugin=cloudflare", "acme", "account=le", "delete", "acmedomain3",
                "digest", "c0nf1g"));
    }

    @Test
    void httpValidatedDomainsReplaceTheLegacyListAndKeepTheAccount() {
        pack.proxmox().respond("GET", "/nodes/pve1/config", "{\"acme\":\"account=le,domains=a.example.com\",\"digest\":\"d\"}");
        pack.proxmox().respond("PUT", "/nodes/pve1/config", "null");

        assertOk("ACME domains of pve1: pve1.example.com (HTTP validation on port 80)"
                        + "\norder the certificate with proxmox_acme_certificate_manage action=order",
                pack.call("proxmox_acme_domains_set", "{\"node\":\"pve1\",\"domains\":[\"pve1.example.com\"]}"));
        assertRequest(pack.request(1), Map.of(), Map.of("acmedomain0", "domain=pve1.example.com", "acme", "account=le",
                "digest", "d"));
    }

    @Test
    void anEmptyListRemovesTheDomains() {
        pack.proxmox().respond("GET", "/nodes/pve1/config", "{\"acme\":\"domains=a.example.com\",\"acmedomain0\":\"b.example.com\",\"digest\":\"d\"}");
        pack.proxmox().respond("PUT", "/nodes/pve1/config", "null");

        assertOk("ACME domains of pve1 removed", pack.call("proxmox_acme_domains_set", "{\"node\":\"pve1\",\"domains\":[]}"));
        assertRequest(pack.request(1), Map.of(), Map.of("delete", "acmedomain0,acme", "digest", "d"));
    }

    @Test
    void aConcurrentConfigEditIsRefusedByTheDigest() {
        pack.proxmox().respond("GET", "/nodes/pve1/config", "{\"digest\":\"old\"}");
        pack.proxmox().fail("PUT", "/nodes/pve1/config", 500, "detected modified configuration - file changed by other user? "
                + "Try again.", Map.of());

        assertEquals("Proxmox API error 500: detected modified configuration - file changed by other user? Try again.",
                pack.error("proxmox_acme_domains_set", "{\"node\":\"pve1\",\"domains\":[\"a.example.com\"]}").text().lines()
                        .findFirst().orElseThrow());
    }

    @Test
    void badDomainsSendNothing() {
        String tool = "proxmox_acme_domains_set";
        pack.invalid(tool, "{\"node\":\"pve1\"}", "domains: must not be null");
        pack.invalid(tool, "{\"node\":\"pve1\",\"domains\":[\"a.example.com,plugin=evil\"]}", "must be a domain name");
        pack.invalid(tool, "{\"node\":\"pve1\",\"domains\":[\"*.example.com\"]}", "a wildcard domain needs DNS validation");
        pack.invalid(tool, "{\"node\":\"pve1\",\"domains\":[\"a.example.com\",\"a.example.com\"]}", "each domain once");
        pack.invalid(tool, "{\"node\":\"pve1\",\"domains\":[\"a.com\",\"b.com\",\"c.com\",\"d.com\",\"e.com\",\"f.com\",\"g.com\"]}",
                "at most 6 per node");
        pack.invalid(tool, "{\"node\":\"pve1\",\"domains\":[],\"plugin\":\"cf\"}", "plugin goes with the domains");
        pack.invalid(tool, "{\"node\":\"pve1\",\"domains\":[\"a.com\"],\"plugin\":\"a/b\"}", "plugin: must be a plugin id");
        pack.invalid(tool, "{\"node\":\"pve1\",\"domains\":[\"a.com\"],\"account\":\"../x\"}", "account: must be an ACME account name");
    }

    // proxmox_acme_certificate_manage

    private void servesAfterwards(String node, String certificates) {
        pack.proxmox().respond("GET", "/nodes/" + node + "/certificates/info", certificates);
    }

    private static String notice(String file, String fingerprint) {
        return "pve1 now serves " + file + ", SHA-256 fingerprint " + fingerprint
                + "\nthe fingerprint changed: clients pinning the old one (PROXMOX_TLS_FINGERPRINT) must pin this one";
    }

    @Test
    void anOrderIsATaskWaitedForThenTheNewFingerprintIsShown() {
        String upid = pack.finishedTask("pve1", "acmenewcert", "");
        pack.proxmox().respond("POST", "/nodes/pve1/certificates/acme/certificate", TaskIds.quoted(upid));
        servesAfterwards("pve1", "[" + CA + "," + OWN + "," + ACME + "]");

        assertOk("ACME certificate order for pve1: task OK (" + upid + ")\n" + notice("pveproxy-ssl.pem", NEW_FP),
                pack.call("proxmox_acme_certificate_manage", "{\"action\":\"order\",\"node\":\"pve1\"}"));
        assertEquals(List.of("POST /nodes/pve1/certificates/acme/certificate",
                "GET /nodes/pve1/tasks/" + TaskIds.encoded(upid) + "/status", "GET /nodes/pve1/certificates/info"), pack.lines());
        assertRequest(pack.request(0), Map.of(), Map.of());
    }

    @Test
    void aForcedRenewalIsATaskToo() {
        String upid = pack.finishedTask("pve1", "acmerenew", "");
        pack.proxmox().respond("PUT", "/nodes/pve1/certificates/acme/certificate", TaskIds.quoted(upid));
        servesAfterwards("pve1", "[" + ACME + "]");

        assertOk("ACME certificate renewal for pve1: task OK (" + upid + ")\n" + notice("pveproxy-ssl.pem", NEW_FP),
                pack.call("proxmox_acme_certificate_manage", "{\"action\":\"renew\",\"node\":\"pve1\",\"force\":true}"));
        assertRequest(pack.request(0), Map.of(), Map.of("force", "1"));
    }

    @Test
    void aFailedOrderShowsTheTaskLogAndNoFingerprint() {
        String upid = pack.failedTask("pve1", "acmenewcert", "", "validating challenge failed", "Placing ACME order",
                "TASK ERROR: validating challenge failed");
        pack.proxmox().respond("POST", "/nodes/pve1/certificates/acme/certificate", TaskIds.quoted(upid));

        assertError("ACME certificate order for pve1: task failed: validating challenge failed (" + upid + ")"
                        + "\nlast log lines:\n  Placing ACME order\n  TASK ERROR: validating challenge failed",
                pack.call("proxmox_acme_certificate_manage", "{\"action\":\"order\",\"node\":\"pve1\"}"));
        assertFalse(pack.lines().contains("GET /nodes/pve1/certificates/info"));
    }

    @Test
    void anOrderWithoutDomainsIsProxmoxsRefusal() {
        pack.proxmox().fail("POST", "/nodes/pve1/certificates/acme/certificate", 400,
                "ACME domain list in node configuration is missing!", Map.of());

        assertEquals("Proxmox API error 400: ACME domain list in node configuration is missing!", pack.error(
                "proxmox_acme_certificate_manage", "{\"action\":\"order\",\"node\":\"pve1\"}").text().lines().findFirst().orElseThrow());
    }

    @Test
    void revokingNeedsConfirmThenTheNodeFallsBackToItsOwnCertificate() {
        pack.refusedWithoutConfirm("proxmox_acme_certificate_manage", "{\"action\":\"revoke\",\"node\":\"pve1\"}");
        String upid = pack.finishedTask("pve1", "acmerevoke", "");
        pack.proxmox().respond("DELETE", "/nodes/pve1/certificates/acme/certificate", TaskIds.quoted(upid));
        servesAfterwards("pve1", "[" + CA + "," + OWN + "]");

        assertOk("revocation of the ACME certificate of pve1: task OK (" + upid + ")\n" + notice("pve-ssl.pem", OWN_FP),
                pack.call("proxmox_acme_certificate_manage", "{\"action\":\"revoke\",\"node\":\"pve1\",\"confirm\":true}"));
        assertRequest(pack.request(0), Map.of(), Map.of());
    }

    @Test
    void anUploadSendsChainAndKeyRestartsPveproxyAndShowsTheFingerprintButNeverTheKey() {
        pack.proxmox().respond("POST", "/nodes/pve1/certificates/custom", ACME);

        assertOk("custom certificate installed on pve1, pveproxy restarted\n" + notice("pveproxy-ssl.pem", NEW_FP),
                pack.call("proxmox_acme_certificate_manage", Map.of("action", "upload", "node", "pve1", "certificates", CHAIN,
                        "key", KEY, "force", true)));
        assertRequest(pack.only("POST", "/nodes/pve1/certificates/custom"), Map.of(), Map.of("certificates", CHAIN, "key", KEY,
                "force", "1", "restart", "1"));
    }

    @Test
    void aRefusedUploadNeverEchoesTheKey() {
        pack.proxmox().fail("POST", "/nodes/pve1/certificates/custom", 500,
                "Failed to parse key MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", Map.of());

        var result = pack.call("proxmox_acme_certificate_manage", Map.of("action", "upload", "node", "pve1", "certificates",
                CHAIN, "key", KEY));
        assertFalse(result.text().contains("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"), result.text());
        assertEquals("Proxmox API error 500: Failed to parse key (hidden)", result.text().lines().findFirst().orElseThrow());
    }

    @Test
    void removingTheCustomCertificateNeedsConfirmThenShowsWhatIsServed() {
        pack.refusedWithoutConfirm("proxmox_acme_certificate_manage", "{\"action\":\"remove\",\"node\":\"pve1\"}");
        pack.proxmox().respond("DELETE", "/nodes/pve1/certificates/custom", "null");
        servesAfterwards("pve1", "[" + CA + "," + OWN + "]");

        assertOk("custom certificate of pve1 removed, pveproxy restarted\n" + notice("pve-ssl.pem", OWN_FP),
                pack.call("proxmox_acme_certificate_manage", "{\"action\":\"remove\",\"node\":\"pve1\",\"confirm\":true}"));
        assertEquals(List.of("DELETE /nodes/pve1/certificates/custom", "GET /nodes/pve1/certificates/info"), pack.lines());
        assertRequest(pack.request(0), Map.of("restart", "1"), Map.of());
    }

    @Test
    void aMissingNodeOrBadFieldsSendNothing() {
        String tool = "proxmox_acme_certificate_manage";
        pack.invalid(tool, "{\"action\":\"order\"}", "node is required (or set PROXMOX_DEFAULT_NODE)");
        pack.invalid(tool, "{\"action\":\"upload\",\"node\":\"pve1\"}", "certificates is required for action=upload");
        pack.invalid(tool, Map.of("action", "upload", "node", "pve1", "certificates", CHAIN, "key", "not a key"),
                "key: the PEM private key");
        pack.invalid(tool, Map.of("action", "order", "node", "pve1", "key", KEY), "action=order does not take key");
        pack.invalid(tool, "{\"action\":\"revoke\",\"node\":\"pve1\",\"force\":true,\"confirm\":true}",
                "action=revoke does not take force");
        pack.invalid(tool, "{\"action\":\"domains\",\"node\":\"pve1\"}", "Expected one of [");
    }

    @ParameterizedTest
    @MethodSource("io.github.proxmoxmcp.core.testing.HostileValues#identifiers")
    void hostileNodesSendNothing(String hostile) {
        pack.invalid("proxmox_acme_certificate_get", Map.of("node", hostile), "node: must be a node name");
        pack.invalid("proxmox_acme_domains_set", Map.of("node", hostile, "domains", List.of()), "node: must be a node name");
        pack.invalid("proxmox_acme_certificate_manage", Map.of("action", "order", "node", hostile), "node: must be a node name");
    }
}
