package io.github.proxmoxmcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class NodeWritesTest {

    Sandbox sandbox;
    Api api;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxTest.OPTIONS);
        api = new Api(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String serviceState(String service) {
        return api.get("/nodes/pve1/services/" + service + "/state").data().get("state").asString();
    }

    @Test
    void servicesStopAndStartThroughTasks() {
        assertEquals("OK", api.run("POST", "/nodes/pve1/services/postfix/stop"));
        assertEquals("dead", serviceState("postfix"));
        assertEquals("OK", api.run("POST", "/nodes/pve1/services/postfix/restart"));
        assertEquals("running", serviceState("postfix"));
    }

    @Test
    void hostsDnsAndTimeZoneChange() {
        String digest = api.get("/nodes/pve1/hosts").data().get("digest").asString();
        assertEquals(200, api.post("/nodes/pve1/hosts", "data", "127.0.0.1 localhost\n", "digest", digest).status());
        assertEquals("127.0.0.1 localhost\n", api.get("/nodes/pve1/hosts").data().get("data").asString());
        assertEquals(500, api.post("/nodes/pve1/hosts", "data", "x", "digest", digest).status());
        assertEquals(200, api.put("/nodes/pve1/dns", "search", "lab.example", "dns1", "9.9.9.9").status());
        JsonNode dns = api.get("/nodes/pve1/dns").data();
        assertEquals("lab.example", dns.get("search").asString());
        assertFalse(dns.has("dns2"));
        assertEquals(200, api.put("/nodes/pve1/time", "timezone", "UTC").status());
        JsonNode time = api.get("/nodes/pve1/time").data();
        assertEquals(time.get("time").asLong(), time.get("localtime").asLong());
        assertEquals(400, api.put("/nodes/pve1/time", "timezone", "Mars/Olympus").status());
    }

    @Test
    void networkChangesStayPendingUntilApplied() {
        assertEquals(200, api.post("/nodes/pve2/network", "iface", "vmbr9", "type", "bridge", "cidr", "10.9.0.2/24",
                "autostart", "1").status());
        JsonNode pending = api.get("/nodes/pve2/network/vmbr9").data();
        assertEquals("10.9.0.2", pending.get("address").asString());
        assertEquals(0, pending.get("active").asInt());
        assertEquals("OK", api.run("PUT", "/nodes/pve2/network"));
        assertEquals(1, api.get("/nodes/pve2/network/vmbr9").data().get("active").asInt());
        assertEquals(200, api.delete("/nodes/pve2/network/vmbr9").status());
        assertEquals(200, api.delete("/nodes/pve2/network").status());
        assertTrue(SandboxTest.texts(api.get("/nodes/pve2/network").data(), "iface").contains("vmbr9"));
        assertEquals(500, api.get("/nodes/pve2/network/vmbr7").status());
    }

    @Test
    void bulkActionsStartStopAndMigrate() {
        assertEquals("OK", api.run("POST", "/nodes/pve2/stopall"));
        assertEquals("stopped", api.get("/nodes/pve2/qemu/101/status/current").data().get("status").asString());
        assertEquals("OK", api.run("POST", "/nodes/pve2/startall"));
        assertEquals("running", api.get("/nodes/pve2/qemu/101/status/current").data().get("status").asString());
        assertEquals("stopped", api.get("/nodes/pve2/qemu/106/status/current").data().get("status").asString());
        assertEquals("some guests failed: 1", api.run("POST", "/nodes/pve3/startall", "force", "1"));
        assertEquals("OK", api.run("POST", "/nodes/pve3/stopall"));
        assertEquals("OK", api.run("POST", "/nodes/pve3/migrateall", "target", "pve2", "vms", "104"));
        assertEquals("pve2", api.get("/cluster/resources", "type", "vm").data().valueStream()
                .filter(n -> n.get("vmid").asInt() == 104).findFirst().orElseThrow().get("node").asString());
    }

    @Test
    void aNodeShutdownTakesItOfflineAndWakeOnLanBringsItBack() {
        assertEquals(200, api.post("/nodes/pve3/status", "command", "shutdown").status());
        assertEquals(595, api.get("/nodes/pve3/status").status());
        Api.Response wake = api.post("/nodes/pve3/wakeonlan");
        assertEquals(200, wake.status(), wake.raw());
        assertEquals(200, api.get("/nodes/pve3/status").status());
        assertEquals(200, api.post("/nodes/pve1/status", "command", "reboot").status());
        assertEquals("running", api.get("/nodes/pve1/qemu/100/status/current").data().get("status").asString());
        assertEquals("stopped", api.get("/nodes/pve1/qemu/102/status/current").data().get("status").asString());
    }

    @Test
    void consolesAndUnlink() {
        JsonNode vnc = api.post("/nodes/pve1/qemu/100/vncproxy", "websocket", "1").data();
        assertTrue(vnc.get("ticket").asString().startsWith("PVEVNC:"));
        assertTrue(vnc.get("upid").asString().contains(":vncproxy:100:"));
        assertEquals("5901", api.post("/nodes/pve2/lxc/103/termproxy").data().get("port").asString());
        assertEquals("spice", api.post("/nodes/pve1/qemu/100/spiceproxy").data().get("type").asString());
        assertEquals("VM 102 not running", api.post("/nodes/pve1/qemu/102/vncproxy").message());

        assertEquals(200, api.put("/nodes/pve1/qemu/102/unlink", "idlist", "tpmstate0").status());
        JsonNode config = api.get("/nodes/pve1/qemu/102/config").data();
        assertFalse(config.has("tpmstate0"));
        assertEquals("local-lvm:vm-102-disk-2", config.get("unused0").asString());
        assertEquals(List.of(), SandboxTest.texts(api.get("/nodes/pve1/replication").data(), "id"));
        assertEquals(List.of("103-0"), SandboxTest.texts(api.get("/nodes/pve2/replication").data(), "id"));
        assertEquals("replication job '103-9' does not exist", api.get("/nodes/pve2/replication/103-9/log").message());
    }
}
