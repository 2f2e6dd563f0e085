package io.github.proxmoxmcp.firewall;

import static io.github.proxmoxmcp.core.testing.PackAssertions.NOT_FOUND_HINT;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
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
class FirewallReadToolsTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    private static final String RULE_TABLE = """
            POS  ON   TYPE   ACTION      MATCH                          COMMENT
            0    yes  in     ACCEPT      proto=tcp dport=443            https
            1    yes  group  webservers  -                              -
            2    no   in     DROP        source=+dc/blocklist log=info  -
            digest: d41d8c""";

    @Test
    void clusterRulesByDefault() {
        pack.proxmox().respond("GET", "/cluster/firewall/rules", RULES);

        assertOk(RULE_TABLE, pack.call("proxmox_firewall_get", "{}"));
        pack.only("GET", "/cluster/firewall/rules");
    }

    @Test
    void guestRulesResolveNodeAndType() {
        resources(pack);
        pack.proxmox().respond("GET", "/nodes/pve2/lxc/101/firewall/rules", "[]");

        assertOk("no rules in CT 101", pack.call("proxmox_firewall_get", "{\"scope\":\"guest/101\"}"));
        assertEquals(List.of("GET /cluster/resources", "GET /nodes/pve2/lxc/101/firewall/rules"), pack.lines());
        assertEquals(Map.of("type", "vm"), pack.request(0).query());
    }

    @Test
    void nodeVnetAndGroupRules() {
        pack.proxmox().respond("GET", "/nodes/pve1/firewall/rules", RULES);
        pack.proxmox().respond("GET", "/version", "{\"version\":\"9.1.2\",\"release\":\"9.1\"}");
        pack.proxmox().respond("GET", "/cluster/sdn/vnets/vnet1/firewall/rules", "[]");
        pack.proxmox().respond("GET", "/cluster/firewall/groups/webservers", RULES);

        assertOk(RULE_TABLE, pack.call("proxmox_firewall_get", "{\"scope\":\"node/pve1\"}"));
        assertOk("no rules in vnet vnet1", pack.call("proxmox_firewall_get", "{\"scope\":\"vnet/vnet1\"}"));
        assertOk(RULE_TABLE, pack.call("proxmox_firewall_get", "{\"scope\":\"group/webservers\"}"));
        assertEquals(List.of("GET /nodes/pve1/firewall/rules", "GET /version", "GET /cluster/sdn/vnets/vnet1/firewall/rules",
                "GET /cluster/firewall/groups/webservers"), pack.lines());
    }

    @Test
    void oneRule() {
        pack.proxmox().respond("GET", "/cluster/firewall/groups/webservers/0", """
                {"pos":0,"type":"in","action":"ACCEPT","macro":"HTTPS","enable":1,"digest":"d41d8c"}""");

        assertOk("""
                action: ACCEPT
                digest: d41d8c
                enable: 1
                macro: HTTPS
                pos: 0
                type: in""", pack.call("proxmox_firewall_get", "{\"scope\":\"group/webservers\",\"view\":\"rules/0\"}"));
        pack.only("GET", "/cluster/firewall/groups/webservers/0");
    }

    @Test
    void options() {
        resources(pack);
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/firewall/options", """
                {"enable":1,"policy_in":"DROP","macfilter":0,"log_level_in":"nolog","digest":"0ab1"}""");

        assertOk("""
                digest: 0ab1
                enable: 1
                log_level_in: nolog
                macfilter: 0
                policy_in: DROP""", pack.call("proxmox_firewall_get", "{\"scope\":\"guest/100\",\"view\":\"options\"}"));
    }

    @Test
    void aliases() {
        pack.proxmox().respond("GET", "/cluster/firewall/aliases", """
                [{"name":"web","cidr":"10.0.0.10","comment":"frontend","ipversion":4,"digest":"a1"},
                 {"name":"admins","cidr":"192.0.2.0/24","ipversion":4,"digest":"a1"}]""");
        pack.proxmox().respond("GET", "/cluster/firewall/aliases/web", """
                {"name":"web","cidr":"10.0.0.10","comment":"frontend","ipversion":4,"digest":"a1"}""");

        assertOk("""
                NAME    CIDR          COMMENT
                admins  192.0.2.0/24  -
                web     10.0.0.10     frontend
                digest: a1""", pack.call("proxmox_firewall_get", "{\"view\":\"aliases\"}"));
        assertOk("""
                cidr: 10.0.0.10
                comment: frontend
                digest: a1
                ipversion: 4
                name: web""", pack.call("proxmox_firewall_get", "{\"view\":\"aliases/web\"}"));
    }

    @Test
    void ipsetsTheirEntriesAndOneEntry() {
        pack.proxmox().respond("GET", "/cluster/firewall/ipset", """
                [{"name":"management","comment":"admin hosts","digest":"s1"},{"name":"blocklist","digest":"s1"}]""");
        pack.proxmox().respond("GET", "/cluster/firewall/ipset/blocklist", """
                [{"cidr":"203.0.113.7","comment":"scanner","digest":"e1"},{"cidr":"198.51.100.0/24","nomatch":1,"digest":"e1"}]""");
        pack.proxmox().respond("GET", "/cluster/firewall/ipset/blocklist/198.51.100.0%2F24", """
                {"cidr":"198.51.100.0/24","nomatch":1,"digest":"e1"}""");

        assertOk("""
                NAME        COMMENT
                blocklist   -
                management  admin hosts
                digest: s1""", pack.call("proxmox_firewall_get", "{\"view\":\"ipsets\"}"));
        assertOk("""
                CIDR             NOMATCH  COMMENT
                198.51.100.0/24  yes      -
                203.0.113.7      -        scanner
                digest: e1""", pack.call("proxmox_firewall_get", "{\"view\":\"ipsets/blocklist\"}"));
        assertOk("""
                cidr: 198.51.100.0/24
                digest: e1
                nomatch: 1""", pack.call("proxmox_firewall_get",
                "{\"view\":\"ipsets/blocklist/198.51.100.0/24\"}"));
        assertEquals(List.of("GET /cluster/firewall/ipset", "GET /cluster/firewall/ipset/blocklist",
                "GET /cluster/firewall/ipset/blocklist/198.51.100.0%2F24"), pack.lines());
    }

    @Test
    void guestIpsetThatIsEmpty() {
        resources(pack);
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/firewall/ipset/ipfilter-net0", "[]");

        assertOk("IP set ipfilter-net0 of VM 100 is empty", pack.call("proxmox_firewall_get",
                "{\"scope\":\"guest/100\",\"view\":\"ipsets/ipfilter-net0\"}"));
    }

    @Test
    void refsAreShownAsARuleWritesThem() {
        resources(pack);
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/firewall/refs", """
                [{"type":"ipset","name":"blocklist","ref":"+blocklist","scope":"dc","comment":"bad hosts"},
                 {"type":"alias","name":"web","ref":"web","scope":"guest"},
                 {"type":"alias","name":"admins","ref":"admins","scope":"dc"}]""");

        assertOk("""
                REF            TYPE   COMMENT
                dc/admins      alias  -
                guest/web      alias  -
                +dc/blocklist  ipset  bad hosts""",
                pack.call("proxmox_firewall_get", "{\"scope\":\"guest/100\",\"view\":\"refs\"}"));
    }

    @Test
    void groupsAndMacrosAreClusterWide() {
        pack.proxmox().respond("GET", "/cluster/firewall/groups", """
                [{"group":"webservers","comment":"http and https","digest":"g1"},{"group":"db","digest":"g1"}]""");
        pack.proxmox().respond("GET", "/cluster/firewall/macros", """
                [{"macro":"SSH","descr":"Secure shell traffic"},{"macro":"HTTPS","descr":"Hypertext Transfer Protocol (HTTP) over TLS, SSL"},
                 {"macro":"DNS","descr":"Domain Name System traffic (upd and tcp)"}]""");

        assertOk("""
                GROUP       COMMENT
                db          -
                webservers  http and https
                digest: g1""", pack.call("proxmox_firewall_get", "{\"view\":\"groups\"}"));
        assertOk("""
                MACRO  DESCRIPTION
                DNS    Domain Name System traffic (upd and tcp)
                … 2 more (raise limit or filter)""", pack.call("proxmox_firewall_get", "{\"view\":\"macros\",\"limit\":1}"));
        pack.proxmox().reset();
        pack.invalid("proxmox_firewall_get", "{\"view\":\"groups\",\"scope\":\"node\"}", "groups are at scope cluster, not node");
    }

    @Test
    void listsAreBounded() {
        pack.proxmox().respond("GET", "/cluster/firewall/rules", RULES);

        assertOk("""
                POS  ON   TYPE  ACTION  MATCH                COMMENT
                0    yes  in    ACCEPT  proto=tcp dport=443  https
                … 2 more (raise limit or filter)
                digest: d41d8c""", pack.call("proxmox_firewall_get", "{\"limit\":1}"));
    }

    @Test
    void proxmoxFailuresAreShownWithTheirFieldErrors() {
        pack.proxmox().fail("GET", "/cluster/firewall/ipset/nope", 500, "no such IPSet 'nope'", Map.of());
        pack.proxmox().fail("GET", "/nodes/pve1/firewall/rules", 403, "Permission check failed (/nodes/pve1, Sys.Audit)",
                Map.of());

        assertError("Proxmox API error 500: no such IPSet 'nope'\n" + NOT_FOUND_HINT,
                pack.call("proxmox_firewall_get", "{\"view\":\"ipsets/nope\"}"));
        assertEquals("Proxmox API error 403: Permission check failed (/nodes/pve1, Sys.Audit)",
                pack.error("proxmox_firewall_get", "{\"scope\":\"node/pve1\"}").text().lines().findFirst().orElseThrow());
    }

    @Test
    void badInputSendsNothing() {
        pack.invalid("proxmox_firewall_get", "{\"scope\":\"node/../x\"}", "scope node/…: must be a node name");
        pack.invalid("proxmox_firewall_get", "{\"view\":\"aliases/a/b\"}", "view: must be an IP set or alias name");
        pack.invalid("proxmox_firewall_get", "{\"view\":\"ipsets/xy/10.0.0.0/../../x\"}", "view: must be an address, CIDR or alias");
        pack.invalid("proxmox_firewall_get", "{\"view\":\"ipsets/../x\"}", "view: must be an IP set or alias name");
        pack.invalid("proxmox_firewall_get", "{\"scope\":\"guest/42\"}", "scope guest/…: must be a VMID");
        pack.invalid("proxmox_firewall_get", "{\"scope\":\"vnet/my_vnet\"}", "scope vnet/…: must be an SDN vnet id");
        pack.invalid("proxmox_firewall_get", "{\"scope\":\"group/group-name-longer-than-18\"}",
                "scope group/…: must be a security group name");
        pack.invalid("proxmox_firewall_get", "{\"vmid\":100}", "unknown argument(s) [vmid]");
        pack.invalid("proxmox_firewall_get", "{\"scope\":\"guest\"}", "scope guest needs its id: guest/VMID");
        pack.invalid("proxmox_firewall_get", "{\"scope\":\"vnet/v1\",\"view\":\"aliases\"}", "aliases are at scope cluster or guest, not vnet");
        pack.invalid("proxmox_firewall_get", "{\"scope\":\"group/web\",\"view\":\"options\"}",
                "options are at scope cluster or node or guest or vnet, not group");
        pack.invalid("proxmox_firewall_get", "{\"view\":\"options/1\"}", "view options names nothing below it");
        pack.invalid("proxmox_firewall_get", "{\"view\":\"rules/-1\"}", "the position is 0 or more");
        pack.invalid("proxmox_firewall_get", "{\"view\":\"rules/\"}", "the position is 0 or more");
        pack.invalid("proxmox_firewall_get", "{\"name\":\"web\"}", "unknown argument(s) [name]");
        pack.invalid("proxmox_firewall_get", "{\"view\":\"macros/x\"}", "view macros names nothing below it");
        pack.invalid("proxmox_firewall_get", "{\"limit\":0}", "limit: must be greater than or equal to 1");
        pack.invalid("proxmox_firewall_get", "{\"view\":\"bogus\"}",
                "view must be rules[/POS]|options|aliases[/A]|ipsets[/S[/CIDR]]|refs|groups|macros, not 'bogus'");
        pack.invalid("proxmox_firewall_get", "{\"vnet\":\"x\"}", "unknown argument(s) [vnet]");
        pack.invalid("proxmox_firewall_get", "{\"scope\":\"datacenter\"}",
                "scope must be cluster|node/N|guest/VMID|vnet/V|group/G, not 'datacenter'");
    }

    @Test
    void logNewestFirstFromTheLastPage() {
        resources(pack);
        pack.proxmox().expect("GET", "/nodes/pve1/qemu/100/firewall/log", Map.of("start", "0", "limit", "1"), 200, "OK", """
                {"data":[{"n":1,"t":"100 6 tap100i0-IN 01/Dec/2026:10:00:00 +0000 policy DROP: SRC=203.0.113.7 DPT=22"}],"total":4}""",
                -1);
        pack.proxmox().expect("GET", "/nodes/pve1/qemu/100/firewall/log", Map.of("start", "2", "limit", "2"), 200, "OK", """
                {"data":[{"n":3,"t":"100 6 tap100i0-IN 01/Dec/2026:10:00:02 +0000 ACCEPT: SRC=192.0.2.5 DPT=443"},
                         {"n":4,"t":"100 6 tap100i0-IN 01/Dec/2026:10:00:03 +0000 policy DROP: SRC=203.0.113.7 DPT=23"}],
                 "total":4}""", -1);

        assertOk("""
                firewall log of VM 100, newest first:
                100 6 tap100i0-IN 01/Dec/2026:10:00:03 +0000 policy DROP: SRC=203.0.113.7 DPT=23
                100 6 tap100i0-IN 01/Dec/2026:10:00:02 +0000 ACCEPT: SRC=192.0.2.5 DPT=443
                … 2 older lines (raise limit or narrow with since/until)""",
                pack.call("proxmox_firewall_log_get", "{\"scope\":\"guest/100\",\"limit\":2}"));
        List<String> lines = pack.lines();
        assertEquals(List.of("GET /cluster/resources", "GET /nodes/pve1/qemu/100/firewall/log",
                "GET /nodes/pve1/qemu/100/firewall/log"), lines);
        assertEquals(Map.of("start", "0", "limit", "1"), pack.request(1).query());
        assertEquals(Map.of("start", "2", "limit", "2"), pack.request(2).query());
    }

    @Test
    void logWindowAndAnEmptyLog() {
        pack.proxmox().expect("GET", "/nodes/pve1/firewall/log", Map.of(), 200, "OK",
                "{\"data\":[{\"n\":1,\"t\":\"no content\"}],\"total\":1}", -1);

        assertOk("firewall log of node pve1: no lines",
                pack.call("proxmox_firewall_log_get", "{\"scope\":\"node/pve1\",\"since\":1764583200,\"until\":1764586800}"));
        assertEquals(Map.of("start", "0", "limit", "1", "since", "1764583200", "until", "1764586800"), pack.last().query());
        pack.proxmox().reset();
        pack.invalid("proxmox_firewall_log_get", "{\"scope\":\"cluster\"}", "logs are at scope node or guest, not cluster");
        pack.invalid("proxmox_firewall_log_get", "{\"scope\":\"node/a/b\"}", "scope node/…: must be a node name");
        pack.invalid("proxmox_firewall_log_get", "{\"scope\":\"node/pve1\",\"limit\":0}", "limit: must be greater than or equal to 1");
    }
}
