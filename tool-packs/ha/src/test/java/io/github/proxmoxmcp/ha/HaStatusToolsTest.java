package io.github.proxmoxmcp.ha;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** proxmox_ha_status, proxmox_ha_resource_move and proxmox_ha_arm on PVE 9.1. */
@MicronautTest
class HaStatusToolsTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    @BeforeEach
    void pve9() {
        ClusterVersion.is(pack, "9.1.1");
    }

    @Test
    void currentStatusShowsQuorumManagerFencingNodesAndResources() {
        pack.proxmox().respond("GET", "/cluster/ha/status/current", """
                [{"id":"quorum","type":"quorum","node":"pve1","status":"OK","quorate":1},
                 {"id":"master","type":"master","node":"pve1","status":"pve1 (active, Tue Dec  1 21:00:00 2026)","timestamp":1796158800},
                 {"id":"fencing","type":"fencing","node":"pve1","status":"armed (CRM watchdog active)","armed-state":"armed"},
                 {"id":"lrm:pve1","type":"lrm","node":"pve1","status":"pve1 (active, watchdog active, Tue Dec  1 21:00:02 2026)",
                  "timestamp":1796158802},
                 {"id":"lrm:pve2","type":"lrm","node":"pve2","status":"pve2 (idle, watchdog standby, Tue Dec  1 21:00:03 2026)",
                  "timestamp":"1796158803"},
                 {"id":"service:vm:100","type":"service","sid":"vm:100","node":"pve1","crm_state":"started","state":"started",
                  "status":"vm:100 (pve1, started)","request_state":"started","max_restart":1,"max_relocate":1,"failback":1,
                  "comment":"db"},
                 {"id":"service:ct:101","type":"service","sid":"ct:101","node":"pve2","crm_state":"stopped","state":"stopped",
                  "status":"ct:101 (pve2, stopped)","request_state":"stopped","max_restart":2,"max_relocate":0,"failback":0}]""");

        assertOk("""
                quorum: OK
                master: pve1, active, updated 2026-12-01 21:00:00Z
                fencing: armed (CRM watchdog active)
                NODE  LRM                      UPDATED
                pve1  active, watchdog active  2026-12-01 21:00:02Z
                pve2  idle, watchdog standby   2026-12-01 21:00:03Z
                SID     NODE  STATE    REQUESTED  RESTART  RELOCATE  FAILBACK  COMMENT
                vm:100  pve1  started  started    1        1         yes       db
                ct:101  pve2  stopped  stopped    2        0         no        -""", pack.call("proxmox_ha_status", "{}"));
        assertRequest(pack.only("GET", "/cluster/ha/status/current"), Map.of(), Map.of());
    }

    @Test
    void currentStatusWithoutResourcesSaysSo() {
        pack.proxmox().respond("GET", "/cluster/ha/status/current", """
                [{"id":"quorum","type":"quorum","node":"pve1","status":"No quorum on node 'pve1'!","quorate":0}]""");

        assertOk("""
                quorum: No quorum on node 'pve1'!
                master: none (no HA resources configured yet, or no manager elected)
                no HA resources""", pack.call("proxmox_ha_status", "{\"view\":\"current\"}"));
    }

    @Test
    void managerViewShowsNodesServicesAndOtherState() {
        pack.proxmox().respond("GET", "/cluster/ha/status/manager_status", """
                {"manager_status":{"master_node":"pve1","timestamp":1796158800,
                   "node_status":{"pve2":"online","pve1":"online"},
                   "service_status":{"vm:100":{"node":"pve1","state":"migrate","target":"pve2","uid":"x1"},
                                     "ct:101":{"node":"pve2","state":"started","failed_nodes":["pve1"],"uid":"x2"}},
                   "node_request":{"pve2":{"maintenance":1}}},
                 "quorum":{"node":"pve1","quorate":"1"},
                 "lrm_status":{"pve1":{"mode":"active","state":"active","timestamp":1796158802},
                               "pve2":{"mode":"active","state":"wait_for_agent_lock","timestamp":1796158803}}}""");

        assertOk("""
                master: pve1 (2026-12-01 21:00:00Z)
                quorum: pve1 quorate
                NODE  STATUS  LRM MODE  LRM STATE            LRM UPDATED
                pve1  online  active    active               2026-12-01 21:00:02Z
                pve2  online  active    wait_for_agent_lock  2026-12-01 21:00:03Z
                SID     NODE  STATE    TARGET  FAILED ON
                ct:101  pve2  started  -       pve1
                vm:100  pve1  migrate  pve2    -
                node_request: {"pve2":{"maintenance":1}}""", pack.call("proxmox_ha_status", "{\"view\":\"manager\"}"));
        assertRequest(pack.only("GET", "/cluster/ha/status/manager_status"), Map.of(), Map.of());
    }

    @Test
    void statusFailureShowsProxmoxsMessage() {
        pack.proxmox().fail("GET", "/cluster/ha/status/current", 403, "Permission check failed (/, Sys.Audit)", Map.of());

        assertEquals("Proxmox API error 403: Permission check failed (/, Sys.Audit)",
                pack.error("proxmox_ha_status", "{}").text().lines().findFirst().orElseThrow());
    }

    // moves

    @Test
    void migrateQueuesTheRequestAndNamesWhatMovesAlong() {
        pack.proxmox().respond("POST", "/cluster/ha/resources/vm%3A100/migrate", """
                {"sid":"vm:100","requested-node":"pve2","comigrated-resources":["vm:102"]}""");

        assertOk("""
                migration of vm:100 to pve2 requested; the HA manager carries it out (follow it with proxmox_ha_status)
                moving with it (positive affinity): vm:102""",
                pack.call("proxmox_ha_resource_move", "{\"sid\":\"vm:100\",\"node\":\"pve2\"}"));
        assertRequest(pack.only("POST", "/cluster/ha/resources/vm%3A100/migrate"), Map.of(), Map.of("node", "pve2"));
    }

    @Test
    void relocateOfABlockedResourceIsAnError() {
        pack.proxmox().respond("POST", "/cluster/ha/resources/ct%3A101/relocate", """
                {"sid":"ct:101","requested-node":"pve3","blocking-resources":[{"sid":"vm:200","cause":"resource-affinity"}]}""");

        assertError("relocation of ct:101 to pve3 is blocked by vm:200 (resource-affinity): the HA manager will not "
                        + "carry it out",
                pack.call("proxmox_ha_resource_move", "{\"sid\":\"ct:101\",\"node\":\"pve3\",\"relocate\":true}"));
        assertRequest(pack.only("POST", "/cluster/ha/resources/ct%3A101/relocate"), Map.of(), Map.of("node", "pve3"));
    }

    @Test
    void migrateOnPve8AnswersNull() {
        pack.proxmox().respond("POST", "/cluster/ha/resources/100/migrate", "null");

        assertOk("migration of 100 to pve2 requested; the HA manager carries it out (follow it with proxmox_ha_status)",
                pack.call("proxmox_ha_resource_move", "{\"sid\":\"100\",\"node\":\"pve2\"}"));
    }

    @Test
    void migrateOfAResourceInErrorShowsProxmoxsReason() {
        pack.proxmox().fail("POST", "/cluster/ha/resources/vm%3A100/migrate", 500,
                "service 'vm:100' in error state, must be disabled and fixed first", Map.of());

        assertEquals("Proxmox API error 500: service 'vm:100' in error state, must be disabled and fixed first",
                pack.error("proxmox_ha_resource_move", "{\"sid\":\"vm:100\",\"node\":\"pve2\"}").text().lines()
                        .findFirst().orElseThrow());
    }

    @Test
    void hostileOrMalformedIdsSendNothing() {
        pack.invalid("proxmox_ha_resource_move", "{\"sid\":\"vm:100/../../x\",\"node\":\"pve2\"}", "sid: must be an HA resource id");
        pack.invalid("proxmox_ha_resource_move", "{\"sid\":\"../x\",\"node\":\"pve2\"}", "sid: must be an HA resource id");
        pack.invalid("proxmox_ha_resource_move", "{\"sid\":\"qemu:100\",\"node\":\"pve2\"}", "sid: must be an HA resource id");
        pack.invalid("proxmox_ha_resource_move", "{\"sid\":\"vm:100\",\"node\":\"a/b\"}", "node: must be a node name");
        pack.invalid("proxmox_ha_resource_move", "{\"sid\":\"vm:100\"}", "node");
    }

    // arm / disarm

    @Test
    void disarmSendsTheResourceMode() {
        pack.proxmox().respond("POST", "/cluster/ha/status/disarm-ha", "null");

        assertOk("HA disarm requested (resource mode freeze): watchdogs are released cluster-wide and no node is fenced "
                        + "until HA is armed again",
                pack.call("proxmox_ha_arm", "{\"action\":\"disarm\",\"resource-mode\":\"freeze\",\"confirm\":true}"));
        assertRequest(pack.only("POST", "/cluster/ha/status/disarm-ha"), Map.of(), Map.of("resource-mode", "freeze"));
    }

    @Test
    void armSendsNothingElse() {
        pack.proxmox().respond("POST", "/cluster/ha/status/arm-ha", "null");

        assertOk("HA arm requested: the watchdogs are taken again; check fencing with proxmox_ha_status",
                pack.call("proxmox_ha_arm", "{\"action\":\"arm\",\"confirm\":true}"));
        assertRequest(pack.only("POST", "/cluster/ha/status/arm-ha"), Map.of(), Map.of());
    }

    @Test
    void armAndDisarmNeedConfirmAndTheRightFields() {
        pack.refusedWithoutConfirm("proxmox_ha_arm", "{\"action\":\"disarm\",\"resource-mode\":\"ignore\"}");
        pack.refusedWithoutConfirm("proxmox_ha_arm", "{\"action\":\"arm\"}");
        pack.invalid("proxmox_ha_arm", "{\"action\":\"disarm\",\"confirm\":true}", "resource-mode is required for action=disarm");
        pack.invalid("proxmox_ha_arm", "{\"action\":\"arm\",\"resource-mode\":\"freeze\",\"confirm\":true}",
                "resource-mode is for action=disarm");
        pack.invalid("proxmox_ha_arm", "{\"action\":\"disarm\",\"resource-mode\":\"thaw\",\"confirm\":true}",
                "resource-mode");
    }

    @Test
    void disarmFailureShowsProxmoxsMessage() {
        pack.proxmox().fail("POST", "/cluster/ha/status/disarm-ha", 500, "HA is already disarmed", Map.of());

        assertEquals("Proxmox API error 500: HA is already disarmed", pack.error("proxmox_ha_arm",
                "{\"action\":\"disarm\",\"resource-mode\":\"freeze\",\"confirm\":true}").text().lines().findFirst().orElseThrow());
    }
}
