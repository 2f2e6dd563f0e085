package io.github.proxmoxmcp.firewall;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** On a cluster older than 8.3 (the version is read once per server, hence a class of its own). */
@MicronautTest
class FirewallVersionTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    @Test
    void vnetsNeedProxmox83() {
        pack.proxmox().respond("GET", "/version", "{\"version\":\"8.2.4\",\"release\":\"8.2\"}");

        assertError("Invalid arguments: the vnet firewall needs Proxmox VE 8.3 or later; this cluster runs 8.2.4. "
                + "Nothing was sent to Proxmox.", pack.call("proxmox_firewall_get", "{\"scope\":\"vnet/vnet1\"}"));
        assertError("Invalid arguments: the vnet firewall needs Proxmox VE 8.3 or later; this cluster runs 8.2.4. "
                + "Nothing was sent to Proxmox.", pack.call("proxmox_firewall_rule_manage",
                "{\"op\":\"create\",\"scope\":\"vnet/vnet1\",\"rule\":{\"type\":\"forward\",\"action\":\"ACCEPT\"}}"));
        assertEquals(List.of("GET /version"), pack.lines());
    }
}
