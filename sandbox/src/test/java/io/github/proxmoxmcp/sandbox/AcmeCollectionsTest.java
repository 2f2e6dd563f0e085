package io.github.proxmoxmcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** ACME in the sandbox: the CA's meta data, the DNS APIs, a node's ACME domains, orders, renewals and custom uploads. */
class AcmeCollectionsTest {

    /** A self-signed EC certificate for pve1.example.com and pve.example.com, valid until 2126, and its key. */
    static final String PEM = """
            -----BEGIN CERTIFICATE-----
            MIIB5zCCAY6gAwIBAgIUIAm5aOYZngUHu4eN3rtmlwtZPXAwCgYIKoZIzj0EAwIw
            MTEUMBIGA1UECgwLRXhhbXBsZSBMYWIxGTAXBgNVBAMMEHB2ZTEuZXhhbXBsZS5j
            b20wIBcNMjYxMjAyMTAzMzQxWhgPMjEyNjExMDgxMDMzNDFaMDExFDASBgNVBAoM
            C0V4YW1wbGUgTGFiMRkwFwYDVQQDDBBwdmUxLmV4YW1wbGUuY29tMFkwEwYHKoZI
            zj0CAQYIKoZIzj0DAQcDQgAEaOaOzGf+ydL0UJQzq8jYNY/aI//lBMnV6zpevqpb
            XxYk62LB9wmz4nP12sNJqi238bnA605QTUVjmuX1Irj9qqOBgTB/MB0GA1UdDgQW
            BBR+N6rpzrg6LPiybsff5GROv1SOeTAfBgNVHSMEGDAWgBR+N6rpzrg6LPiybsff
            5GROv1SOeTAPBgNVHRMBAf8EBTADAQH/MCwGA1UdEQQlMCOCEHB2ZTEuZXhhbXBs
            ZS5jb22CD3B2ZS5leGFtcGxlLmNvbTAKBggqhkjOPQQDAgNHADBEAiBrvtR5ABZ6
            dZ44L/fFDB/VsIsSUaRv1BoycttCfY7z+AIgVkRpjyG48ko/Lltx8knp7bnANYpd
            JmillGxG6UH+r6g=
            -----END CERTIFICATE-----
            """;
    static final String KEY = """
            -----BEGIN PRIVATE KEY-----
            MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg+otnSZ0nHGrVPU6F
            yZouMyChnYx566U05KMozindqzWhRANCAARo5o7MZ/7J0vRQlDOryNg1j9oj/+UE
            ydXrOl6+qltfFiTrYsH3CbPic/Xaw0mqLbfxucDrTlBNRWOa5fUiuP2q
            -----END PRIVATE KEY-----
            """;
    static final String FINGERPRINT = "E6:95:37:F7:79:01:D3:6C:4B:EF:AB:1B:C3:E1:4C:53:4C:CE:77:DD:6D:6F:BB:EC:A7:C5:42:D8:A5:3A:B6:AF";

    @Test
    void theCaDescribesItselfAndTheDnsApisTheirFields() {
        try (Sandbox sandbox = Sandbox.start(SandboxTest.OPTIONS)) {
            Api api = new Api(sandbox);
            JsonNode le = api.get("/cluster/acme/meta").data();
            assertEquals("https://letsencrypt.org/documents/LE-SA-v1.5-February-24-2025.pdf", le.get("termsOfService").asString());
            assertFalse(le.has("externalAccountRequired"));
            JsonNode other = api.get("/cluster/acme/meta", "directory", "https://acme.zerossl.com/v2/DV90").data();
            assertEquals(1, other.get("externalAccountRequired").asInt());
            JsonNode schema = api.get("/cluster/acme/challenge-schema").data();
            assertEquals("standalone", schema.get(0).get("type").asString());
            assertEquals("Cloudflare API Token", schema.get(1).get("schema").get("fields").get("CF_Token").get("description").asString());
        }
    }

    @Test
    void aNodesAcmeDomainsAreItsConfigGuardedByTheDigest() {
        try (Sandbox sandbox = Sandbox.start(SandboxTest.OPTIONS)) {
            Api api = new Api(sandbox);
            JsonNode pve1 = api.get("/nodes/pve1/config").data();
            assertEquals("domain=pve1.lab.example.com,plugin=cloudflare", pve1.get("acmedomain0").asString());
            String digest = api.get("/nodes/pve2/config").data().get("digest").asString();
            assertEquals(200, api.put("/nodes/pve2/config", "acmedomain0", "domain=pve2.example.com,plugin=cloudflare",
                    "acme", "account=default", "digest", digest).status());
            Api.Response stale = api.put("/nodes/pve2/config", "acmedomain1", "x.example.com", "digest", digest);
            assertEquals(500, stale.status(), stale.raw());
            assertEquals(400, api.put("/nodes/pve2/config", "acmedomain1", "domain=a.com;b").status());
            assertEquals(400, api.put("/nodes/pve2/config", "acmedomain6", "a.example.com").status());
            Api.Response twice = api.put("/nodes/pve2/config", "acmedomain1", "pve2.example.com");
            assertEquals("duplicate domain 'pve2.example.com' in ACME config properties", twice.message().strip());
            assertEquals(200, api.put("/nodes/pve2/config", "delete", "acmedomain0").status());
            assertFalse(api.get("/nodes/pve2/config").data().has("acmedomain0"));
        }
    }

