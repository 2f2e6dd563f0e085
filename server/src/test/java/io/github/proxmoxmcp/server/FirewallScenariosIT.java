package io.github.proxmoxmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The everyday firewall jobs end to end over stdio, a fresh simulated cluster per test. The seed: the cluster
 * firewall is on with SSH from +trusted and 8006 from mgmt-net; VM 100's firewall is on (policy DROP) with the
 * webserver group, SSH from +dc/trusted on net0 and no outgoing mail; VM 102 has no firewall rules.
 */
class FirewallScenariosIT {

    private SandboxSession session;

    @BeforeEach
    void start() {
        session = SandboxSession.start(9);
    }

    @AfterEach
    void stop() {
        session.close();
    }

    @Test
    void openPort22OnVm100WithoutLockingMyselfOut() {
        assertEquals("rule created at position 0 of VM 100: in ACCEPT proto=tcp dport=22 source=192.168.1.0/24, enabled",
                session.ok("proxmox_firewall_rule_manage", Map.of("op", "create", "scope", "guest/100",
                        "rule", Map.of("type", "in", "action", "ACCEPT", "proto", "tcp", "dport", "22", "source", "192.168.1.0/24"))));
        String refused = session.failed("proxmox_firewall_options_set", Map.of("scope", "guest/100", "set", Map.of("policy_in", "DROP")));
        assertTrue(refused.contains("nothing was changed"), refused);
        assertEquals("""
                firewall options of VM 100 updated: policy_in=DROP
                access to VM 100 (firewall on, policy_in DROP):
                - 22 (SSH): open by rule 0 (from 192.168.1.0/24); rule 2 (from +dc/trusted on net0)""",
                session.ok("proxmox_firewall_options_set", Map.of("scope", "guest/100", "set", Map.of("policy_in", "DROP"),
                        "confirm", true)));
    }

    @Test
    void enablingAGuestFirewallWithoutAnSshRuleWarnsAndWithOneDoesNot() {
        String cut = session.ok("proxmox_firewall_options_set", Map.of("scope", "guest/102", "set", Map.of("enable", true),
                "confirm", true));
        assertEquals("""
                firewall options of VM 102 updated: enable=1
                access to VM 102 (firewall on, policy_in DROP):
                WARNING: 22 (SSH) is cut: no rule lets it into VM 102 and policy_in is DROP. \
                Add an in ACCEPT rule (macro SSH or dport 22) or undo the change.""", cut);
        session.ok("proxmox_firewall_rule_manage", Map.of("op", "create", "scope", "guest/102",
                "rule", Map.of("type", "in", "action", "ACCEPT", "macro", "SSH")));
        String open = session.ok("proxmox_firewall_options_set", Map.of("scope", "guest/102", "set", Map.of("enable", true),
                "confirm", true));
        assertTrue(open.endsWith("- 22 (SSH): open by rule 0 (from anywhere)"), open);
    }

    @Test
    void letHttpsIntoAVmAndListItsRules() {
        session.ok("proxmox_firewall_rule_manage", Map.of("op", "create", "scope", "guest/102",
                "rule", Map.of("type", "in", "action", "ACCEPT", "proto", "tcp", "dport", "443", "comment", "public HTTPS")));
        String rules = session.ok("proxmox_firewall_get", Map.of("scope", "guest/102"));
        assertTrue(rules.startsWith("""
                POS  ON   TYPE  ACTION  MATCH                COMMENT
                0    yes  in    ACCEPT  proto=tcp dport=443  public HTTPS
                digest: """), rules);
    }

    @Test
    void blockAnAddressClusterWideThroughAnIpSet() {
        assertEquals("IP set blocklist of cluster created", session.ok("proxmox_firewall_ipset_manage",
                Map.of("op", "create", "scope", "cluster", "name", "blocklist", "comment", "abusers")));
        assertEquals("203.0.113.7 in IP set blocklist of cluster added", session.ok("proxmox_firewall_ipset_manage",
                Map.of("op", "create", "scope", "cluster", "name", "blocklist", "cidr", "203.0.113.7")));
        assertEquals("rule created at position 0 of cluster: in DROP source=+blocklist, enabled",
                session.ok("proxmox_firewall_rule_manage", Map.of("op", "create", "scope", "cluster",
                        "rule", Map.of("type", "in", "action", "DROP", "source", "+blocklist"))));
        String refs = session.ok("proxmox_firewall_get", Map.of("view", "refs"));
        assertTrue(refs.contains("+dc/blocklist"), refs);
        String entries = session.ok("proxmox_firewall_get", Map.of("view", "ipsets/blocklist"));
        assertTrue(entries.startsWith("CIDR         NOMATCH  COMMENT\n203.0.113.7  -        -"), entries);
    }

    @Test
    void aSecurityGroupUsedByTwoGuests() {
        assertEquals("security group ssh-admins created",
                session.ok("proxmox_firewall_group_manage", Map.of("op", "create", "name", "ssh-admins", "comment", "admin SSH")));
        session.ok("proxmox_firewall_rule_manage", Map.of("op", "create", "scope", "group/ssh-admins",
                "rule", Map.of("type", "in", "action", "ACCEPT", "macro", "SSH", "source", "+trusted")));
        for (int vmid : new int[] {102, 103}) {
            assertTrue(session.ok("proxmox_firewall_rule_manage", Map.of("op", "create", "scope", "guest/" + vmid,
                    "rule", Map.of("type", "group", "action", "ssh-admins"))).endsWith(": group ssh-admins, enabled"));
        }
        String refused = session.failed("proxmox_firewall_delete", Map.of("item", "group/ssh-admins", "confirm", true));
        assertTrue(refused.contains("Security group 'ssh-admins' is not empty"), refused);
        assertTrue(session.ok("proxmox_firewall_get", Map.of("view", "groups")).contains("ssh-admins  admin SSH"));
    }

    @Test
    void readAGuestsFirewallLogNewestFirst() {
        String log = session.ok("proxmox_firewall_log_get", Map.of("scope", "guest/100", "limit", 2));
        assertTrue(log.startsWith("firewall log of VM 100, newest first:\n100 6 tap100i0-IN 31/Dec/2025:23:57:00 +0000 policy DROP:"),
                log);
        assertTrue(log.endsWith("… 38 older lines (raise limit or narrow with since/until)"), log);
    }
}
