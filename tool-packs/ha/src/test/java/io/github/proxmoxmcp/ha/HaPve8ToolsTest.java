package io.github.proxmoxmcp.ha;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HA groups on PVE 8: group reads and writes, resources joining a group, and rules refused. */
@MicronautTest
class HaPve8ToolsTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    @BeforeEach
    void pve8() {
        ClusterVersion.is(pack, "8.4.1");
    }

    @Test
    void groupsListShowsNodesAndFlags() {
        pack.proxmox().respond("GET", "/cluster/ha/groups", """
                [{"group":"prefer-pve1","type":"group","nodes":"pve1:2,pve2:1","restricted":1,"digest":"d"},
                 {"group":"any","type":"group","nodes":"pve3","nofailback":"1","comment":"spare"}]""");

        assertOk("""
                GROUP        NODES          RESTRICTED  NOFAILBACK  COMMENT
                prefer-pve1  pve1:2,pve2:1  yes         no          -
                any          pve3           no          yes         spare""",
                pack.call("proxmox_ha_config_get", "{\"view\":\"groups\"}"));
        assertRequest(pack.only("GET", "/cluster/ha/groups"), Map.of(), Map.of());
    }

    @Test
    void oneGroupIsReadByItsId() {
        pack.proxmox().respond("GET", "/cluster/ha/groups/prefer-pve1", """
                {"group":"prefer-pve1","type":"group","nodes":"pve1:2,pve2:1","digest":"d"}""");

        assertOk("""
                group: prefer-pve1
                nodes: pve1:2,pve2:1
                type: group""", pack.call("proxmox_ha_config_get", "{\"group\":\"prefer-pve1\"}"));
        pack.only("GET", "/cluster/ha/groups/prefer-pve1");
    }

    @Test
    void resourcesListShowsTheGroupColumn() {
        pack.proxmox().respond("GET", "/cluster/ha/resources", """
                [{"sid":"vm:100","type":"vm","state":"started","group":"prefer-pve1"}]""");

        assertOk("""
                SID     STATE    RESTART  RELOCATE  GROUP        COMMENT
                vm:100  started  1        1         prefer-pve1  -""", pack.call("proxmox_ha_config_get", "{}"));
    }

    @Test
    void rulesOnPve8SayToUseGroupsAndSendNothing() {
        pack.invalid("proxmox_ha_config_get", "{\"view\":\"rules\"}",
                "PVE 8.4.1 has HA groups; HA rules need PVE 9: use view=groups");
        pack.invalid("proxmox_ha_config_get", "{\"rule\":\"r1\"}", "use view=groups");
        pack.invalid("proxmox_ha_rule_manage",
                "{\"action\":\"create\",\"rule\":\"r1\",\"resources\":\"vm:100\",\"nodes\":\"pve1\"}",
                "PVE 8.4.1 has HA groups; HA rules need PVE 9: give group instead of rule (nodes, restricted, nofailback); "
                        + "resources join it with their group setting");
    }

    @Test
    void pve9OnlySettingsAreRefusedOnPve8() {
        pack.invalid("proxmox_ha_resource_manage", "{\"action\":\"add\",\"sid\":\"vm:100\",\"failback\":false}",
                "HA rules need PVE 9: leave failback out; nofailback on the resource's group does the same");
        pack.invalid("proxmox_ha_arm", "{\"action\":\"arm\",\"confirm\":true}",
                "PVE 8.4.1 cannot arm or disarm HA; that needs PVE 9.1 or later");
    }

    @Test
    void createGroupPostsNodesAndFlags() {
        pack.proxmox().respond("POST", "/cluster/ha/groups", "null");

        assertOk("HA group prefer-pve1 created; resources join it with proxmox_ha_resource_manage group=prefer-pve1",
                pack.call("proxmox_ha_rule_manage", """
                        {"action":"create","group":"prefer-pve1","nodes":"pve1:2,pve2:1","restricted":false,
                         "nofailback":true,"comment":"db"}"""));
        assertRequest(pack.only("POST", "/cluster/ha/groups"), Map.of(), Map.of("group", "prefer-pve1",
                "nodes", "pve1:2,pve2:1", "restricted", "0", "nofailback", "1", "comment", "db"));
    }

    @Test
    void updateGroupClearsAnEmptyComment() {
        pack.proxmox().respond("PUT", "/cluster/ha/groups/prefer-pve1", "null");

        assertOk("HA group prefer-pve1 updated", pack.call("proxmox_ha_rule_manage",
                "{\"action\":\"update\",\"group\":\"prefer-pve1\",\"restricted\":true,\"comment\":\"\"}"));
        assertRequest(pack.only("PUT", "/cluster/ha/groups/prefer-pve1"), Map.of(),
                Map.of("restricted", "1", "delete", "comment"));
    }

    @Test
    void deleteGroupNeedsConfirm() {
        pack.refusedWithoutConfirm("proxmox_ha_rule_manage", "{\"action\":\"delete\",\"group\":\"prefer-pve1\"}");
        pack.proxmox().respond("DELETE", "/cluster/ha/groups/prefer-pve1", "null");

        assertOk("HA group prefer-pve1 deleted", pack.call("proxmox_ha_rule_manage",
                "{\"action\":\"delete\",\"group\":\"prefer-pve1\",\"confirm\":true}"));
        assertRequest(pack.only("DELETE", "/cluster/ha/groups/prefer-pve1"), Map.of(), Map.of());
    }

    @Test
    void groupInUseShowsProxmoxsRefusal() {
        pack.proxmox().fail("DELETE", "/cluster/ha/groups/prefer-pve1", 500, "group 'prefer-pve1' is used by vm:100", Map.of());

        org.junit.jupiter.api.Assertions.assertEquals("Proxmox API error 500: group 'prefer-pve1' is used by vm:100",
                pack.error("proxmox_ha_rule_manage", "{\"action\":\"delete\",\"group\":\"prefer-pve1\",\"confirm\":true}")
                        .text().lines().findFirst().orElseThrow());
    }

    @Test
    void addResourceToAGroupAndTakeItOut() {
        pack.proxmox().respond("POST", "/cluster/ha/resources", "null");
        pack.proxmox().respond("PUT", "/cluster/ha/resources/vm%3A100", "null");

        assertOk("HA resource vm:100 added", pack.call("proxmox_ha_resource_manage",
                "{\"action\":\"add\",\"sid\":\"vm:100\",\"group\":\"prefer-pve1\",\"max_relocate\":0}"));
        assertOk("HA resource vm:100 updated", pack.call("proxmox_ha_resource_manage",
                "{\"action\":\"update\",\"sid\":\"vm:100\",\"group\":\"\"}"));

        var requests = pack.proxmox().requests();
        assertRequest(requests.get(0), Map.of(), Map.of("sid", "vm:100", "max_relocate", "0", "group", "prefer-pve1"));
        assertRequest(requests.get(1), Map.of(), Map.of("delete", "group"));
    }

    @Test
    void badGroupInputSendsNothing() {
        pack.invalid("proxmox_ha_rule_manage", "{\"action\":\"create\",\"group\":\"a/b\",\"nodes\":\"pve1\"}",
                "group: must be an HA rule or group id");
        pack.invalid("proxmox_ha_rule_manage", "{\"action\":\"create\",\"group\":\"g1\"}", "nodes is required for action=create");
        pack.invalid("proxmox_ha_rule_manage", "{\"action\":\"delete\",\"confirm\":true}",
                "group is required (PVE 8.4.1 has HA groups; rules need PVE 9)");
        pack.invalid("proxmox_ha_rule_manage", "{\"action\":\"create\",\"group\":\"g1\",\"nodes\":\"pve1\",\"strict\":true}",
                "strict: not settings of a group");
        pack.invalid("proxmox_ha_rule_manage", "{\"action\":\"create\",\"group\":\"g1\",\"nodes\":\"pve1:x\"}",
                "nodes: give node or node:priority");
        pack.invalid("proxmox_ha_resource_manage", "{\"action\":\"add\",\"sid\":\"vm:100\",\"group\":\"../x\"}",
                "group must be an HA rule or group id");
    }
}
