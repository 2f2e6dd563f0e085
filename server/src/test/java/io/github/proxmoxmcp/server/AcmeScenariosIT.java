package io.github.proxmoxmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The everyday ACME jobs end to end on a simulated cluster, a fresh {@link SandboxSession} per test. The seed has a
 * Let's Encrypt account {@code default}, a Cloudflare DNS plugin and an ACME certificate on pve1 for
 * pve1.lab.example.com; the other nodes serve their cluster-signed certificate.
 */
class AcmeScenariosIT {

    private SandboxSession sandbox;

    @BeforeEach
    void start() {
        sandbox = SandboxSession.start(9);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String ok(String tool, Map<String, Object> arguments) {
        return sandbox.ok(tool, arguments);
    }

    /**
     * Whether a date has passed depends on the day the test runs, not on the simulated clock: left out, and the
     * columns it widens with it.
     */
    private static String undated(String text) {
        return text.replaceAll(" \\((expired|\\d+ days left)\\)", "").replaceAll(" {2,}", "  ");
    }

    @Test
    void listCertificatesAndTheirExpiryOnEveryNode() {
        String ca = "/CN=Proxmox Virtual Environment/OU=25e558d908cde0180dbd8e608ab12db6/O=PVE Cluster Manager CA";
        assertEquals(undated("""
                NODE  FILE  SERVED  EXPIRES  ISSUER
                pve1  pve-root-ca.pem  no  2034-11-12 23:00:00Z  %1$s
                pve1  pve-ssl.pem  no  2026-11-14 23:00:00Z  %1$s
                pve1  pveproxy-ssl.pem  yes  2026-03-01 00:00:00Z  /C=US/O=Let's Encrypt/CN=R11
                pve2  pve-root-ca.pem  no  2034-11-12 23:30:00Z  %1$s
                pve2  pve-ssl.pem  yes  2026-11-14 23:30:00Z  %1$s
                pve3  pve-root-ca.pem  no  2034-11-21 23:50:00Z  %1$s
                pve3  pve-ssl.pem  yes  2026-11-23 23:50:00Z  %1$s
                (node: subjects, SANs, fingerprints and ACME domains)""".formatted(ca)),
                undated(ok("proxmox_acme_certificate_get", Map.of())));

        String pve1 = ok("proxmox_acme_certificate_get", Map.of("node", "pve1"));
        assertTrue(pve1.contains("pveproxy-ssl.pem (served by pveproxy)\n  subject: /CN=pve1.lab.example.com\n"
                + "  SANs: pve1.lab.example.com\n  issuer: /C=US/O=Let's Encrypt/CN=R11\n"), pve1);
        assertTrue(pve1.endsWith("ACME: account default, domains pve1.lab.example.com (cloudflare)"), pve1);
    }

    @Test
    void registerAnAccountAddADnsPluginSetANodesDomainAndOrderItsCertificate() {
        String staging = "https://acme-staging-v02.api.letsencrypt.org/directory";
        Map<String, Object> register = Map.of("action", "register", "name", "lab", "contact", "admin@example.com",
                "directory", staging);
        assertEquals("registering accepts the CA's terms of service: "
                        + "https://letsencrypt.org/documents/LE-SA-v1.5-February-24-2025.pdf"
                        + "\nHave them read, then call again with accept_tos: true. Nothing was registered.",
                sandbox.failed("proxmox_acme_account_manage", register));
        Map<String, Object> accepted = new HashMap<>(register);
        accepted.put("accept_tos", true);
        String registered = ok("proxmox_acme_account_manage", accepted);
        assertTrue(registered.startsWith("registration of ACME account lab: task OK (UPID:pve1:")
                && registered.contains(":acmeregister::"), registered);
        String account = ok("proxmox_acme_get", Map.of("name", "lab"));
        assertTrue(account.contains("status: valid\ncontact: admin@example.com\n"), account);
        assertTrue(account.contains("directory: " + staging), account);

        assertTrue(ok("proxmox_acme_get", Map.of("api", "desec")).contains("DEDYN_TOKEN  yes"));
        assertEquals("DNS plugin desec created", ok("proxmox_acme_plugin_manage", Map.of("action", "create", "id", "desec",
                "api", "desec", "data", Map.of("DEDYN_TOKEN", "token-never-shown-42"))));
        String plugins = ok("proxmox_acme_get", Map.of("view", "plugins"));
        assertTrue(plugins.lines().anyMatch(l -> l.matches("desec +dns +desec +- +- +yes +DEDYN_TOKEN")), plugins);
        assertFalse(plugins.contains("token-never-shown-42"), plugins);

        assertEquals("ACME domains of pve2: pve2.example.com (plugin desec), account lab"
                        + "\norder the certificate with proxmox_acme_certificate_manage action=order",
                ok("proxmox_acme_domains_set", Map.of("node", "pve2", "domains", List.of("pve2.example.com"), "plugin", "desec",
                        "account", "lab")));
        String ordered = ok("proxmox_acme_certificate_manage", Map.of("action", "order", "node", "pve2"));
        assertTrue(ordered.startsWith("ACME certificate order for pve2: task OK (UPID:pve2:"), ordered);
        String fingerprint = ordered.replaceAll("(?s).*SHA-256 fingerprint (\\S+)\n.*", "$1");
        assertTrue(fingerprint.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), ordered);
        assertTrue(ordered.endsWith("pve2 now serves pveproxy-ssl.pem, SHA-256 fingerprint " + fingerprint
                + "\nthe fingerprint changed: clients pinning the old one (PROXMOX_TLS_FINGERPRINT) must pin this one"), ordered);

        String pve2 = ok("proxmox_acme_certificate_get", Map.of("node", "pve2"));
        assertTrue(pve2.contains("pveproxy-ssl.pem (served by pveproxy)\n  subject: /CN=pve2.example.com\n"
                + "  SANs: pve2.example.com\n  issuer: /C=US/O=Let's Encrypt/CN=R11\n"), pve2);
        assertTrue(pve2.contains("  fingerprint: " + fingerprint), pve2);
        assertTrue(pve2.endsWith("ACME: account lab, domains pve2.example.com (desec)"), pve2);
    }

    @Test
    void anOrderWithoutDomainsSaysWhatIsMissingAndARevocationFallsBackToTheNodeCertificate() {
        assertTrue(sandbox.failed("proxmox_acme_certificate_manage", Map.of("action", "order", "node", "pve3"))
                .startsWith("Proxmox API error 400: ACME domain list in node configuration is missing!"));

        String revoked = ok("proxmox_acme_certificate_manage", Map.of("action", "revoke", "node", "pve1", "confirm", true));
        assertTrue(revoked.contains("\npve1 now serves pve-ssl.pem, SHA-256 fingerprint "), revoked);
        assertFalse(ok("proxmox_acme_certificate_get", Map.of("node", "pve1")).contains("pveproxy-ssl.pem"));
    }
}
