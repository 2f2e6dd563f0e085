package io.github.proxmoxmcp.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.github.proxmoxmcp.core.testing.PackHarness;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest
class ProxmoxVersionTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    @Test
    void releaseIsReadOnceAndKept() {
        pack.proxmox().respond("GET", "/version", "{\"version\":\"9.1.2\",\"release\":\"9.1\",\"repoid\":\"abc\"}");
        ProxmoxVersion version = pack.bean(ProxmoxVersion.class);

        ProxmoxVersion.Release release = version.release().block();
        version.release().block();

        assertEquals(new ProxmoxVersion.Release(9, 1, "9.1.2"), release);
        assertTrue(release.atLeast(9));
        assertFalse(release.atLeast(10));
        assertEquals(1, pack.proxmox().requests().size(), "the version is read once");
    }

    @Test
    void parsesEightAndOddForms() {
        assertEquals(new ProxmoxVersion.Release(8, 4, "8.4-1"), ProxmoxVersion.parse("8.4-1"));
        assertEquals(new ProxmoxVersion.Release(0, 0, "unknown"), ProxmoxVersion.parse("unknown"));
    }
}
