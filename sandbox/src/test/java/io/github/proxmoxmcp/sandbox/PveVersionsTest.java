package io.github.proxmoxmcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What differs between a sandbox answering as PVE 8 and one answering as PVE 9. */
class PveVersionsTest {

    private Sandbox sandbox;
    private Api api;

    private void start(int pve) {
        sandbox = Sandbox.start(SandboxTest.OPTIONS.withPveMajor(pve));
        api = new Api(sandbox);
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void onlyEightAndNineAreAccepted() {
        assertEquals("pveMajor must be 8 or 9, not 7",
                assertThrows(IllegalArgumentException.class, () -> SandboxTest.OPTIONS.withPveMajor(7)).getMessage());
        assertEquals(9, SandboxOptions.defaults().pveMajor());
    }

    @Test
    void pve8() {
        start(8);
        assertEquals("{\"version\":\"8.4.14\",\"release\":\"8.4\",\"repoid\":\"b502d23c55afcba1\"}", api.get("/version").data().toString());
        assertEquals("pve-manager/8.4.14/b502d23c55afcba1", api.get("/nodes/pve1/status").data().get("pveversion").asString());
        assertEquals("6.8.12-15-pve", api.get("/nodes/pve2/apt/versions").data().get(0).get("RunningKernel").asString());

        JsonNode groups = api.get("/cluster/ha/groups").data();
        assertEquals("[{\"group\":\"prefer-pve1-pve2\",\"type\":\"group\",\"nodes\":\"pve1:2,pve2:1\",\"comment\":\"keep production off pve3\","
                + "\"digest\":\"" + groups.get(0).get("digest").asString() + "\"}]", groups.toString());
        assertEquals("prefer-pve1-pve2", api.get("/cluster/ha/resources/vm:100").data().get("group").asString());
        assertEquals(200, api.post("/cluster/ha/groups", "group", "edge", "nodes", "pve3", "restricted", "1").status());
        assertEquals(1, api.get("/cluster/ha/groups/edge").data().get("restricted").asInt());
        assertEquals("delete ha group failed: ha group is used by service 'vm:100'",
                api.delete("/cluster/ha/groups/prefer-pve1-pve2").message());
        Api.Response rules = api.get("/cluster/ha/rules");
        assertEquals(501, rules.status());
        assertEquals("Method 'GET /cluster/ha/rules' not implemented", rules.message());
        assertEquals(501, api.get("/cluster/sdn/fabrics/fabric").status());
        assertEquals("{\"failback\":\"property is not defined in schema and the schema does not allow additional properties\"}",
                api.post("/cluster/ha/resources", "sid", "104", "failback", "0").body().get("errors").toString());

        List<String> privs = List.of(api.get("/access/roles/PVEVMAdmin").data().propertyNames().toArray(String[]::new));
        assertTrue(privs.contains("VM.Monitor"), privs.toString());
        assertFalse(privs.contains("VM.GuestAgent.Audit"), privs.toString());
        assertEquals("reef", api.get("/cluster/ceph/status").data().get("monmap").get("min_mon_release_name").asString());
        assertEquals(List.of("vnets", "zones", "controllers", "ipams", "dns"), SandboxTest.texts(api.get("/cluster/sdn").data(), "id"));
        assertEquals(200, api.get("/cluster/sdn/vnets/labnet/firewall/rules").status(), "vnet firewalls came with 8.3");
    }

    @Test
    void pve9() {
        start(9);
        assertEquals("{\"version\":\"9.1.1\",\"release\":\"9.1\",\"repoid\":\"42db4a6cf33dac83\"}", api.get("/version").data().toString());
        for (String[] call : new String[][] {{"GET", "/cluster/ha/groups", "cannot index groups"},
                {"GET", "/cluster/ha/groups/prefer-pve1-pve2", "cannot read group"},
                {"POST", "/cluster/ha/groups", "cannot create group"},
                {"PUT", "/cluster/ha/groups/x", "cannot update group"},
                {"DELETE", "/cluster/ha/groups/x", "cannot delete group"}}) {
            Api.Response r = call[0].equals("POST") ? api.post(call[1], "group", "g", "nodes", "pve1")
                    : call[0].equals("PUT") ? api.put(call[1], "comment", "c") : api.send(call[0], call[1], null);
            assertEquals(500, r.status(), call[1]);
            assertEquals(call[2] + ": ha groups have been migrated to rules", r.message());
        }
        JsonNode rules = api.get("/cluster/ha/rules").data();
        assertEquals("prefer-pve1-pve2", rules.get(0).get("rule").asString());
        assertEquals("vm:100,vm:101", rules.get(0).get("resources").asString());
        assertEquals(0, rules.get(0).get("strict").asInt());
        assertFalse(api.get("/cluster/ha/resources/vm:100").data().has("group"));
        assertEquals("invalid parameter 'group': ha groups have been migrated to rules",
                api.post("/cluster/ha/resources", "sid", "104", "group", "g1").message());

        assertEquals(200, api.post("/cluster/sdn/fabrics/fabric", "id", "core", "protocol", "openfabric",
                "ip_prefix", "10.255.0.0/24").status());
        assertEquals("new", api.get("/cluster/sdn/fabrics/fabric", "pending", "1").data().get(0).get("state").asString());
        List<String> privs = List.of(api.get("/access/roles/PVEVMAdmin").data().propertyNames().toArray(String[]::new));
        assertTrue(privs.contains("VM.GuestAgent.Audit"), privs.toString());
        assertFalse(privs.contains("VM.Monitor"), privs.toString());
        assertEquals("create role failed: invalid privilege 'VM.Monitor'",
                api.post("/access/roles", "roleid", "Old", "privs", "VM.Monitor").message());
        assertEquals("squid", api.get("/cluster/ceph/status").data().get("monmap").get("min_mon_release_name").asString());
    }
}
