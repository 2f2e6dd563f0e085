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
import org.junit.jupiter.api.Test;

/** IP sets and their entries, aliases, security groups, and deleting them. */
@MicronautTest
class FirewallAddressToolsTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    private static final String IPSET = "proxmox_firewall_ipset_manage";
    private static final String ALIAS = "proxmox_firewall_alias_manage";
    private static final String GROUP = "proxmox_firewall_group_manage";
    private static final String DELETE = "proxmox_firewall_delete";

    @Test
    void createAnIpSetAndAddEntries() {
        pack.proxmox().respond("POST", "/cluster/firewall/ipset", "null");
        pack.proxmox().respond("POST", "/cluster/firewall/ipset/blocklist", "null");

        assertOk("IP set blocklist of cluster created", pack.call(IPSET,
                "{\"op\":\"create\",\"scope\":\"cluster\",\"name\":\"blocklist\",\"comment\":\"bad hosts\"}"));
        assertOk("203.0.113.0/24 in IP set blocklist of cluster added", pack.call(IPSET,
                "{\"op\":\"create\",\"scope\":\"cluster\",\"name\":\"blocklist\",\"cidr\":\"203.0.113.0/24\",\"comment\":\"scanners\"}"));
        assertOk("203.0.113.5 in IP set blocklist of cluster added (nomatch)", pack.call(IPSET,
                "{\"op\":\"create\",\"scope\":\"cluster\",\"name\":\"blocklist\",\"cidr\":\"203.0.113.5\",\"nomatch\":true}"));
        assertEquals(List.of("POST /cluster/firewall/ipset", "POST /cluster/firewall/ipset/blocklist",
                "POST /cluster/firewall/ipset/blocklist"), pack.lines());
        assertRequest(pack.request(0), Map.of(), Map.of("name", "blocklist", "comment", "bad hosts"));
        assertRequest(pack.request(1), Map.of(), Map.of("cidr", "203.0.113.0/24", "comment", "scanners"));
        assertRequest(pack.request(2), Map.of(), Map.of("cidr", "203.0.113.5", "nomatch", "1"));
    }

    @Test
    void renameAnIpSetTheWayProxmoxTakesIt() {
        resources(pack);
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/firewall/ipset", "null");

        assertOk("IP set trusted of VM 100 renamed to office; rules naming +trusted still name the old set", pack.call(IPSET,
                "{\"op\":\"update\",\"scope\":\"guest/100\",\"name\":\"trusted\",\"rename\":\"office\"}"));
        // Proxmox: rename is the set that exists, name the one it becomes
        assertRequest(pack.last(), Map.of(), Map.of("name", "office", "rename", "trusted"));
        assertOk("IP set trusted of VM 100 updated", pack.call(IPSET,
                "{\"op\":\"update\",\"scope\":\"guest/100\",\"name\":\"trusted\",\"comment\":\"office network\"}"));
        assertRequest(pack.last(), Map.of(), Map.of("name", "trusted", "rename", "trusted", "comment", "office network"));
    }

    @Test
    void anEntryUpdateKeepsWhatItWasNotGiven() {
        pack.proxmox().respond("GET", "/cluster/firewall/ipset/blocklist/203.0.113.0%2F24", """
                {"cidr":"203.0.113.0/24","comment":"scanners","digest":"e1"}""");
        pack.proxmox().respond("PUT", "/cluster/firewall/ipset/blocklist/203.0.113.0%2F24", "null");

        assertOk("203.0.113.0/24 in IP set blocklist of cluster updated", pack.call(IPSET,
                "{\"op\":\"update\",\"scope\":\"cluster\",\"name\":\"blocklist\",\"cidr\":\"203.0.113.0/24\",\"nomatch\":true}"));
        assertEquals(List.of("GET /cluster/firewall/ipset/blocklist/203.0.113.0%2F24",
                "PUT /cluster/firewall/ipset/blocklist/203.0.113.0%2F24"), pack.lines());
        assertRequest(pack.last(), Map.of(), Map.of("nomatch", "1", "comment", "scanners", "digest", "e1"));
    }

    @Test
    void ipSetInputIsChecked() {
        pack.invalid(IPSET, "{\"op\":\"update\",\"scope\":\"cluster\",\"name\":\"blocklist\"}", "op=update needs rename or comment");
        pack.invalid(IPSET, "{\"op\":\"update\",\"scope\":\"cluster\",\"name\":\"blocklist\",\"cidr\":\"10.0.0.1\"}",
                "op=update needs nomatch or comment");
        pack.invalid(IPSET, "{\"op\":\"create\",\"scope\":\"cluster\",\"name\":\"blocklist\",\"nomatch\":true}",
                "nomatch is for an entry: give its cidr");
        pack.invalid(IPSET, "{\"op\":\"update\",\"scope\":\"cluster\",\"name\":\"aa\",\"cidr\":\"10.0.0.1\",\"rename\":\"bb\"}",
                "rename is for the set itself");
        pack.invalid(IPSET, "{\"op\":\"create\",\"scope\":\"cluster\",\"name\":\"blocklist\",\"rename\":\"bb\"}",
                "rename is for op=update");
        pack.invalid(IPSET, "{\"op\":\"create\",\"scope\":\"node\",\"name\":\"blocklist\"}", "IP sets are at scope cluster or guest, not node");
        pack.invalid(IPSET, "{\"op\":\"create\",\"scope\":\"cluster\",\"name\":\"../etc\"}", "name: must be an IP set or alias name");
        pack.invalid(IPSET, "{\"op\":\"create\",\"scope\":\"cluster\",\"name\":\"blocklist\",\"cidr\":\"10.0.0.0/../../../x\"}",
                "cidr: must be an address, CIDR or alias");
        pack.invalid(IPSET, "{\"op\":\"create\",\"scope\":\"cluster\",\"name\":\"blocklist\",\"cidr\":\"10.0.0.0//24\"}",
                "cidr: must be an address, CIDR or alias");
        pack.invalid(IPSET, "{\"op\":\"create\",\"scope\":\"guest\",\"name\":\"blocklist\"}", "scope guest needs its id: guest/VMID");
        pack.invalid(IPSET, "{\"op\":\"create\",\"scope\":\"cluster\",\"vmid\":100,\"name\":\"blocklist\"}",
                "unknown argument(s) [vmid]");
    }

    @Test
    void aliasesCreateAndAnUpdateThatKeepsTheRest() {
        pack.proxmox().respond("POST", "/cluster/firewall/aliases", "null");
        pack.proxmox().respond("GET", "/cluster/firewall/aliases/web", """
                {"name":"web","cidr":"10.0.0.10","comment":"frontend","ipversion":4,"digest":"a1"}""");
        pack.proxmox().respond("PUT", "/cluster/firewall/aliases/web", "null");

        assertOk("alias web of cluster created: 10.0.0.10", pack.call(ALIAS,
                "{\"op\":\"create\",\"scope\":\"cluster\",\"name\":\"web\",\"cidr\":\"10.0.0.10\",\"comment\":\"frontend\"}"));
        assertRequest(pack.last(), Map.of(), Map.of("name", "web", "cidr", "10.0.0.10", "comment", "frontend"));
        assertOk("alias web of cluster renamed to frontend; rules naming web still name the old alias",
                pack.call(ALIAS, "{\"op\":\"update\",\"scope\":\"cluster\",\"name\":\"web\",\"rename\":\"frontend\"}"));
        // Proxmox rebuilds the alias from the request: the cidr and comment read are sent back
        assertRequest(pack.last(), Map.of(), Map.of("cidr", "10.0.0.10", "comment", "frontend", "rename", "frontend",
                "digest", "a1"));
        assertOk("alias web of cluster updated",
                pack.call(ALIAS, "{\"op\":\"update\",\"scope\":\"cluster\",\"name\":\"web\",\"cidr\":\"10.0.0.11\",\"comment\":\"\"}"));
        assertRequest(pack.last(), Map.of(), Map.of("cidr", "10.0.0.11", "comment", "", "digest", "a1"));
        assertEquals(List.of("POST /cluster/firewall/aliases", "GET /cluster/firewall/aliases/web",
                "PUT /cluster/firewall/aliases/web", "GET /cluster/firewall/aliases/web", "PUT /cluster/firewall/aliases/web"),
                pack.lines());
    }

    @Test
    void guestAliases() {
        resources(pack);
        pack.proxmox().respond("POST", "/nodes/pve2/lxc/101/firewall/aliases", "null");

        assertOk("alias resolver of CT 101 created: 192.0.2.53", pack.call(ALIAS,
                "{\"op\":\"create\",\"scope\":\"guest/101\",\"name\":\"resolver\",\"cidr\":\"192.0.2.53\"}"));
    }

    @Test
    void aliasInputIsChecked() {
        pack.invalid(ALIAS, "{\"op\":\"create\",\"scope\":\"cluster\",\"name\":\"web\"}", "op=create takes name, cidr and comment");
        pack.invalid(ALIAS, "{\"op\":\"update\",\"scope\":\"cluster\",\"name\":\"web\"}", "op=update needs cidr, rename or comment");
        pack.invalid(ALIAS, "{\"op\":\"update\",\"scope\":\"cluster\",\"name\":\"web\",\"rename\":\"a/b\"}",
                "rename: must be an IP set or alias name");
        pack.invalid(ALIAS, "{\"op\":\"create\",\"scope\":\"cluster\",\"cidr\":\"10.0.0.1\"}", "name: must not be null");
    }

    @Test
    void aliasUpdateOfAMissingAlias() {
        pack.proxmox().fail("GET", "/cluster/firewall/aliases/nope", 400, "Parameter verification failed.",
                Map.of("name", "no such alias"));

        assertError("Proxmox API error 400: Parameter verification failed.\n  name: no such alias",
                pack.call(ALIAS, "{\"op\":\"update\",\"scope\":\"cluster\",\"name\":\"nope\",\"comment\":\"x\"}"));
        pack.only("GET", "/cluster/firewall/aliases/nope");
    }

    @Test
    void securityGroups() {
        pack.proxmox().respond("POST", "/cluster/firewall/groups", "null");

        assertOk("security group webservers created", pack.call(GROUP,
                "{\"op\":\"create\",\"name\":\"webservers\",\"comment\":\"http and https\"}"));
        assertRequest(pack.last(), Map.of(), Map.of("group", "webservers", "comment", "http and https"));
        assertOk("security group webservers renamed to web, and the rules using it", pack.call(GROUP,
                "{\"op\":\"update\",\"name\":\"webservers\",\"rename\":\"web\"}"));
        assertRequest(pack.last(), Map.of(), Map.of("group", "web", "rename", "webservers"));
        assertOk("security group web updated", pack.call(GROUP, "{\"op\":\"update\",\"name\":\"web\",\"comment\":\"web\"}"));
        assertRequest(pack.last(), Map.of(), Map.of("group", "web", "rename", "web", "comment", "web"));
        pack.proxmox().reset();
        pack.invalid(GROUP, "{\"op\":\"update\",\"name\":\"web\"}", "op=update needs rename or comment");
        pack.invalid(GROUP, "{\"op\":\"create\",\"name\":\"web\",\"rename\":\"www\"}", "rename is for op=update");
        pack.invalid(GROUP, "{\"op\":\"create\",\"name\":\"group-name-of-19chr\"}", "name: must be a security group name");
    }

    @Test
    void deletesNeedConfirm() {
        pack.refusedWithoutConfirm(DELETE, "{\"scope\":\"cluster\",\"item\":\"ipset/blocklist\"}");
        pack.refusedWithoutConfirm(DELETE, "{\"scope\":\"cluster\",\"item\":\"ipset/blocklist/10.0.0.1\"}");
        pack.refusedWithoutConfirm(DELETE, "{\"scope\":\"cluster\",\"item\":\"alias/web\"}");
        pack.refusedWithoutConfirm(DELETE, "{\"item\":\"group/web\"}");
    }

    @Test
    void deleteEachKind() {
        resources(pack);
        pack.proxmox().respond("DELETE", "/cluster/firewall/ipset/blocklist", "null");
        pack.proxmox().respond("DELETE", "/nodes/pve1/qemu/100/firewall/ipset/trusted/10.1.0.0%2F16", "null");
        pack.proxmox().respond("DELETE", "/cluster/firewall/aliases/web", "null");
        pack.proxmox().respond("DELETE", "/cluster/firewall/groups/web", "null");

        assertOk("IP set blocklist of cluster deleted with its entries", pack.call(DELETE,
                "{\"scope\":\"cluster\",\"item\":\"ipset/blocklist\",\"force\":true,\"confirm\":true}"));
        assertRequest(pack.last(), Map.of("force", "1"), Map.of());
        assertOk("10.1.0.0/16 removed from IP set trusted of VM 100", pack.call(DELETE,
                "{\"scope\":\"guest/100\",\"item\":\"ipset/trusted/10.1.0.0/16\",\"digest\":\"e1\","
                        + "\"confirm\":true}"));
        assertRequest(pack.last(), Map.of("digest", "e1"), Map.of());
        assertOk("alias web of cluster deleted", pack.call(DELETE,
                "{\"scope\":\"cluster\",\"item\":\"alias/web\",\"confirm\":true}"));
        assertRequest(pack.last(), Map.of(), Map.of());
        assertOk("security group web deleted", pack.call(DELETE, "{\"item\":\"group/web\",\"confirm\":true}"));
        assertEquals(List.of("DELETE /cluster/firewall/ipset/blocklist", "GET /cluster/resources",
                "DELETE /nodes/pve1/qemu/100/firewall/ipset/trusted/10.1.0.0%2F16", "DELETE /cluster/firewall/aliases/web",
                "DELETE /cluster/firewall/groups/web"), pack.lines());
    }

    @Test
    void proxmoxRefusesToDeleteWhatIsStillUsed() {
        pack.proxmox().fail("DELETE", "/cluster/firewall/groups/web", 500, "Security group 'web' is not empty", Map.of());
        pack.proxmox().fail("DELETE", "/cluster/firewall/ipset/blocklist", 500, "IPSet 'blocklist' is not empty", Map.of());

        assertError("Proxmox API error 500: Security group 'web' is not empty",
                pack.call(DELETE, "{\"item\":\"group/web\",\"confirm\":true}"));
        assertError("Proxmox API error 500: IPSet 'blocklist' is not empty",
                pack.call(DELETE, "{\"scope\":\"cluster\",\"item\":\"ipset/blocklist\",\"confirm\":true}"));
        assertRequest(pack.last(), Map.of(), Map.of());
    }

    @Test
    void deleteInputIsChecked() {
        pack.invalid(DELETE, "{\"scope\":\"cluster\",\"item\":\"alias\",\"confirm\":true}",
                "item alias needs its name: rule/POS|alias/A|ipset/S[/CIDR]|group/G");
        pack.invalid(DELETE, "{\"scope\":\"cluster\",\"item\":\"ipset/\",\"confirm\":true}", "item ipset needs its name");
        pack.invalid(DELETE, "{\"scope\":\"node/pve1\",\"item\":\"alias/web\",\"confirm\":true}",
                "aliases are at scope cluster or guest, not node");
        pack.invalid(DELETE, "{\"scope\":\"cluster\",\"item\":\"alias/web\",\"force\":true,\"confirm\":true}",
                "force is for an IP set: item ipset/NAME");
        pack.invalid(DELETE, "{\"scope\":\"cluster\",\"item\":\"ipset/blocklist/10.0.0.1\",\"force\":true,\"confirm\":true}",
                "force is for an IP set: item ipset/NAME");
        pack.invalid(DELETE, "{\"scope\":\"cluster\",\"item\":\"ipset/blocklist\",\"digest\":\"x\",\"confirm\":true}",
                "Proxmox takes no digest when deleting an IP set");
        pack.invalid(DELETE, "{\"scope\":\"cluster\",\"item\":\"group/web\",\"confirm\":true}",
                "item group/… takes no scope: security groups are cluster-wide");
        pack.invalid(DELETE, "{\"item\":\"group/group-name-of-19chr\",\"confirm\":true}", "item: must be a security group name");
        pack.invalid(DELETE, "{\"item\":\"group/../x\",\"confirm\":true}", "item: must be a security group name");
        pack.invalid(DELETE, "{\"scope\":\"cluster\",\"item\":\"alias/a/b\",\"confirm\":true}",
                "item: must be an IP set or alias name");
        pack.invalid(DELETE, "{\"scope\":\"cluster\",\"item\":\"ipset/blocklist/../../x\",\"confirm\":true}",
                "item: must be an address, CIDR or alias");
        pack.invalid(DELETE, "{\"scope\":\"cluster\",\"item\":\"ipset/../x\",\"confirm\":true}",
                "item: must be an IP set or alias name");
        pack.invalid(DELETE, "{\"item\":\"file/x\",\"confirm\":true}",
                "item must be rule/POS|alias/A|ipset/S[/CIDR]|group/G, not 'file/x'");
        pack.invalid(DELETE, "{\"scope\":\"cluster\",\"confirm\":true}", "item: must not be null");
        pack.invalid(DELETE, "{\"kind\":\"alias\",\"item\":\"alias/web\",\"confirm\":true}", "unknown argument(s) [kind]");
    }
}
