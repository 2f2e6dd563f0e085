package io.github.proxmoxmcp.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.testing.MockProxmox;
import io.github.proxmoxmcp.core.testing.PackHarness;
import io.micronaut.json.JsonMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarFile;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS modes against MockServer's HTTPS side (same port, certificate from MockServer's own CA). */
class TlsTest {

    private static MockProxmox proxmox;
    private String serverFingerprint;

    @BeforeAll
    static void start() {
        proxmox = MockProxmox.shared();
    }

    // MockServer re-issues its certificate when it learns a new host name, so read it before each test
    @BeforeEach
    void readServedCertificate() throws Exception {
        proxmox.reset();
        serverFingerprint = servedFingerprint(proxmox.port());
    }

    @Test
    void verifyWithTheServersFingerprintSucceeds() {
        String version = version(Map.of("proxmox.ssl-mode", "verify", "proxmox.tls-fingerprint", serverFingerprint));
        assertEquals("9.1.2", version);
    }

    @Test
    void fingerprintMayBeGivenAsPlainLowercaseHex() {
        String plain = serverFingerprint.replace(":", "").toLowerCase(java.util.Locale.ROOT);
        assertEquals("9.1.2", version(Map.of("proxmox.ssl-mode", "verify", "proxmox.tls-fingerprint", plain)));
    }

    @Test
    void verifyWithAWrongFingerprintSaysItDoesNotMatchAndShowsTheServersOne() {
        String wrong = "AB:".repeat(31) + "AB";
        ProxmoxApiException failure = failure(Map.of("proxmox.ssl-mode", "verify", "proxmox.tls-fingerprint", wrong));
        assertEquals(ProxmoxApiException.Kind.TLS, failure.kind());
        String message = failure.userMessage();
        assertTrue(message.startsWith("Proxmox request failed: TLS handshake failed: certificate fingerprint mismatch: "
                + "PROXMOX_TLS_FINGERPRINT does not match the server's certificate (SHA-256 " + serverFingerprint + ")"), message);
        assertTrue(message.contains("PROXMOX_TLS_FINGERPRINT"), message);
    }

    @Test
    void verifyWithTheCaFileSucceeds(@TempDir Path dir) throws Exception {
        Path ca = dir.resolve("pve-root-ca.pem");
        try (JarFile jar = new JarFile(System.getProperty("mockserver.jar"));
             InputStream in = jar.getInputStream(jar.getEntry("org/mockserver/socket/CertificateAuthorityCertificate.pem"))) {
            Files.write(ca, in.readAllBytes());
        }
        assertEquals("9.1.2", version(Map.of("proxmox.ssl-mode", "verify", "proxmox.ca-file", ca.toString())));
    }

    @Test
    void insecureSucceeds() {
        assertEquals("9.1.2", version(Map.of("proxmox.ssl-mode", "insecure")));
    }

    @Test
    void strictFailsWithAnErrorNamingTheWaysToTrustTheCluster() {
        ProxmoxApiException failure = failure(Map.of("proxmox.ssl-mode", "strict"));
        assertEquals(ProxmoxApiException.Kind.TLS, failure.kind());
        String message = failure.userMessage();
        assertTrue(message.startsWith("Proxmox request failed: TLS handshake failed: "), message);
        assertTrue(message.endsWith("\nSet PROXMOX_CA_FILE to the cluster CA (/etc/pve/pve-root-ca.pem) or PROXMOX_TLS_FINGERPRINT "
                + "to the certificate's SHA-256 fingerprint; PROXMOX_SSL_MODE=insecure disables verification."), message);
    }

    private static String version(Map<String, Object> properties) {
        try (PackHarness harness = harness(properties)) {
            harness.proxmox().respond("GET", "/version", "{\"version\":\"9.1.2\",\"release\":\"9.1\"}");
            PveResponse response = harness.context().getBean(VersionClient.class).version().block(Duration.ofSeconds(10));
            return Json.text(response.data(), "version");
        }
    }

    private static ProxmoxApiException failure(Map<String, Object> properties) {
        try (PackHarness harness = harness(properties)) {
            harness.proxmox().respond("GET", "/version", "{\"version\":\"9.1.2\"}");
            Throwable thrown = assertThrows(RuntimeException.class,
                    () -> harness.context().getBean(VersionClient.class).version().block(Duration.ofSeconds(10)));
            return ProxmoxErrors.map(thrown, harness.context().getBean(JsonMapper.class));
        }
    }

    private static PackHarness harness(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("micronaut.http.services.proxmox.url", MockProxmox.shared().httpsUrl());
        all.put("proxmox.retry-attempts", 0);
        return PackHarness.start(PackHarness.emptyPack(), all);
    }

    /** The SHA-256 of the certificate the server presents, read with a plain JDK socket that trusts anything. */
    private static String servedFingerprint(int port) throws Exception {
        X509Certificate[][] seen = new X509Certificate[1][];
        TrustManager trustAll = new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                seen[0] = chain;
            }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            X509Certificate leaf = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            return ProxmoxTrust.fingerprint(leaf);
        }
    }
}
