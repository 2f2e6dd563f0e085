package io.github.proxmoxmcp.core.client;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How to reach and authenticate to Proxmox. The server fills {@code proxmox.*} from the environment;
 * the HTTP client itself is configured under {@code micronaut.http.services.proxmox.*}.
 *
 * @param tokenId      {@code user@realm!tokenname}; with {@code tokenSecret} selects token auth
 * @param user         {@code user@realm} for password (ticket) auth
 * @param timeout       how long one attempt of a request waits for Proxmox's answer ({@code PROXMOX_TIMEOUT})
 * @param retryAttempts how often a GET is tried again after a transient failure, on top of the first attempt
 * @param maxConcurrent requests in flight to the cluster at most; more wait for a free slot
 * @param rateLimit     requests per second sent to the cluster at most
 * @param uploadTimeout how long a file upload may take: pveproxy answers only once the whole file is in
 */
@ConfigurationProperties("proxmox")
public record ProxmoxConfiguration(
        @Nullable String tokenId,
        @Nullable String tokenSecret,
        @Bindable(defaultValue = "root@pam") String user,
        @Nullable String password,
        @Bindable(defaultValue = "strict") TlsMode sslMode,
        @Nullable String caFile,
        @Nullable String tlsFingerprint,
        @Bindable(defaultValue = "30s") Duration timeout,
        @Bindable(defaultValue = "3") int retryAttempts,
        @Bindable(defaultValue = "1s") Duration retryDelay,
        @Bindable(defaultValue = "10s") Duration maxRetryDelay,
        @Bindable(defaultValue = "8") int maxConcurrent,
        @Bindable(defaultValue = "20") double rateLimit,
        @Nullable String defaultNode,
        @Bindable(defaultValue = "1s") Duration taskPollInterval,
        @Bindable(defaultValue = "110m") Duration ticketLifetime,
        @Bindable(defaultValue = "6h") Duration uploadTimeout) {

    /** TLS verification of the Proxmox certificate. */
    public enum TlsMode {
        /** System trust store, hostname checked. */
        strict,
        /** A CA file or a pinned SHA-256 certificate fingerprint. */
        verify,
        /** No verification at all. */
        insecure
    }

    public boolean tokenAuth() {
        return tokenId != null && tokenSecret != null;
    }

    /** Like the record's own, with the token secret and the password redacted. */
    @Override
    public String toString() {
        return "ProxmoxConfiguration[tokenId=" + tokenId + ", tokenSecret=" + redacted(tokenSecret) + ", user=" + user
                + ", password=" + redacted(password) + ", sslMode=" + sslMode + ", caFile=" + caFile
                + ", tlsFingerprint=" + tlsFingerprint + ", timeout=" + timeout + ", retryAttempts=" + retryAttempts
                + ", retryDelay=" + retryDelay + ", maxRetryDelay=" + maxRetryDelay + ", maxConcurrent=" + maxConcurrent
                + ", rateLimit=" + rateLimit + ", defaultNode=" + defaultNode
                + ", taskPollInterval=" + taskPollInterval + ", ticketLifetime=" + ticketLifetime
                + ", uploadTimeout=" + uploadTimeout + "]";
    }

    private static String redacted(String secret) {
        return secret == null ? "null" : "[redacted]";
    }
}
