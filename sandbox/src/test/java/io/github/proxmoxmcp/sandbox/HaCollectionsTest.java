package io.github.proxmoxmcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** HA moves carried out by the sandbox's manager, and the manager's own status. */
class HaCollectionsTest {

    private static String nodeOf(Api api, String sid) {
        for (JsonNode entry : api.get("/cluster/ha/status/current").data()) {
            if (entry.path("sid").asString("").equals(sid)) {
                return entry.get("node").asString();
            }
        }
        throw new AssertionError(sid + " not in the HA status");
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 9})
    void aMigrateMovesTheGuestToTheTargetNode(int pve) {
        try (Sandbox sandbox = Sandbox.start(SandboxTest.OPTIONS.withPveMajor(pve))) {
            Api api = new Api(sandbox);
            Api.Response r = api.post("/cluster/ha/resources/100/migrate", "node", "pve3");
            assertEquals(200, r.status(), r.raw());
            assertEquals(pve >= 9 ? "{\"data\":{\"sid\":\"vm:100\",\"requested-node\":\"pve3\"}}" : "{\"data\":null}", r.raw());
            assertEquals("pve3", nodeOf(api, "vm:100"));
            assertEquals("pve3", api.get("/cluster/ha/status/manager_status").data()
                    .get("manager_status").get("service_status").get("vm:100").get("node").asString());
            assertEquals(200, api.post("/cluster/ha/resources/vm:100/relocate", "node", "pve2").status());
            assertEquals("pve2", nodeOf(api, "vm:100"));
            Api.Response unmanaged = api.post("/cluster/ha/resources/vm:102/migrate", "node", "pve3");
            assertEquals(500, unmanaged.status());
            assertEquals("service 'vm:102' is not HA managed", unmanaged.message().strip());
        }
    }

    @Test
    void aNegativeAffinityBlocksTheMoveAndAPositiveOneMovesTheOthersAlong() {
        try (Sandbox sandbox = Sandbox.start(SandboxTest.OPTIONS.withPveMajor(9))) {
            Api api = new Api(sandbox);
            assertEquals(200, api.post("/cluster/ha/rules", "rule", "apart", "type", "resource-affinity",
                    "resources", "vm:100,vm:101", "affinity", "negative").status());
            Api.Response blocked = api.post("/cluster/ha/resources/vm:100/migrate", "node", "pve2");
            assertEquals("{\"data\":{\"sid\":\"vm:100\",\"requested-node\":\"pve2\",\"blocking-resources\":"
                    + "[{\"sid\":\"vm:101\",\"cause\":\"resource-affinity\"}]}}", blocked.raw());
            assertEquals("pve1", nodeOf(api, "vm:100"));

            assertEquals(200, api.delete("/cluster/ha/rules/apart").status());
            assertEquals(200, api.post("/cluster/ha/rules", "rule", "together", "type", "resource-affinity",
                    "resources", "vm:100,vm:101", "affinity", "positive").status());
            Api.Response along = api.post("/cluster/ha/resources/vm:100/migrate", "node", "pve3");
            assertEquals("{\"data\":{\"sid\":\"vm:100\",\"requested-node\":\"pve3\",\"comigrated-resources\":[\"vm:101\"]}}",
                    along.raw());
            assertEquals("pve3", nodeOf(api, "vm:100"));
            assertEquals("pve3", nodeOf(api, "vm:101"));
        }
    }

    @Test
    void theManagerStatusHasTheMasterEveryNodeAndEveryResource() {
        try (Sandbox sandbox = Sandbox.start(SandboxTest.OPTIONS)) {
            JsonNode data = new Api(sandbox).get("/cluster/ha/status/manager_status").data();
            JsonNode manager = data.get("manager_status");
            assertEquals("pve1", manager.get("master_node").asString());
            assertEquals("online", manager.get("node_status").get("pve2").asString());
            assertEquals(2, manager.get("service_status").size());
            assertEquals("pve2", manager.get("service_status").get("vm:101").get("node").asString());
            assertEquals("active", data.get("lrm_status").get("pve3").get("mode").asString());
            assertEquals("1", data.get("quorum").get("quorate").asString());
        }
    }

    @Test
    void whileDisarmedWithFreezeMovesWaitForTheStackToBeArmed() {
        try (Sandbox sandbox = Sandbox.start(SandboxTest.OPTIONS.withPveMajor(9))) {
            Api api = new Api(sandbox);
            assertEquals(400, api.post("/cluster/ha/status/disarm-ha").status(), "resource-mode is required");
            assertEquals(200, api.post("/cluster/ha/status/disarm-ha", "resource-mode", "freeze").status());
            assertEquals(200, api.post("/cluster/ha/resources/vm:100/migrate", "node", "pve2").status());
            assertEquals("pve1", nodeOf(api, "vm:100"), "frozen: the command waits");
            assertTrue(api.get("/cluster/ha/status/current").data().get(1).get("status").asString().contains("disarmed"));
            assertEquals(200, api.post("/cluster/ha/status/arm-ha").status());
            assertEquals("pve2", nodeOf(api, "vm:100"), "armed again: the waiting command is carried out");

            assertEquals(200, api.post("/cluster/ha/status/disarm-ha", "resource-mode", "ignore").status());
            Api.Response ignored = api.post("/cluster/ha/resources/vm:100/migrate", "node", "pve3");
            assertEquals(500, ignored.status());
            assertTrue(ignored.message().contains("not HA managed while the HA stack is disarmed"), ignored.raw());
        }
    }

    @Test
    void armingIsNotOnPve8() {
        try (Sandbox sandbox = Sandbox.start(SandboxTest.OPTIONS.withPveMajor(8))) {
            assertEquals(501, new Api(sandbox).post("/cluster/ha/status/arm-ha").status());
        }
    }
}
