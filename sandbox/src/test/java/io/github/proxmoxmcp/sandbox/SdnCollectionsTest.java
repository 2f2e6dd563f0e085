package io.github.proxmoxmcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** SDN beyond plain collections: the global lock, rollback, IPAM entries, what the nodes run, the dry run. */
class SdnCollectionsTest {

    private static Sandbox start() {
        return Sandbox.start(SandboxTest.OPTIONS.withPveMajor(9));
    }

    private static void assertFailure(int status, String message, Api.Response response) {
        assertEquals(status, response.status(), response.raw());
        assertEquals(message, response.message().strip());
    }

    @Test
    void whileLockedEveryWriteNeedsTheTokenAndApplyingWithItReleasesTheLock() {
        try (Sandbox sandbox = start()) {
            Api api = new Api(sandbox);
            Api.Response lock = api.post("/cluster/sdn/lock");
            assertEquals(200, lock.status(), lock.raw());
            String token = lock.data().asString();
            assertFailure(500, "global lock is already held", api.post("/cluster/sdn/lock"));

            assertFailure(500, "invalid lock token provided!", api.post("/cluster/sdn/zones", "zone", "v1", "type", "vlan",
                    "bridge", "vmbr0"));
            assertFailure(500, "invalid lock token provided!", api.put("/cluster/sdn"));
            assertEquals(200, api.post("/cluster/sdn/zones", "zone", "v1", "type", "vlan", "bridge", "vmbr0",
                    "lock-token", token).status());
            assertEquals(200, api.post("/cluster/sdn/vnets", "vnet", "web", "zone", "v1", "tag", "10",
                    "lock-token", token).status());

            assertEquals("OK", api.run("PUT", "/cluster/sdn", "lock-token", token));
            assertEquals(200, api.post("/cluster/sdn/lock").status(), "released by the apply");
        }
    }

    @Test
    void lockingWithPendingChangesNeedsAllowPendingAndUnlockNeedsTheTokenOrForce() {
        try (Sandbox sandbox = start()) {
            Api api = new Api(sandbox);
            assertEquals(200, api.put("/cluster/sdn/zones/lab", "mtu", "1400").status());
            assertFailure(500, "cannot acquire lock, there are pending changes", api.post("/cluster/sdn/lock"));
            assertEquals(200, api.post("/cluster/sdn/lock", "allow-pending", "1").status());
            assertFailure(500, "invalid lock token provided!", api.delete("/cluster/sdn/lock", "lock-token", "wrong"));
            assertEquals(200, api.delete("/cluster/sdn/lock", "force", "1").status());
            assertEquals(200, api.put("/cluster/sdn/zones/lab", "mtu", "1450").status(), "unlocked");
        }
    }

    @Test
    void rollbackDiscardsEveryPendingChange() {
        try (Sandbox sandbox = start()) {
            Api api = new Api(sandbox);
            assertEquals(200, api.post("/cluster/sdn/zones", "zone", "v1", "type", "vlan", "bridge", "vmbr0").status());
            assertEquals(200, api.put("/cluster/sdn/zones/lab", "mtu", "1400").status());
            assertEquals(200, api.post("/cluster/sdn/rollback").status());

            assertEquals(List.of("lab"), SandboxTest.texts(api.get("/cluster/sdn/zones").data(), "zone"));
            assertTrue(api.get("/cluster/sdn/zones/lab").data().path("mtu").isMissingNode());
            assertFalse(api.get("/cluster/sdn/zones", "pending", "1").data().get(0).has("state"));
        }
    }