    @Test
    void anOrderNeedsDomainsAnAccountAndItsPluginsThenServesTheDomains() {
        try (Sandbox sandbox = Sandbox.start(SandboxTest.OPTIONS)) {
            Api api = new Api(sandbox);
            Api.Response none = api.post("/nodes/pve2/certificates/acme/certificate");
            assertEquals(400, none.status());
            assertEquals("ACME domain list in node configuration is missing!", none.message().strip());

            api.put("/nodes/pve2/config", "acmedomain0", "domain=pve2.example.com,plugin=nope", "acme", "account=other");
            assertEquals("ACME account config file 'other' does not exist.",
                    api.post("/nodes/pve2/certificates/acme/certificate").message().strip());
            api.put("/nodes/pve2/config", "delete", "acme");
            assertEquals("plugin 'nope' for domain 'pve2.example.com' not found!",
                    api.run("POST", "/nodes/pve2/certificates/acme/certificate"));

            api.put("/nodes/pve2/config", "acmedomain0", "domain=pve2.example.com,plugin=cloudflare", "acmedomain1", "pve.example.com");
            assertEquals("OK", api.run("POST", "/nodes/pve2/certificates/acme/certificate"));
            JsonNode served = api.get("/nodes/pve2/certificates/info").data().get(2);
            assertEquals("pveproxy-ssl.pem", served.get("filename").asString());
            assertEquals("/CN=pve2.example.com", served.get("subject").asString());
            assertEquals("[\"pve2.example.com\",\"pve.example.com\"]", served.get("san").toString());

            assertEquals("Certificate does not expire within the next 30 days, and force is not set.",
                    api.put("/nodes/pve2/certificates/acme/certificate").message().strip());
            assertEquals("OK", api.run("PUT", "/nodes/pve2/certificates/acme/certificate", "force", "1"));
        }
    }

    @Test
    void aCustomCertificateIsReadFromItsPemAndReplacesTheAcmeOne() {
        try (Sandbox sandbox = Sandbox.start(SandboxTest.OPTIONS)) {
            Api api = new Api(sandbox);
            assertEquals("Custom certificate file exists but force flag is not set.",
                    api.post("/nodes/pve1/certificates/custom", "certificates", PEM, "key", KEY).message().strip());
            assertEquals(500, api.post("/nodes/pve1/certificates/custom", "certificates", "-----BEGIN CERTIFICATE-----\nx\n"
                    + "-----END CERTIFICATE-----\n", "key", KEY, "force", "1").status());

            Api.Response uploaded = api.post("/nodes/pve1/certificates/custom", "certificates", PEM, "key", KEY, "force", "1",
                    "restart", "1");
            assertEquals(200, uploaded.status(), uploaded.raw());
            assertEquals(FINGERPRINT, uploaded.data().get("fingerprint").asString());
            JsonNode served = api.get("/nodes/pve1/certificates/info").data().get(2);
            assertEquals(FINGERPRINT, served.get("fingerprint").asString());
            assertEquals("/O=Example Lab/CN=pve1.example.com", served.get("subject").asString());
            assertEquals("[\"pve1.example.com\",\"pve.example.com\"]", served.get("san").toString());
            assertEquals(4_949_807_621L, served.get("notafter").asLong());
            assertFalse(served.toString().contains("PRIVATE KEY"));

            assertEquals("Custom certificate exists but 'force' is not set.",
                    api.post("/nodes/pve1/certificates/acme/certificate").message().strip());
            assertEquals(500, api.delete("/nodes/pve1/certificates/acme/certificate").status(), "a custom one is not revoked");
            assertEquals(200, api.delete("/nodes/pve1/certificates/custom", "restart", "1").status());
            assertEquals(2, api.get("/nodes/pve1/certificates/info").data().size());
            assertTrue(api.post("/nodes/pve2/certificates/custom", "certificates", PEM).message()
                    .contains("without (existing) key file"));
        }
    }
}
