package io.github.proxmoxmcp.core.client;

import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

/** The cluster's Proxmox VE version, read once from {@code /version} and kept. */
@Singleton
public final class ProxmoxVersion {

    /** A release such as {@code 9.1}. */
    public record Release(int major, int minor, String version) {

        /** PVE 9 replaced HA groups with HA rules and the VM.Monitor privilege with VM.GuestAgent.*. */
        public boolean atLeast(int wantedMajor) {
            return major >= wantedMajor;
        }
    }

    private final Mono<Release> release;

    ProxmoxVersion(VersionClient client) {
        this.release = Mono.defer(client::version).map(r -> parse(Json.text(r.data(), "version", "0.0")))
                .cache(r -> java.time.Duration.ofDays(365), e -> java.time.Duration.ZERO, () -> java.time.Duration.ZERO);
    }

    public Mono<Release> release() {
        return release;
    }

    static Release parse(String version) {
        String[] parts = version.split("[.-]");
        int major = parts.length > 0 ? intOf(parts[0]) : 0;
        int minor = parts.length > 1 ? intOf(parts[1]) : 0;
        return new Release(major, minor, version);
    }

    private static int intOf(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
