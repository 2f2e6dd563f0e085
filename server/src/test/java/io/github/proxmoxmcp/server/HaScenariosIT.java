package io.github.proxmoxmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The everyday HA jobs end to end, on a simulated PVE 9 cluster (placement by rules) and PVE 8 (by groups), a fresh
 * {@link SandboxSession} per test. The seed has
 * vm:100 (on pve1) and vm:101 (on pve2) under HA, preferring pve1 then pve2.
 */
class HaScenariosIT {

    private SandboxSession sandbox;

    private void start(int pve) {
        sandbox = SandboxSession.start(pve);
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private String ok(String tool, Map<String, Object> arguments) {
        return sandbox.ok(tool, arguments);
    }

    private String failed(String tool, Map<String, Object> arguments) {
        return sandbox.failed(tool, arguments);
    }

    /** The service rows of the HA status: the lines after its SID header. */
    private String services() {
        String status = ok("proxmox_ha_status", Map.of());
        return status.substring(status.indexOf("SID "));
    }

    @Test
    void makeAVmHighlyAvailablePinnedToTwoPreferredNodesOnPve9() {
        start(9);
        assertEquals("HA resource vm:102 added",
                ok("proxmox_ha_resource_manage", Map.of("action", "add", "sid", "vm:102", "state", "started")));
        assertEquals("HA rule pin-win (node-affinity) created", ok("proxmox_ha_rule_manage",
                Map.of("action", "create", "rule", "pin-win", "resources", "vm:102", "nodes", "pve1:2,pve2:1")));
        assertEquals("""
                RULE     TYPE           RESOURCES  NODES          STRICT  AFFINITY  ENABLED  COMMENT
                pin-win  node-affinity  vm:102     pve1:2,pve2:1  no      -         yes      -""",
                ok("proxmox_ha_config_get", Map.of("view", "rules", "sid", "vm:102")));
        assertEquals("""
                SID     NODE  STATE     REQUESTED  RESTART  RELOCATE  FAILBACK  COMMENT
                vm:100  pve1  started   started    2        1         yes       -
                vm:101  pve2  started   started    1        2         yes       -
                vm:102  pve1  starting  started    1        1         yes       -""", services(), "win-test is stopped: HA starts it");
    }

    @Test
    void makeAVmHighlyAvailablePinnedToTwoPreferredNodesOnPve8() {
        start(8);
        assertEquals("HA group pin-win created; resources join it with proxmox_ha_resource_manage group=pin-win",
                ok("proxmox_ha_rule_manage", Map.of("action", "create", "group", "pin-win", "nodes", "pve1:2,pve2:1")));
        assertEquals("HA resource vm:102 added", ok("proxmox_ha_resource_manage",
                Map.of("action", "add", "sid", "vm:102", "state", "started", "group", "pin-win")));
        assertEquals("""
                SID     STATE    RESTART  RELOCATE  GROUP             COMMENT
                vm:100  started  2        1         prefer-pve1-pve2  public web server
                vm:101  started  1        2         prefer-pve1-pve2  -
                vm:102  started  1        1         pin-win           -""", ok("proxmox_ha_config_get", Map.of()));
    }

    @Test
    void keepTwoVmsApartOnPve9() {
        start(9);
        assertEquals("HA rule apart (resource-affinity) created", ok("proxmox_ha_rule_manage",
                Map.of("action", "create", "rule", "apart", "resources", "vm:100,vm:101", "affinity", "negative")));
        assertEquals("migration of vm:100 to pve2 is blocked by vm:101 (resource-affinity): the HA manager will not carry it out",
                failed("proxmox_ha_resource_move", Map.of("sid", "vm:100", "node", "pve2")));
        assertTrue(services().contains("vm:100  pve1  started"), "the blocked move is not carried out");
    }

    @Test
    void keepingTwoVmsApartOnPve8IsRefusedWithWhatToUse() {
        start(8);
        assertEquals("Invalid arguments: PVE 8.4.14 has HA groups; HA rules need PVE 9: give group instead of rule (nodes, "
                + "restricted, nofailback); resources join it with their group setting. Nothing was sent to Proxmox.", failed("proxmox_ha_rule_manage",
                Map.of("action", "create", "rule", "apart", "resources", "vm:100,vm:101", "affinity", "negative")));
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 9})
    void migrateAnHaResource(int pve) {
        start(pve);
        assertEquals("migration of vm:100 to pve3 requested; the HA manager carries it out (follow it with proxmox_ha_status)",
                ok("proxmox_ha_resource_move", Map.of("sid", "vm:100", "node", "pve3")));
        assertTrue(services().contains("vm:100  pve3  started"), services());
        assertEquals("relocation of 101 to pve1 requested; the HA manager carries it out (follow it with proxmox_ha_status)",
                ok("proxmox_ha_resource_move", Map.of("sid", "101", "node", "pve1", "relocate", true)));
        assertTrue(services().contains("vm:101  pve1  started"), services());
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 9})
    void takeAVmOutOfHa(int pve) {
        start(pve);
        assertEquals("HA resource vm:101 removed; the guest itself is unchanged",
                ok("proxmox_ha_resource_manage", Map.of("action", "remove", "sid", "vm:101", "confirm", true)));
        assertEquals(pve >= 9 ? """
                SID     STATE    RESTART  RELOCATE  COMMENT
                vm:100  started  2        1         public web server""" : """
                SID     STATE    RESTART  RELOCATE  GROUP             COMMENT
                vm:100  started  2        1         prefer-pve1-pve2  public web server""",
                ok("proxmox_ha_config_get", Map.of()));
        if (pve >= 9) {
            assertTrue(ok("proxmox_ha_config_get", Map.of("view", "rules")).contains("node-affinity  vm:100     pve1:2,pve2:1"),
                    "the rule keeps only the resources still under HA");
        }
        assertTrue(failed("proxmox_ha_resource_manage", Map.of("action", "remove", "sid", "vm:101", "confirm", true))
                .contains("not HA managed"));
    }
}
