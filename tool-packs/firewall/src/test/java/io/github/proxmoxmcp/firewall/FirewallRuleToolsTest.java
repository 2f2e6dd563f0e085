package io.github.proxmoxmcp.firewall;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static io.github.proxmoxmcp.firewall.SampleFirewall.RULES;
import static io.github.proxmoxmcp.firewall.SampleFirewall.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
class FirewallRuleToolsTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    @Test
    void createEnablesTheRuleAtTheTopOfAGuest() {
        resources(pack);
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/firewall/rules", "null");

        assertOk("rule created at position 0 of VM 100: in ACCEPT proto=tcp dport=443, enabled",
                pack.call("proxmox_firewall_rule_manage", """
                        {"op":"create","scope":"guest/100","rule":{"type":"in","action":"ACCEPT","proto":"tcp","dport":"443"}}"""));
        assertEquals(List.of("GET /cluster/resources", "POST /nodes/pve1/qemu/100/firewall/rules"), pack.lines());
        assertRequest(pack.last(), Map.of(), Map.of("type", "in", "action", "ACCEPT", "proto", "tcp", "dport", "443",
                "enable", "1"));
    }

    @Test
    void createTakesEveryRuleFieldAndTheDigest() {
        pack.proxmox().respond("POST", "/nodes/pve1/firewall/rules", "null");

        assertOk("rule created at position 0 of node pve1: out REJECT macro=DNS sport=1024:65535 source=dc/admins "
                + "dest=+dc/resolvers iface=vmbr0 icmp-type=echo-request log=info, disabled",
                pack.call("proxmox_firewall_rule_manage", """
                        {"op":"create","scope":"node/pve1","rule":{"type":"out","action":"REJECT","macro":"DNS","sport":"1024:65535","source":"dc/admins","dest":"+dc/resolvers","iface":"vmbr0","log":"info","icmp-type":"echo-request","comment":"no dns","enable":false},"digest":"d41d8c"}"""));
        assertRequest(pack.only("POST", "/nodes/pve1/firewall/rules"), Map.of(), Map.ofEntries(Map.entry("type", "out"),
                Map.entry("action", "REJECT"), Map.entry("macro", "DNS"), Map.entry("sport", "1024:65535"),
                Map.entry("source", "dc/admins"), Map.entry("dest", "+dc/resolvers"), Map.entry("iface", "vmbr0"),
                Map.entry("icmp-type", "echo-request"), Map.entry("log", "info"), Map.entry("comment", "no dns"),
                Map.entry("enable", "0"), Map.entry("digest", "d41d8c")));
    }

    @Test
    void aSecurityGroupGoesIntoARuleList() {
        resources(pack);
        pack.proxmox().respond("POST", "/nodes/pve2/lxc/101/firewall/rules", "null");

        assertOk("rule created at position 0 of CT 101: group webservers, enabled", pack.call("proxmox_firewall_rule_manage",
                "{\"op\":\"create\",\"scope\":\"guest/101\",\"rule\":{\"type\":\"group\",\"action\":\"webservers\"}}"));
        assertRequest(pack.last(), Map.of(), Map.of("type", "group", "action", "webservers", "enable", "1"));
    }

    @Test
    void createAtAPositionMovesTheNewRuleThere() {
        pack.proxmox().respond("GET", "/cluster/firewall/rules", RULES);
        pack.proxmox().respond("POST", "/cluster/firewall/rules", "null");
        pack.proxmox().respond("PUT", "/cluster/firewall/rules/0", "null");

        assertOk("rule created at position 2 of cluster: in DROP source=+dc/blocklist, enabled",
                pack.call("proxmox_firewall_rule_manage", """
                        {"op":"create","scope":"cluster","pos":2,"rule":{"type":"in","action":"DROP","source":"+dc/blocklist"}}"""));
        assertEquals(List.of("GET /cluster/firewall/rules", "POST /cluster/firewall/rules", "PUT /cluster/firewall/rules/0"),
                pack.lines());
        // Proxmox puts the rule in front of the one at moveto: after the insert, the old rule 2 is at 3
        assertRequest(pack.last(), Map.of(), Map.of("moveto", "3"));
    }

    @Test
    void createPastTheEndGoesToTheEnd() {
        pack.proxmox().respond("GET", "/cluster/firewall/groups/webservers", RULES);
        pack.proxmox().respond("POST", "/cluster/firewall/groups/webservers", "null");
        pack.proxmox().respond("PUT", "/cluster/firewall/groups/webservers/0", "null");

        assertOk("rule created at position 3 (the end) of group webservers: in ACCEPT macro=HTTP, enabled",
                pack.call("proxmox_firewall_rule_manage", """
                        {"op":"create","scope":"group/webservers","pos":9,"rule":{"type":"in","action":"ACCEPT","macro":"HTTP"}}"""));
        assertRequest(pack.last(), Map.of(), Map.of("moveto", "4"));
    }

    @Test
    void createAtAPositionOfAnEmptyList() {
        pack.proxmox().respond("GET", "/version", "{\"version\":\"9.1.2\"}");
        pack.proxmox().respond("GET", "/cluster/sdn/vnets/vnet1/firewall/rules", "[]");
        pack.proxmox().respond("POST", "/cluster/sdn/vnets/vnet1/firewall/rules", "null");

        assertOk("rule created at position 0 (the only one) of vnet vnet1: forward ACCEPT, enabled",
                pack.call("proxmox_firewall_rule_manage", """
                        {"op":"create","scope":"vnet/vnet1","pos":1,"rule":{"type":"forward","action":"ACCEPT"}}"""));
        assertEquals(List.of("GET /version", "GET /cluster/sdn/vnets/vnet1/firewall/rules",
                "POST /cluster/sdn/vnets/vnet1/firewall/rules"), pack.lines());
    }

    @Test
    void aFailedMoveAfterTheCreateSaysWhereTheRuleIs() {
        pack.proxmox().respond("GET", "/cluster/firewall/rules", RULES);
        pack.proxmox().respond("POST", "/cluster/firewall/rules", "null");
        pack.proxmox().fail("PUT", "/cluster/firewall/rules/0", 500, "unable to open file '/etc/pve/firewall/cluster.fw.tmp'",
                Map.of());

        assertError("rule created at position 0 of cluster: in ACCEPT, enabled, but not moved to 1: Proxmox API error 500: "
                + "unable to open file '/etc/pve/firewall/cluster.fw.tmp'", pack.call("proxmox_firewall_rule_manage",
                "{\"op\":\"create\",\"scope\":\"cluster\",\"pos\":1,\"rule\":{\"type\":\"in\",\"action\":\"ACCEPT\"}}"));
    }

    @Test
    void updateSendsOnlyWhatChangesAndAnEmptyValueClears() {
        pack.proxmox().respond("PUT", "/cluster/firewall/groups/webservers/1", "null");

        assertOk("rule 1 of group webservers updated", pack.call("proxmox_firewall_rule_manage", """
                {"op":"update","scope":"group/webservers","pos":1,"rule":{"dport":"8443","comment":""},"digest":"d41d8c"}"""));
        assertRequest(pack.only("PUT", "/cluster/firewall/groups/webservers/1"), Map.of(),
                Map.of("dport", "8443", "comment", "", "digest", "d41d8c"));
    }

    @Test
    void moveDownTranslatesToProxmoxMoveto() {
        pack.proxmox().respond("GET", "/cluster/firewall/rules", RULES);
        pack.proxmox().respond("PUT", "/cluster/firewall/rules/0", "null");

        assertOk("rule 0 of cluster moved to position 2",
                pack.call("proxmox_firewall_rule_manage", "{\"op\":\"move\",\"scope\":\"cluster\",\"pos\":0,\"moveto\":2}"));
        assertEquals(List.of("GET /cluster/firewall/rules", "PUT /cluster/firewall/rules/0"), pack.lines());
        // the digest read guards the move against a change in between
        assertRequest(pack.last(), Map.of(), Map.of("moveto", "3", "digest", "d41d8c"));
    }

    @Test
    void moveUpKeepsTheGivenDigest() {
        resources(pack);
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/firewall/rules", RULES);
        pack.proxmox().respond("PUT", "/nodes/pve1/qemu/100/firewall/rules/2", "null");

        assertOk("rule 2 of VM 100 moved to position 0", pack.call("proxmox_firewall_rule_manage",
                "{\"op\":\"move\",\"scope\":\"guest/100\",\"pos\":2,\"moveto\":0,\"digest\":\"mine\"}"));
        assertRequest(pack.last(), Map.of(), Map.of("moveto", "0", "digest", "mine"));
    }

    @Test
    void moveWithinTheListOnly() {
        pack.proxmox().respond("GET", "/cluster/firewall/rules", RULES);

        assertError("cluster has 3 rules, at positions 0 to 2; pos and moveto must be among them. Nothing was moved.",
                pack.call("proxmox_firewall_rule_manage", "{\"op\":\"move\",\"scope\":\"cluster\",\"pos\":0,\"moveto\":3}"));
        assertOk("rule 1 of cluster is already at position 1",
                pack.call("proxmox_firewall_rule_manage", "{\"op\":\"move\",\"scope\":\"cluster\",\"pos\":1,\"moveto\":1}"));
        assertEquals(List.of("GET /cluster/firewall/rules", "GET /cluster/firewall/rules"), pack.lines());
    }

    @Test
    void deleteNeedsConfirmAndSendsTheDigest() {
        pack.proxmox().respond("DELETE", "/cluster/firewall/rules/2", "null");

        pack.refusedWithoutConfirm("proxmox_firewall_delete", "{\"scope\":\"cluster\",\"item\":\"rule/2\"}");
        assertOk("rule 2 of cluster deleted; the rules below it moved up one position", pack.call("proxmox_firewall_delete",
                "{\"scope\":\"cluster\",\"item\":\"rule/2\",\"digest\":\"d41d8c\",\"confirm\":true}"));
        assertRequest(pack.only("DELETE", "/cluster/firewall/rules/2"), Map.of("digest", "d41d8c"), Map.of());
    }

    @Test
    void deleteAGroupRule() {
        pack.proxmox().respond("DELETE", "/cluster/firewall/groups/webservers/0", "null");

        assertOk("rule 0 of group webservers deleted; the rules below it moved up one position", pack.call(
                "proxmox_firewall_delete", "{\"scope\":\"group/webservers\",\"item\":\"rule/0\",\"confirm\":true}"));
        assertRequest(pack.only("DELETE", "/cluster/firewall/groups/webservers/0"), Map.of(), Map.of());
    }

    @Test
    void proxmoxRefusalsShowTheFieldErrors() {
        pack.proxmox().fail("POST", "/cluster/firewall/rules", 400, "Parameter verification failed.",
                Map.of("dport", "invalid port 'x'"));
        pack.proxmox().fail("DELETE", "/cluster/firewall/rules/7", 500, "no rule at position 7", Map.of());
        pack.proxmox().fail("PUT", "/cluster/firewall/rules/0", 400, "detected modified configuration - file changed by other user? "
                + "Try again.", Map.of());

        assertError("Proxmox API error 400: Parameter verification failed.\n  dport: invalid port 'x'", pack.call(
                "proxmox_firewall_rule_manage", "{\"op\":\"create\",\"scope\":\"cluster\",\"rule\":{\"type\":\"in\","
                        + "\"action\":\"ACCEPT\",\"proto\":\"tcp\",\"dport\":\"x\"}}"));
        assertError("Proxmox API error 500: no rule at position 7", pack.call("proxmox_firewall_delete",
                "{\"scope\":\"cluster\",\"item\":\"rule/7\",\"confirm\":true}"));
        assertError("Proxmox API error 400: detected modified configuration - file changed by other user? Try again.",
                pack.call("proxmox_firewall_rule_manage", "{\"op\":\"update\",\"scope\":\"cluster\",\"pos\":0,\"rule\":{\"enable\":false},"
                        + "\"digest\":\"old\"}"));
    }

    @Test
    void badInputSendsNothing() {
        String tool = "proxmox_firewall_rule_manage";
        pack.invalid(tool, "{\"op\":\"create\",\"scope\":\"cluster\",\"rule\":{\"type\":\"in\"}}", "op=create needs rule type and action");
        pack.invalid(tool, "{\"op\":\"create\",\"rule\":{\"type\":\"in\",\"action\":\"ACCEPT\"}}", "scope: must not be null");
        pack.invalid(tool, "{\"op\":\"update\",\"scope\":\"cluster\",\"rule\":{\"dport\":\"22\"}}", "pos is required for op=update");
        pack.invalid(tool, "{\"op\":\"update\",\"scope\":\"cluster\",\"pos\":0}", "op=update needs a rule field to change");
        pack.invalid(tool, "{\"op\":\"update\",\"scope\":\"cluster\",\"pos\":0,\"moveto\":1}", "moveto is for op=move");
        pack.invalid(tool, "{\"op\":\"move\",\"scope\":\"cluster\",\"pos\":0}", "op=move needs moveto");
        pack.invalid(tool, "{\"op\":\"move\",\"scope\":\"cluster\",\"pos\":0,\"moveto\":1,\"rule\":{\"dport\":\"22\"}}",
                "op=move takes no rule fields: [dport]");
        pack.invalid(tool, "{\"op\":\"delete\",\"scope\":\"cluster\",\"pos\":0}", "op: expected one of [create, update, move]");
        pack.invalid(tool, "{\"op\":\"update\",\"scope\":\"cluster\",\"pos\":-1,\"rule\":{\"dport\":\"22\"}}",
                "pos: must be greater than or equal to 0");
        pack.invalid(tool, "{\"op\":\"update\",\"scope\":\"group/../x\",\"pos\":0,\"rule\":{\"dport\":\"22\"}}",
                "scope group/…: must be a security group name");
        pack.invalid(tool, "{\"op\":\"update\",\"scope\":\"node/a/b\",\"pos\":0,\"rule\":{\"dport\":\"22\"}}",
                "scope node/…: must be a node name");
        pack.invalid(tool, "{\"op\":\"update\",\"scope\":\"group\",\"pos\":0,\"rule\":{\"dport\":\"22\"}}",
                "scope group needs its id: group/GROUP");
        pack.invalid(tool, "{\"op\":\"update\",\"scope\":\"cluster\",\"pos\":0,\"rule\":{\"port\":\"22\"}}",
                "rule.port: not a rule field");
        pack.invalid(tool, "{\"op\":\"create\",\"scope\":\"cluster\",\"rule\":{\"type\":\"up\",\"action\":\"DROP\"}}",
                "rule.type must be one of [forward, group, in, out], not up");
        pack.invalid(tool, "{\"op\":\"update\",\"scope\":\"cluster\",\"pos\":0,\"rule\":{\"enable\":\"yes\"}}",
                "rule.enable must be true or false");
        pack.invalid(tool, "{\"op\":\"update\",\"scope\":\"cluster\",\"vmid\":100,\"pos\":0,\"rule\":{\"dport\":\"22\"}}",
                "unknown argument(s) [vmid]");
        String delete = "proxmox_firewall_delete";
        pack.invalid(delete, "{\"scope\":\"cluster\",\"item\":\"rule\",\"confirm\":true}", "item rule needs its position");
        pack.invalid(delete, "{\"item\":\"rule/1\",\"confirm\":true}", "scope is required for item rule/…");
        pack.invalid(delete, "{\"scope\":\"cluster\",\"item\":\"rule/-1\",\"confirm\":true}",
                "item rule/…: the position is 0 or more, not '-1'");
        pack.invalid(delete, "{\"scope\":\"cluster\",\"item\":\"rule/1/x\",\"confirm\":true}",
                "item rule/…: the position is 0 or more, not '1/x'");
        pack.invalid(delete, "{\"scope\":\"guest/100\",\"item\":\"rule/1\",\"pos\":1,\"confirm\":true}",
                "unknown argument(s) [pos]");
    }
}
