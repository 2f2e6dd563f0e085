package io.github.proxmoxmcp.core.client;

import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.handler.ssl.util.SimpleTrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** The trust decision for the Proxmox certificate, per {@code PROXMOX_SSL_MODE}. */
public final class ProxmoxTrust {

    private ProxmoxTrust() {
    }

    /** The trust manager factory to use, or empty for the JDK's default (system trust store). */
    public static Optional<TrustManagerFactory> factory(ProxmoxConfiguration config) {
        return switch (config.sslMode()) {
            case strict -> Optional.empty();
            case insecure -> Optional.of(InsecureTrustManagerFactory.INSTANCE);
            case verify -> Optional.of(config.tlsFingerprint() != null
                    ? pinned(config.tlsFingerprint())
                    : caFile(Path.of(config.caFile())));
        };
    }

    /** Normalises {@code AA:BB:..} or {@code aabb..} to lowercase hex; null when it is not 32 bytes of hex. */
    public static String normaliseFingerprint(String fingerprint) {
        String hex = fingerprint.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
        return hex.matches("[0-9a-f]{64}") ? hex : null;
    }

    public static String fingerprint(X509Certificate certificate) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    /** Trust in the PEM certificates of a file; an unreadable file or one without a certificate is an error naming PROXMOX_CA_FILE. */
    public static TrustManagerFactory caFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("proxmox-ca-" + n++, cert);
            }
            if (n == 0) {
                throw new IllegalStateException("PROXMOX_CA_FILE " + file + " holds no PEM certificate");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("PROXMOX_CA_FILE " + file + " cannot be read as PEM certificates: " + e.getMessage(), e);
        }
    }

    static TrustManagerFactory pinned(String fingerprint) {
        String expected = normaliseFingerprint(fingerprint);
        if (expected == null) {
            throw new IllegalStateException("PROXMOX_TLS_FINGERPRINT must be a SHA-256 fingerprint (64 hex digits, colons allowed)");
        }
        TrustManager manager = new PinnedTrustManager(expected);
        return new SimpleTrustManagerFactory() {
            @Override
            protected void engineInit(KeyStore keyStore) {
            }

            @Override
            protected void engineInit(ManagerFactoryParameters parameters) {
            }

            @Override
            protected TrustManager[] engineGetTrustManagers() {
                return new TrustManager[] {manager};
            }
        };
    }

    /** Trusts exactly the certificate whose SHA-256 fingerprint was pinned; the host name is not checked. */
    private static final class PinnedTrustManager extends X509ExtendedTrustManager {

        private final String expected;

        PinnedTrustManager(String expected) {
            this.expected = expected;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the server presented no certificate");
            }
            String actual;
            try {
                actual = fingerprint(chain[0]);
            } catch (GeneralSecurityException e) {
                throw new CertificateException(e);
            }
            if (!normaliseFingerprint(actual).equals(expected)) {
                throw new CertificateException("certificate fingerprint mismatch: PROXMOX_TLS_FINGERPRINT does not match "
                        + "the server's certificate (SHA-256 " + actual + ")");
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not accepted");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