    @Test
    void ipMappingsLiveInTheIpamOfTheZoneAtOnce() {
        try (Sandbox sandbox = start()) {
            Api api = new Api(sandbox);
            String ips = "/cluster/sdn/vnets/labnet/ips";
            assertEquals(200, api.post(ips, "zone", "lab", "ip", "10.10.10.50", "mac", "BC:24:11:00:00:50").status());
            assertFailure(500, "IP '10.10.10.50' already exist", api.post(ips, "zone", "lab", "ip", "10.10.10.50"));
            assertFailure(500, "ip 10.20.0.1 is not in a subnet of vnet labnet", api.post(ips, "zone", "lab", "ip", "10.20.0.1"));
            assertEquals(200, api.put(ips, "zone", "lab", "ip", "10.10.10.50", "vmid", "100").status());

            JsonNode status = api.get("/cluster/sdn/ipams/pve/status").data();
            assertEquals(Api.json("""
                    [{"zone":"lab","vnet":"labnet","subnet":"10.10.10.0/24","ip":"10.10.10.1","gateway":1},
                     {"zone":"lab","vnet":"labnet","subnet":"10.10.10.0/24","ip":"10.10.10.50","mac":"BC:24:11:00:00:50",
                      "vmid":100}]"""), status);

            assertEquals(200, api.delete(ips, "zone", "lab", "ip", "10.10.10.50").status());
            assertEquals(1, api.get("/cluster/sdn/ipams/pve/status").data().size());
            assertFailure(500, "IP '10.10.10.50' does not exist in vnet labnet", api.delete(ips, "zone", "lab", "ip", "10.10.10.50"));
        }
    }

    @Test
    void nodesRunOnlyWhatWasAppliedAndTheDryRunShowsTheRest() {
        try (Sandbox sandbox = start()) {
            Api api = new Api(sandbox);
            assertEquals(Api.json("[{\"zone\":\"lab\",\"status\":\"available\"}]"), api.get("/nodes/pve1/sdn/zones").data());
            assertEquals(Api.json("[{\"vnet\":\"labnet\",\"status\":\"available\"}]"),
                    api.get("/nodes/pve1/sdn/zones/lab/content").data());

            assertEquals(200, api.post("/cluster/sdn/zones", "zone", "v1", "type", "vlan", "bridge", "vmbr0").status());
            assertEquals(200, api.post("/cluster/sdn/vnets", "vnet", "web", "zone", "v1", "tag", "10").status());
            assertEquals(1, api.get("/nodes/pve1/sdn/zones").data().size(), "not applied yet");
            assertFailure(500, "zone 'v1' does not exist", api.get("/nodes/pve1/sdn/zones/v1/content"));
            assertEquals(Api.json("{\"interfaces-diff\":\"+auto web\\n+iface web\\n+\\tbridge_ports vmbr0.10\\n\"}"),
                    api.get("/cluster/sdn/dry-run", "node", "pve1").data());

            assertEquals("OK", api.run("PUT", "/cluster/sdn"));
            assertEquals(Api.json("[{\"zone\":\"lab\",\"status\":\"available\"},{\"zone\":\"v1\",\"status\":\"available\"}]"),
                    api.get("/nodes/pve1/sdn/zones").data());
            assertEquals(Api.json("[{\"name\":\"web\",\"vlan_filtering\":\"0\",\"ports\":[]}]"),
                    api.get("/nodes/pve1/sdn/zones/v1/bridges").data());
            assertEquals(Api.json("{}"), api.get("/cluster/sdn/dry-run", "node", "pve1").data());

            assertEquals(200, api.put("/cluster/sdn/zones/v1", "mtu", "1400").status());
            assertEquals("pending", api.get("/nodes/pve1/sdn/zones").data().get(1).get("status").asString());
        }
    }

    @Test
    void aFabricUpdateTakesItsProtocolAndAnEmptyDeleteListAsJson() {
        try (Sandbox sandbox = start()) {
            Api api = new Api(sandbox);
            assertEquals(200, api.post("/cluster/sdn/fabrics/fabric", "id", "f1", "protocol", "openfabric",
                    "ip_prefix", "10.0.0.0/24").status());
            Api.Response form = api.put("/cluster/sdn/fabrics/fabric/f1", "hello_interval", "2");
            assertEquals(400, form.status(), form.raw());
            assertEquals("property is missing and it is not optional", Api.json(form.raw()).path("errors").path("protocol").asString(),
                    form.raw());

            Api.Response json = api.json("PUT", "/cluster/sdn/fabrics/fabric/f1",
                    "{\"protocol\":\"openfabric\",\"hello_interval\":2,\"delete\":[]}");
            assertEquals(200, json.status(), json.raw());
            assertEquals(2.0, api.get("/cluster/sdn/fabrics/fabric/f1").data().get("hello_interval").asDouble());
        }
    }
}
