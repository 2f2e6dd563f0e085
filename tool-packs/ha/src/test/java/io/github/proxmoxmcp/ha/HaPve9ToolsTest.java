package io.github.proxmoxmcp.ha;

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

/** HA resources and rules on PVE 9: config reads, resource and rule writes, and groups refused. */
@MicronautTest
class HaPve9ToolsTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    @BeforeEach
    void pve9() {
        ClusterVersion.is(pack, "9.1.1");
    }

    // reads

    @Test
    void resourcesListShowsFailbackAndDefaults() {
        pack.proxmox().respond("GET", "/cluster/ha/resources", """
                [{"sid":"vm:100","type":"vm","state":"started","max_restart":1,"max_relocate":1,"failback":0,"comment":"db",
                  "digest":"abc"},
                 {"sid":"ct:101","type":"ct"}]""");

        assertOk("""
                SID     STATE    RESTART  RELOCATE  FAILBACK  COMMENT
                vm:100  started  1        1         no        db
                ct:101  started  1        1         yes       -""", pack.call("proxmox_ha_config_get", "{}"));
        assertRequest(pack.only("GET", "/cluster/ha/resources"), Map.of(), Map.of());
    }

    @Test
    void oneResourceShowsItsSettingsWithoutTheDigest() {
        pack.proxmox().respond("GET", "/cluster/ha/resources/vm%3A100", """
                {"sid":"vm:100","type":"vm","state":"started","max_restart":2,"failback":1,"digest":"abc"}""");

        assertOk("""
                failback: 1
                max_restart: 2
                sid: vm:100
                state: started
                type: vm""", pack.call("proxmox_ha_config_get", "{\"sid\":\"vm:100\"}"));
        pack.only("GET", "/cluster/ha/resources/vm%3A100");
    }

    @Test
    void noResourcesSaysSo() {
        pack.proxmox().respond("GET", "/cluster/ha/resources", "[]");

        assertOk("no HA resources", pack.call("proxmox_ha_config_get", "{\"view\":\"resources\"}"));
    }

    @Test
    void rulesListShowsBothKindsAndWhyARuleIsNotApplied() {
        pack.proxmox().respond("GET", "/cluster/ha/rules", """
                [{"rule":"prefer-pve1","type":"node-affinity","resources":"vm:100","nodes":"pve1:2,pve2:1","strict":0,
                  "disable":0,"order":1,"digest":"d"},
                 {"rule":"apart","type":"resource-affinity","resources":"vm:100,vm:101","affinity":"negative",
                  "comment":"db replicas","order":2,"digest":"d",
                  "errors":{"resources":["at least two resources must be on different nodes"]}}]""");

        assertOk("""
                RULE         TYPE               RESOURCES      NODES          STRICT  AFFINITY  ENABLED  COMMENT
                prefer-pve1  node-affinity      vm:100         pve1:2,pve2:1  no      -         yes      -
                apart        resource-affinity  vm:100,vm:101  -              -       negative  yes      db replicas
                rule apart is not applied: resources: at least two resources must be on different nodes""",
                pack.call("proxmox_ha_config_get", "{\"view\":\"rules\"}"));
        assertRequest(pack.only("GET", "/cluster/ha/rules"), Map.of(), Map.of());
    }

    @Test
    void rulesOfOneResourceFilterByIt() {
        pack.proxmox().respond("GET", "/cluster/ha/rules", "[]");

        assertOk("no HA rules", pack.call("proxmox_ha_config_get", "{\"view\":\"rules\",\"sid\":\"vm:100\"}"));
        assertRequest(pack.only("GET", "/cluster/ha/rules"), Map.of("resource", "vm:100"), Map.of());
    }

    @Test
    void oneRuleIsReadByItsId() {
        pack.proxmox().respond("GET", "/cluster/ha/rules/prefer-pve1", """
                {"rule":"prefer-pve1","type":"node-affinity","resources":"vm:100","nodes":"pve1:2,pve2:1","strict":1,
                 "digest":"d","order":1}""");

        assertOk("""
                nodes: pve1:2,pve2:1
                order: 1
                resources: vm:100
                rule: prefer-pve1
                strict: 1
                type: node-affinity""", pack.call("proxmox_ha_config_get", "{\"rule\":\"prefer-pve1\"}"));
        pack.only("GET", "/cluster/ha/rules/prefer-pve1");
    }

    @Test
    void groupsOnPve9SayToUseRulesAndSendNothing() {
        pack.invalid("proxmox_ha_config_get", "{\"view\":\"groups\"}",
                "PVE 9.1.1 has HA rules; HA groups were replaced by rules in PVE 9: use view=rules");
        pack.invalid("proxmox_ha_config_get", "{\"group\":\"prefer\"}", "use view=rules");
    }

    @Test
    void strayOrHostileSelectorsSendNothing() {
        pack.invalid("proxmox_ha_config_get", "{\"sid\":\"../x\"}", "sid: must be an HA resource id");
        pack.invalid("proxmox_ha_config_get", "{\"rule\":\"a/b\"}", "rule: must be an HA rule or group id");
        pack.invalid("proxmox_ha_config_get", "{\"view\":\"resources\",\"rule\":\"x1\"}", "rule goes with view=rules");
        pack.invalid("proxmox_ha_config_get", "{\"rule\":\"x1\",\"sid\":\"vm:100\"}", "not both");
        pack.invalid("proxmox_ha_config_get", "{\"view\":\"status\"}", "Expected one of [");
    }

    @Test
    void unknownRuleIsANotFound() {
        pack.proxmox().fail("GET", "/cluster/ha/rules/nope", 500, "no such ha rule 'nope'", Map.of());

        assertEquals("Proxmox API error 500: no such ha rule 'nope'",
                pack.error("proxmox_ha_config_get", "{\"rule\":\"nope\"}").text().lines().findFirst().orElseThrow());
    }

    // resources

    @Test
    void addPostsTheSidAndEveryGivenSetting() {
        pack.proxmox().respond("POST", "/cluster/ha/resources", "null");

        assertOk("HA resource vm:100 added", pack.call("proxmox_ha_resource_manage", """
                {"action":"add","sid":"vm:100","state":"started","max_restart":2,"max_relocate":3,"comment":"db",
                 "failback":false}"""));
        assertRequest(pack.only("POST", "/cluster/ha/resources"), Map.of(), Map.of("sid", "vm:100", "state", "started",
                "max_restart", "2", "max_relocate", "3", "comment", "db", "failback", "0"));
    }

    @Test
    void updateSendsChangesAndClearsAnEmptyComment() {
        pack.proxmox().respond("PUT", "/cluster/ha/resources/ct%3A101", "null");

        assertOk("HA resource ct:101 updated", pack.call("proxmox_ha_resource_manage",
                "{\"action\":\"update\",\"sid\":\"ct:101\",\"state\":\"stopped\",\"comment\":\"\"}"));
        assertRequest(pack.only("PUT", "/cluster/ha/resources/ct%3A101"), Map.of(),
                Map.of("state", "stopped", "delete", "comment"));
    }

    @Test
    void removeNeedsConfirmThenDeletes() {
        pack.refusedWithoutConfirm("proxmox_ha_resource_manage", "{\"action\":\"remove\",\"sid\":\"vm:100\"}");
        pack.proxmox().respond("DELETE", "/cluster/ha/resources/vm%3A100", "null");

        assertOk("HA resource vm:100 removed; the guest itself is unchanged", pack.call("proxmox_ha_resource_manage",
                "{\"action\":\"remove\",\"sid\":\"vm:100\",\"confirm\":true}"));
        assertRequest(pack.only("DELETE", "/cluster/ha/resources/vm%3A100"), Map.of(), Map.of());
    }

    @Test
    void addOfAnAlreadyManagedGuestShowsProxmoxsRefusal() {
        pack.proxmox().fail("POST", "/cluster/ha/resources", 500, "resource ID 'vm:100' already defined", Map.of());

        assertEquals("Proxmox API error 500: resource ID 'vm:100' already defined", pack.error("proxmox_ha_resource_manage",
                "{\"action\":\"add\",\"sid\":\"vm:100\"}").text().lines().findFirst().orElseThrow());
    }

    @Test
    void groupOnPve9SaysToUseARule() {
        pack.invalid("proxmox_ha_resource_manage", "{\"action\":\"add\",\"sid\":\"vm:100\",\"group\":\"prefer\"}",
                "HA groups were replaced by rules in PVE 9: leave group out and place the resource with a node-affinity "
                        + "rule (proxmox_ha_rule_manage)");
    }

    @Test
    void badResourceInputSendsNothing() {
        pack.invalid("proxmox_ha_resource_manage", "{\"action\":\"add\",\"sid\":\"vm:1/../x\"}", "sid: must be an HA resource id");
        pack.invalid("proxmox_ha_resource_manage", "{\"action\":\"add\",\"sid\":\"vm:100\",\"max_restart\":-1}",
                "max_restart must be 0 or more");
        pack.invalid("proxmox_ha_resource_manage", "{\"action\":\"update\",\"sid\":\"vm:100\"}",
                "action=update needs a setting to change");
        pack.invalid("proxmox_ha_resource_manage", "{\"action\":\"remove\",\"sid\":\"vm:100\",\"state\":\"stopped\",\"confirm\":true}",
                "action=remove takes only sid and confirm");
        pack.invalid("proxmox_ha_resource_manage", "{\"action\":\"add\",\"sid\":\"vm:100\",\"comment\":\"\"}",
                "leave out comment instead of giving it empty");
        pack.invalid("proxmox_ha_resource_manage", "{\"action\":\"add\",\"sid\":\"vm:100\",\"state\":\"running\"}",
                "Expected one of [");
        pack.invalid("proxmox_ha_resource_manage", "{\"action\":\"add\",\"sid\":\"vm:100\",\"node\":\"pve2\"}",
                "unknown argument(s) [node]");
    }

    // rules

    @Test
    void createNodeAffinityRuleInfersItsType() {
        pack.proxmox().respond("POST", "/cluster/ha/rules", "null");

        assertOk("HA rule prefer-pve1 (node-affinity) created", pack.call("proxmox_ha_rule_manage", """
                {"action":"create","rule":"prefer-pve1","resources":"vm:100,ct:101","nodes":"pve1:2,pve2:1","strict":true,
                 "comment":"keep close to storage"}"""));
        assertRequest(pack.only("POST", "/cluster/ha/rules"), Map.of(), Map.of("rule", "prefer-pve1",
                "type", "node-affinity", "resources", "vm:100,ct:101", "nodes", "pve1:2,pve2:1", "strict", "1",
                "comment", "keep close to storage"));
    }

    @Test
    void createAntiAffinityRule() {
        pack.proxmox().respond("POST", "/cluster/ha/rules", "null");

        assertOk("HA rule apart (resource-affinity) created", pack.call("proxmox_ha_rule_manage",
                "{\"action\":\"create\",\"rule\":\"apart\",\"resources\":\"vm:100,vm:101\",\"affinity\":\"negative\"}"));
        assertRequest(pack.only("POST", "/cluster/ha/rules"), Map.of(), Map.of("rule", "apart",
                "type", "resource-affinity", "resources", "vm:100,vm:101", "affinity", "negative"));
    }

    @Test
    void updateReadsTheRuleTypeWhenNotImpliedByTheFields() {
        pack.proxmox().respond("GET", "/cluster/ha/rules/apart", """
                {"rule":"apart","type":"resource-affinity","resources":"vm:100,vm:101","affinity":"negative"}""");
        pack.proxmox().respond("PUT", "/cluster/ha/rules/apart", "null");

        assertOk("HA rule apart updated", pack.call("proxmox_ha_rule_manage",
                "{\"action\":\"update\",\"rule\":\"apart\",\"disable\":true,\"comment\":\"\"}"));
        assertEquals(java.util.List.of("GET /cluster/ha/rules/apart", "PUT /cluster/ha/rules/apart"), pack.lines());
        assertRequest(pack.last(), Map.of(), Map.of("type", "resource-affinity", "disable", "1", "delete", "comment"));
    }

    @Test
    void updateOfNodesOnAResourceAffinityRuleIsRefusedBeforeThePut() {
        pack.proxmox().respond("GET", "/cluster/ha/rules/apart", """
                {"rule":"apart","type":"resource-affinity"}""");

        pack.error("proxmox_ha_rule_manage", "{\"action\":\"update\",\"rule\":\"apart\",\"nodes\":\"pve1\"}");
        assertEquals(java.util.List.of("GET /cluster/ha/rules/apart"), pack.lines());
    }

    @Test
    void deleteRuleNeedsConfirm() {
        pack.refusedWithoutConfirm("proxmox_ha_rule_manage", "{\"action\":\"delete\",\"rule\":\"apart\"}");
        pack.proxmox().respond("DELETE", "/cluster/ha/rules/apart", "null");

        assertOk("HA rule apart deleted",
                pack.call("proxmox_ha_rule_manage", "{\"action\":\"delete\",\"rule\":\"apart\",\"confirm\":true}"));
        assertRequest(pack.only("DELETE", "/cluster/ha/rules/apart"), Map.of(), Map.of());
    }

    @Test
    void infeasibleRuleShowsProxmoxsFieldErrors() {
        pack.proxmox().fail("POST", "/cluster/ha/rules", 400, "Rule 'apart' is invalid.",
                Map.of("resources", "rule shares resources with a positive resource affinity rule"));

        assertEquals("""
                Proxmox API error 400: Rule 'apart' is invalid.
                  resources: rule shares resources with a positive resource affinity rule""",
                pack.error("proxmox_ha_rule_manage",
                        "{\"action\":\"create\",\"rule\":\"apart\",\"resources\":\"vm:100,vm:101\",\"affinity\":\"negative\"}").text());
    }

    @Test
    void groupOnPve9SaysToUseARuleAndSendsNothing() {
        pack.invalid("proxmox_ha_rule_manage", "{\"action\":\"create\",\"group\":\"prefer\",\"nodes\":\"pve1\"}",
                "HA groups were replaced by rules in PVE 9: give rule instead of group: a node-affinity rule (nodes, strict, "
                        + "resources) replaces a group");
    }

    @Test
    void badRuleInputSendsNothing() {
        pack.invalid("proxmox_ha_rule_manage", "{\"action\":\"create\",\"rule\":\"../x\",\"nodes\":\"pve1\"}",
                "rule: must be an HA rule or group id");
        pack.invalid("proxmox_ha_rule_manage", "{\"action\":\"create\",\"rule\":\"r1\",\"resources\":\"vm:100\",\"nodes\":\"pve1/x\"}",
                "nodes: give node or node:priority");
        pack.invalid("proxmox_ha_rule_manage", "{\"action\":\"create\",\"rule\":\"r1\",\"resources\":\"100\",\"nodes\":\"pve1\"}",
                "resources: give vm:VMID or ct:VMID");
        pack.invalid("proxmox_ha_rule_manage", "{\"action\":\"create\",\"rule\":\"r1\",\"resources\":\"vm:100\"}",
                "action=create needs nodes (node-affinity) or affinity (resource-affinity)");
        pack.invalid("proxmox_ha_rule_manage", "{\"action\":\"create\",\"rule\":\"r1\",\"nodes\":\"pve1\"}",
                "resources is required for action=create");
        pack.invalid("proxmox_ha_rule_manage",
                "{\"action\":\"create\",\"rule\":\"r1\",\"resources\":\"vm:100\",\"nodes\":\"pve1\",\"affinity\":\"positive\"}",
                "not both");
        pack.invalid("proxmox_ha_rule_manage", "{\"action\":\"create\",\"rule\":\"r1\",\"group\":\"g1\"}",
                "give rule, not group (PVE 9.1.1 has HA rules, not groups)");
        pack.invalid("proxmox_ha_rule_manage", "{\"action\":\"create\",\"nodes\":\"pve1\"}",
                "rule is required (PVE 9.1.1 has HA rules, not groups)");
        pack.invalid("proxmox_ha_rule_manage", "{\"action\":\"update\",\"rule\":\"r1\",\"restricted\":true}",
                "restricted: not settings of a rule");
        pack.invalid("proxmox_ha_rule_manage", "{\"action\":\"delete\",\"rule\":\"r1\",\"nodes\":\"pve1\",\"confirm\":true}",
                "action=delete does not take nodes");
        pack.invalid("proxmox_ha_rule_manage", "{\"action\":\"update\",\"rule\":\"r1\"}", "action=update needs a setting");
    }
}
