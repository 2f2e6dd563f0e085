package io.github.proxmoxmcp.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.testing.MockProxmox;
import io.github.proxmoxmcp.core.testing.PackHarness;
import io.github.proxmoxmcp.core.spi.ToolPack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WireEncodingTest {

    private static PackHarness harness;
    private static MockProxmox proxmox;
    private static ProbeClient client;

    @BeforeAll
    static void start() {
        harness = PackHarness.start(new ToolPack() {
            public String name() { return "probe"; }
            public String summary() { return "probe"; }
            public List<io.github.proxmoxmcp.core.spi.ToolDefinition<?>> tools() { return List.of(); }
        });
        proxmox = harness.proxmox();
        client = harness.context().getBean(ProbeClient.class);
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @BeforeEach
    void reset() {
        proxmox.reset();
    }

    @Test
    void pathSegmentsArePercentEncoded() {
        proxmox.respond("GET", "/nodes/pve1/storage/local/content/local%3Aiso%2Fa%20b.iso", "{}");
        client.volume("pve1", "local", "local:iso/a b.iso").block();
        var request = proxmox.requests().getFirst();
        assertEquals("GET", request.method());
        assertEquals("/nodes/pve1/storage/local/content/local%3Aiso%2Fa%20b.iso", request.path());
    }

    @Test
    void queryMapAndBooleans() {
        proxmox.respond("GET", "/nodes/pve1/tasks", "[]");
        try { client.tasks("pve1", Params.create().put("errors", true).put("limit", 5).put("vmid", null).put("userfilter", "a@pve").map()).block(); } catch (RuntimeException e) { System.err.println("REQ " + proxmox.requests()); throw e; }
        var request = proxmox.requests().getFirst();
        assertEquals(Map.of("errors", "1", "limit", "5", "userfilter", "a@pve"), request.query());
    }

    @Test
    void formBody() {
        proxmox.respond("POST", "/nodes/pve1/qemu", "\"UPID:pve1:0001:0002:65000000:qmcreate:100:root@pam:\"");
        client.create("pve1", Params.create().put("vmid", 100).put("onboot", false).put("net0", "virtio,bridge=vmbr0,firewall=1").map()).block();
        var request = proxmox.requests().getFirst();
        assertEquals("POST", request.method());
        assertEquals(Map.of("vmid", "100", "onboot", "0", "net0", "virtio,bridge=vmbr0,firewall=1"), request.form());
        assertEquals("PVEAPIToken=" + PackHarness.TOKEN_ID + "=" + PackHarness.TOKEN_SECRET, request.headers().get("authorization"));
    }

    @Test
    void cidrAndUserInPath() {
        proxmox.respond("PUT", "/cluster/firewall/ipset/lan/10.0.0.0%2F24", "null");
        client.updateCidr("lan", "10.0.0.0/24", Params.create().put("nomatch", true).map()).block();
        proxmox.respond("DELETE", "/access/users/john%40pve", "null");
        client.deleteUser("john@pve", Params.create().put("force", true).map()).block();
        var requests = proxmox.requests();
        assertEquals("/cluster/firewall/ipset/lan/10.0.0.0%2F24", requests.get(0).path());
        assertEquals("/access/users/john%40pve", requests.get(1).path());
        assertEquals(Map.of("force", "1"), requests.get(1).query());
        assertEquals("", requests.get(1).body());
    }
}
