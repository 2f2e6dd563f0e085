package io.github.proxmoxmcp.ha;

import io.github.proxmoxmcp.core.client.ProxmoxVersion;
import io.github.proxmoxmcp.core.testing.PackCalls;

/**
 * The harness's context reads {@code /version} once and keeps it: answering it and reading it before each test
 * makes the recorded requests of every test the same, whichever test runs first.
 */
final class ClusterVersion {

    private ClusterVersion() {
    }

    static void is(PackCalls pack, String version) {
        pack.proxmox().respond("GET", "/version", "{\"version\":\"" + version + "\",\"release\":\"" + version + "\"}");
        String read = pack.bean(ProxmoxVersion.class).release().block().version();
        if (!read.equals(version)) {
            throw new IllegalStateException("this test class's context already read PVE " + read);
        }
        pack.proxmox().reset();
    }
}
