package io.github.proxmoxmcp.firewall;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static io.github.proxmoxmcp.firewall.SampleFirewall.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Options, and the access check after a change that can lock the admin out. */
@MicronautTest
class FirewallOptionsToolTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    private static final String TOOL = "proxmox_firewall_options_set";
    private static final String CLUSTER_ON = "{\"enable\":1,\"policy_in\":\"DROP\",\"digest\":\"c1\"}";

    private void guestAfterEnable(String rules) {
        resources(pack);
        pack.proxmox().respond("PUT", "/nodes/pve1/qemu/100/firewall/options", "null");
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/firewall/options", "{\"enable\":1,\"digest\":\"o1\"}");
        pack.proxmox().respond("GET", "/cluster/firewall/options", CLUSTER_ON);
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/firewall/rules", rules);
    }

    @Test
    void enablingAGuestFirewallNeedsConfirm() {
        pack.refusedWithoutConfirm(TOOL, "{\"scope\":\"guest/100\",\"set\":{\"enable\":true}}");
        pack.refusedWithoutConfirm(TOOL, "{\"scope\":\"guest/100\",\"set\":{\"policy_in\":\"REJECT\"}}");
        pack.refusedWithoutConfirm(TOOL, "{\"scope\":\"guest/100\",\"set\":{\"policy_in\":null}}");
        pack.refusedWithoutConfirm(TOOL, "{\"scope\":\"node/pve1\",\"set\":{\"enable\":null}}");
    }

    @Test
    void enablingAGuestFirewallWithARuleThatKeepsSshOpen() {
        guestAfterEnable("[{\"pos\":0,\"type\":\"in\",\"action\":\"ACCEPT\",\"macro\":\"SSH\",\"enable\":1,\"digest\":\"r1\"}]");

        assertOk("""
                firewall options of VM 100 updated: enable=1
                access to VM 100 (firewall on, policy_in DROP):
                - 22 (SSH): open by rule 0 (from anywhere)""",
                pack.call(TOOL, "{\"scope\":\"guest/100\",\"set\":{\"enable\":true},\"confirm\":true}"));
        List<String> lines = pack.lines();
        assertEquals(List.of("GET /cluster/resources", "PUT /nodes/pve1/qemu/100/firewall/options"), lines.subList(0, 2));
        assertEquals(Set.of("GET /nodes/pve1/qemu/100/firewall/options", "GET /cluster/firewall/options",
                "GET /nodes/pve1/qemu/100/firewall/rules"), new TreeSet<>(lines.subList(2, lines.size())));
        assertRequest(pack.request(1), Map.of(), Map.of("enable", "1"));
    }

    @Test
    void enablingAGuestFirewallWithoutSuchARuleWarns() {
        guestAfterEnable("""
                [{"pos":0,"type":"in","action":"ACCEPT","proto":"tcp","dport":"443","enable":1,"digest":"r1"},
                 {"pos":1,"type":"in","action":"ACCEPT","macro":"SSH","enable":0,"digest":"r1"}]""");

        assertOk("""
                firewall options of VM 100 updated: enable=1
                access to VM 100 (firewall on, policy_in DROP):
                WARNING: 22 (SSH) is cut: no rule lets it into VM 100 and policy_in is DROP. Add an in ACCEPT rule (macro SSH \
                or dport 22) or undo the change.""",
                pack.call(TOOL, "{\"scope\":\"guest/100\",\"set\":{\"enable\":true},\"confirm\":true}"));
    }

    @Test
    void aSecurityGroupCountsInItsPlace() {
        guestAfterEnable("""
                [{"pos":0,"type":"in","action":"DROP","source":"203.0.113.0/24","enable":1,"digest":"r1"},
                 {"pos":1,"type":"group","action":"admin-ssh","enable":1,"digest":"r1"}]""");
        pack.proxmox().respond("GET", "/cluster/firewall/groups/admin-ssh", """
                [{"pos":0,"type":"in","action":"ACCEPT","proto":"tcp","dport":"22,2222","source":"+dc/admins","enable":1}]""");

        assertOk("""
                firewall options of VM 100 updated: enable=1
                access to VM 100 (firewall on, policy_in DROP):
                - 22 (SSH): open by rule 0 of group admin-ssh (used by rule 1) (from +dc/admins)""",
                pack.call(TOOL, "{\"scope\":\"guest/100\",\"set\":{\"enable\":true},\"confirm\":true}"));
        assertEquals("GET /cluster/firewall/groups/admin-ssh", pack.last().line());
    }

    @Test
    void aDropPolicyOnTheClusterWithAnEarlierDropAllRule() {
        pack.proxmox().respond("PUT", "/cluster/firewall/options", "null");
        pack.proxmox().respond("GET", "/cluster/firewall/options", CLUSTER_ON);
        pack.proxmox().respond("GET", "/cluster/firewall/rules", """
                [{"pos":0,"type":"in","action":"ACCEPT","proto":"tcp","dport":"8006","source":"192.0.2.0/24","enable":1},
                 {"pos":1,"type":"in","action":"DROP","enable":1}]""");
        pack.proxmox().respond("GET", "/cluster/firewall/ipset/management", "[{\"cidr\":\"192.0.2.10\"}]");

        assertOk("""
                firewall options of cluster updated: policy_in=DROP
                access to the nodes (firewall on, policy_in DROP):
                - 8006 (web UI and API): open by rule 0 of cluster (from 192.0.2.0/24); then rule 1 of cluster drops it from \
                anywhere else
                WARNING: 22 (SSH) is cut: rule 1 of cluster drops it from anywhere, before the management IP set is checked. \
                Add an in ACCEPT rule for it above that rule, or undo the change.
                (node rules are not read: check them with scope node)""",
                pack.call(TOOL, "{\"scope\":\"cluster\",\"set\":{\"policy_in\":\"DROP\"},\"confirm\":true}"));
        assertRequest(pack.request(0), Map.of(), Map.of("policy_in", "DROP"));
    }

    @Test
    void enablingTheClusterFirewallKeepsTheManagementIpSetOpen() {
        pack.proxmox().respond("PUT", "/cluster/firewall/options", "null");
        pack.proxmox().respond("GET", "/cluster/firewall/options", CLUSTER_ON);
        pack.proxmox().respond("GET", "/cluster/firewall/rules", """
                [{"pos":0,"type":"in","action":"ACCEPT","macro":"SSH","iface":"vmbr0","enable":1}]""");
        pack.proxmox().respond("GET", "/cluster/firewall/ipset/management", """
                [{"cidr":"192.0.2.10"},{"cidr":"192.0.2.66","nomatch":1},{"cidr":"198.51.100.0/24"}]""");

        assertOk("""
                firewall options of cluster updated: enable=1
                access to the nodes (firewall on, policy_in DROP):
                - 8006 (web UI and API): open by the management IP set (192.0.2.10, 198.51.100.0/24) and the local network
                - 22 (SSH): open by rule 0 of cluster (from anywhere on vmbr0); the management IP set (192.0.2.10, \
                198.51.100.0/24) and the local network
                (node rules are not read: check them with scope node)""",
                pack.call(TOOL, "{\"scope\":\"cluster\",\"set\":{\"enable\":true},\"digest\":\"c0\",\"confirm\":true}"));
        assertRequest(pack.request(0), Map.of(), Map.of("enable", "1", "digest", "c0"));
    }

    @Test
    void aNodeWithoutManagementIpSetIsOpenOnlyFromTheLocalNetwork() {
        pack.proxmox().respond("PUT", "/nodes/pve2/firewall/options", "null");
        pack.proxmox().respond("GET", "/nodes/pve2/firewall/options", "{\"digest\":\"n1\"}");
        pack.proxmox().respond("GET", "/nodes/pve2/firewall/rules", """
                [{"pos":0,"type":"in","action":"ACCEPT","proto":"tcp","dport":"8000:8010","enable":1}]""");
        pack.proxmox().respond("GET", "/cluster/firewall/options", "{\"enable\":0,\"digest\":\"c1\"}");
        pack.proxmox().respond("GET", "/cluster/firewall/rules", "[]");
        pack.proxmox().fail("GET", "/cluster/firewall/ipset/management", 500, "no such IPSet 'management'", Map.of());

        assertOk("""
                firewall options of node pve2 updated: delete=enable
                access to node pve2 (not filtered yet: the cluster firewall is off; once it is on, policy_in DROP):
                - 8006 (web UI and API): open by rule 0 of node pve2 (from anywhere)
                - 22 (SSH): open only from the local network (the management IP set is empty); from anywhere else it is cut""",
                pack.call(TOOL, "{\"scope\":\"node/pve2\",\"set\":{\"enable\":null},\"confirm\":true}"));
        assertRequest(pack.request(0), Map.of(), Map.of("delete", "enable"));
    }

    @Test
    void aFailedCheckDoesNotHideTheDoneChange() {
        resources(pack);
        pack.proxmox().respond("PUT", "/nodes/pve1/qemu/100/firewall/options", "null");
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/firewall/options", "{\"enable\":1}");
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/firewall/rules", "[]");
        pack.proxmox().fail("GET", "/cluster/firewall/options", 403, "Permission check failed (/, Sys.Audit)", Map.of());

        assertOk("""
                firewall options of VM 100 updated: enable=1
                access check not possible (the change is done): Proxmox API error 403: Permission check failed (/, Sys.Audit)""",
                pack.call(TOOL, "{\"scope\":\"guest/100\",\"set\":{\"enable\":true},\"confirm\":true}"));
    }

    @Test
    void aVnetFirewallDoesNotGuardTheNodes() {
        pack.proxmox().respond("GET", "/version", "{\"version\":\"9.1.2\"}");
        pack.proxmox().respond("PUT", "/cluster/sdn/vnets/vnet1/firewall/options", "null");

        assertOk("""
                firewall options of vnet vnet1 updated: enable=1 policy_forward=DROP
                (a vnet firewall filters forwarded guest traffic: access to the nodes does not change)""",
                pack.call(TOOL, "{\"scope\":\"vnet/vnet1\",\"set\":{\"enable\":true,\"policy_forward\":\"DROP\"},"
                        + "\"confirm\":true}"));
        assertEquals(List.of("GET /version", "PUT /cluster/sdn/vnets/vnet1/firewall/options"), pack.lines());
        assertRequest(pack.last(), Map.of(), Map.of("enable", "1", "policy_forward", "DROP"));
    }

    @Test
    void otherOptionsNeedNoConfirmAndNoCheck() {
        pack.proxmox().respond("PUT", "/nodes/pve1/firewall/options", "null");

        assertOk("firewall options of node pve1 updated: nftables=1 nf_conntrack_max=262144 log_level_in=info delete=ndp",
                pack.call(TOOL, """
                        {"scope":"node/pve1","set":{"nftables":true,"nf_conntrack_max":262144,"log_level_in":"info","ndp":null},"digest":"n1"}"""));
        assertRequest(pack.only("PUT", "/nodes/pve1/firewall/options"), Map.of(), Map.of("nftables", "1",
                "nf_conntrack_max", "262144", "log_level_in", "info", "delete", "ndp", "digest", "n1"));
    }

    @Test
    void turningAFirewallOffOrPolicyAcceptNeedsNoConfirm() {
        resources(pack);
        pack.proxmox().respond("PUT", "/nodes/pve2/lxc/101/firewall/options", "null");

        assertOk("firewall options of CT 101 updated: enable=0 policy_in=ACCEPT policy_out=DROP",
                pack.call(TOOL, "{\"scope\":\"guest/101\",\"set\":{\"enable\":false,\"policy_in\":\"ACCEPT\","
                        + "\"policy_out\":\"DROP\"}}"));
        assertRequest(pack.last(), Map.of(), Map.of("enable", "0", "policy_in", "ACCEPT", "policy_out", "DROP"));
    }

    @Test
    void aProxmoxRefusal() {
        pack.proxmox().fail("PUT", "/cluster/firewall/options", 400, "Parameter verification failed.",
                Map.of("log_ratelimit", "invalid format - format error"));

        assertError("Proxmox API error 400: Parameter verification failed.\n  log_ratelimit: invalid format - format error",
                pack.call(TOOL, "{\"scope\":\"cluster\",\"set\":{\"log_ratelimit\":\"rate=often\"}}"));
    }

    @Test
    void optionsAreCheckedAgainstTheScope() {
        pack.invalid(TOOL, "{\"scope\":\"node/pve1\",\"set\":{\"policy_in\":\"ACCEPT\"}}",
                "set.policy_in is not a firewall option of scope node; it has [enable, log_level_forward,");
        pack.invalid(TOOL, "{\"scope\":\"guest/100\",\"set\":{\"nftables\":true}}",
                "set.nftables is not a firewall option of scope guest; it has [dhcp, enable, ipfilter,");
        pack.invalid(TOOL, "{\"scope\":\"guest/100\",\"set\":{\"enable\":\"on\"}}", "set.enable must be true or false");
        pack.invalid(TOOL, "{\"scope\":\"guest/100\",\"set\":{\"policy_in\":\"drop\"}}",
                "set.policy_in must be one of [ACCEPT, REJECT, DROP]");
        pack.invalid(TOOL, "{\"scope\":\"guest/100\",\"set\":{\"ndp\":\"yes\"}}", "set.ndp must be true or false");
        pack.invalid(TOOL, "{\"scope\":\"node/pve1\",\"set\":{\"nf_conntrack_max\":1.5}}",
                "set.nf_conntrack_max must be an integer");
        pack.invalid(TOOL, "{\"scope\":\"guest/100\",\"set\":{\"log_level_in\":\"loud\"}}",
                "set.log_level_in must be a log level [emerg, alert, crit, err, warning, notice, info, debug, nolog]");
        pack.invalid(TOOL, "{\"scope\":\"guest/100\",\"set\":{\"policy_out\":\"LOG\"}}",
                "set.policy_out must be one of [ACCEPT, REJECT, DROP]");
        pack.invalid(TOOL, "{\"scope\":\"vnet/vnet1\",\"set\":{\"policy_forward\":\"REJECT\"}}",
                "set.policy_forward must be one of [ACCEPT, DROP]");
        pack.invalid(TOOL, "{\"scope\":\"cluster\",\"set\":{\"ndp\":null}}", "set.ndp is not a firewall option of scope cluster");
        pack.invalid(TOOL, "{\"scope\":\"cluster\"}", "set: give an option to change");
        pack.invalid(TOOL, "{\"scope\":\"group/web\",\"set\":{\"enable\":false}}", "options are at scope cluster or node or guest or vnet, not group");
        pack.invalid(TOOL, "{\"scope\":\"guest\",\"set\":{\"enable\":false}}", "scope guest needs its id: guest/VMID");
        pack.invalid(TOOL, "{\"scope\":\"vnet/a/b\",\"set\":{\"enable\":false}}", "scope vnet/…: must be an SDN vnet id");
        pack.invalid(TOOL, "{\"scope\":\"node/../x\",\"set\":{\"enable\":false}}", "scope node/…: must be a node name");
        pack.invalid(TOOL, "{\"scope\":\"cluster/1\",\"set\":{\"enable\":false}}", "scope cluster takes no id");
    }
}
