package io.github.proxmoxmcp.sdn;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** proxmox_sdn_manage: every kind and action, the exact request, Proxmox's refusals, input refused before sending. */
@MicronautTest
class SdnManageToolTest implements MockProxmoxTest {

    private static final String PENDING = "; pending until applied with proxmox_sdn_apply";

    @Inject
    PackCalls pack;

    // create

    @Test
    void aVlanZoneIsCreatedWithItsTypeAndSettings() {
        pack.proxmox().respond("POST", "/cluster/sdn/zones", "null");

        assertOk("SDN zone vlan1 created" + PENDING, pack.call("proxmox_sdn_manage", """
                {"action":"create","kind":"zone","id":"vlan1","set":{"type":"vlan","bridge":"vmbr0","mtu":1500,
                 "bridge-disable-mac-learning":true}}"""));
        assertRequest(pack.only("POST", "/cluster/sdn/zones"), Map.of(),
                Map.of("zone", "vlan1", "type", "vlan", "bridge", "vmbr0", "mtu", "1500", "bridge-disable-mac-learning", "1"));
    }

    @Test
    void aVnetIsCreatedInItsZoneUnderALock() {
        pack.proxmox().respond("POST", "/cluster/sdn/vnets", "null");

        assertOk("SDN vnet web created" + PENDING, pack.call("proxmox_sdn_manage", """
                {"action":"create","kind":"vnet","id":"web","set":{"zone":"vlan1","tag":10,"alias":"Web tier"},
                 "lock":"tok-1"}"""));
        assertRequest(pack.only("POST", "/cluster/sdn/vnets"), Map.of(),
                Map.of("vnet", "web", "zone", "vlan1", "tag", "10", "alias", "Web tier", "lock-token", "tok-1"));
    }

    @Test
    void aSubnetIsCreatedByItsCidrWithEveryDhcpRangeAsItsOwnPair() {
        pack.proxmox().respond("POST", "/cluster/sdn/vnets/web/subnets", "null");

        assertOk("SDN subnet 10.0.10.0/24 created" + PENDING, pack.call("proxmox_sdn_manage", """
                {"action":"create","kind":"subnet","vnet":"web","id":"10.0.10.0/24","set":{"gateway":"10.0.10.1",
                 "snat":true,"dhcp-range":["start-address=10.0.10.100,end-address=10.0.10.150",
                 "start-address=10.0.10.200,end-address=10.0.10.210"]}}"""));
        var request = pack.only("POST", "/cluster/sdn/vnets/web/subnets");
        assertEquals("subnet=10.0.10.0%2F24&type=subnet&gateway=10.0.10.1&snat=1"
                + "&dhcp-range=start-address%3D10.0.10.100%2Cend-address%3D10.0.10.150"
                + "&dhcp-range=start-address%3D10.0.10.200%2Cend-address%3D10.0.10.210", request.body());
    }

    @Test
    void controllersIpamsAndDnsTakeTheirPluginType() {
        pack.proxmox().respond("POST", "/cluster/sdn/controllers", "null");
        pack.proxmox().respond("POST", "/cluster/sdn/ipams", "null");
        pack.proxmox().respond("POST", "/cluster/sdn/dns", "null");

        pack.ok("proxmox_sdn_manage", """
                {"action":"create","kind":"controller","id":"evpnctl","set":{"type":"evpn","asn":65000,"peers":"10.0.0.1,10.0.0.2"}}""");
        var result = pack.ok("proxmox_sdn_manage", """
                {"action":"create","kind":"ipam","id":"nb","set":{"type":"netbox","url":"https://netbox/api","token":"s3cr3t"}}""");
        pack.ok("proxmox_sdn_manage", """
                {"action":"create","kind":"dns","id":"pdns","set":{"type":"powerdns","url":"http://pdns:8081","key":"k3y","ttl":300}}""");

        assertEquals("SDN ipam nb created" + PENDING, result.text());
        assertFalse(result.text().contains("s3cr3t"));
        assertEquals(List.of("POST /cluster/sdn/controllers", "POST /cluster/sdn/ipams", "POST /cluster/sdn/dns"), pack.lines());
        assertRequest(pack.request(0), Map.of(), Map.of("controller", "evpnctl", "type", "evpn", "asn", "65000",
                "peers", "10.0.0.1,10.0.0.2"));
        assertRequest(pack.request(1), Map.of(), Map.of("ipam", "nb", "type", "netbox", "url", "https://netbox/api",
                "token", "s3cr3t"));
        assertRequest(pack.request(2), Map.of(), Map.of("dns", "pdns", "type", "powerdns", "url", "http://pdns:8081",
                "key", "k3y", "ttl", "300"));
    }

    @Test
    void aFabricAndANodeOfItTheNodeTakingTheFabricsProtocol() {
        pack.proxmox().respond("POST", "/cluster/sdn/fabrics/fabric", "null");
        pack.proxmox().respond("GET", "/cluster/sdn/fabrics/fabric/f1", "{\"id\":\"f1\",\"protocol\":\"openfabric\"}");
        pack.proxmox().respond("POST", "/cluster/sdn/fabrics/node/f1", "null");

        pack.ok("proxmox_sdn_manage", """
                {"action":"create","kind":"fabric","id":"f1","set":{"protocol":"openfabric","ip_prefix":"10.0.0.0/24",
                 "hello_interval":3}}""");
        assertOk("SDN fabric node pve1 created" + PENDING, pack.call("proxmox_sdn_manage", """
                {"action":"create","kind":"fabric_node","fabric":"f1","id":"pve1","set":{"ip":"10.0.0.1",
                 "interfaces":["name=ens19","name=ens20"]}}"""));

        assertEquals(List.of("POST /cluster/sdn/fabrics/fabric", "GET /cluster/sdn/fabrics/fabric/f1",
                "POST /cluster/sdn/fabrics/node/f1"), pack.lines());
        assertRequest(pack.request(0), Map.of(), Map.of("id", "f1", "protocol", "openfabric", "ip_prefix", "10.0.0.0/24",
                "hello_interval", "3"));
        assertEquals("node_id=pve1&protocol=openfabric&ip=10.0.0.1&interfaces=name%3Dens19&interfaces=name%3Dens20",
                pack.request(2).body());
    }

    @Test
    void aDuplicateIsRefusedAsProxmoxRefusesIt() {
        pack.proxmox().fail("POST", "/cluster/sdn/zones", 500, "create sdn zone object failed: sdn zone object ID 'lab' "
                + "already defined", Map.of());

        assertEquals("Proxmox API error 500: create sdn zone object failed: sdn zone object ID 'lab' already defined",
                pack.error("proxmox_sdn_manage", "{\"action\":\"create\",\"kind\":\"zone\",\"id\":\"lab\",\"set\":{\"type\":\"simple\"}}")
                        .text().lines().findFirst().orElseThrow());
    }

    @Test
    void aParameterErrorKeepsItsField() {
        pack.proxmox().fail("POST", "/cluster/sdn/vnets", 400, "Parameter verification failed.",
                Map.of("tag", "missing vlan tag"));

        var text = pack.error("proxmox_sdn_manage", "{\"action\":\"create\",\"kind\":\"vnet\",\"id\":\"web\",\"set\":{\"zone\":\"vlan1\"}}").text();
        assertEquals("Proxmox API error 400: Parameter verification failed.", text.lines().findFirst().orElseThrow());
        assertEquals(true, text.contains("tag: missing vlan tag"), text);
    }

    // update

    @Test
    void anUpdateSetsAndRemovesSettings() {
        pack.proxmox().respond("PUT", "/cluster/sdn/zones/vlan1", "null");

        assertOk("SDN zone vlan1 updated (set mtu; removed dns, ipam)" + PENDING, pack.call("proxmox_sdn_manage", """
                {"action":"update","kind":"zone","id":"vlan1","set":{"mtu":1450,"dns":null,"ipam":null}}"""));
        assertRequest(pack.only("PUT", "/cluster/sdn/zones/vlan1"), Map.of(), Map.of("mtu", "1450", "delete", "dns,ipam"));
    }

    @Test
    void aSubnetGivenByCidrIsUpdatedByItsId() {
        pack.proxmox().respond("GET", "/cluster/sdn/vnets/web", "{\"vnet\":\"web\",\"zone\":\"vlan1\"}");
        pack.proxmox().respond("PUT", "/cluster/sdn/vnets/web/subnets/vlan1-10.0.10.0-24", "null");

        pack.ok("proxmox_sdn_manage", """
                {"action":"update","kind":"subnet","vnet":"web","id":"10.0.10.0/24","set":{"gateway":"10.0.10.254"},"lock":"t"}""");
        assertEquals(List.of("GET /cluster/sdn/vnets/web", "PUT /cluster/sdn/vnets/web/subnets/vlan1-10.0.10.0-24"), pack.lines());
        assertRequest(pack.request(1), Map.of(), Map.of("gateway", "10.0.10.254", "lock-token", "t"));
    }

    @Test
    void aFabricUpdateSendsItsProtocolAndTheRequiredDeleteListAsJson() {
        pack.proxmox().respond("GET", "/cluster/sdn/fabrics/fabric/f1", "{\"id\":\"f1\",\"protocol\":\"openfabric\"}");
        pack.proxmox().respond("PUT", "/cluster/sdn/fabrics/fabric/f1", "null");

        assertOk("SDN fabric f1 updated (set hello_interval)" + PENDING, pack.call("proxmox_sdn_manage", """
                {"action":"update","kind":"fabric","id":"f1","set":{"hello_interval":2}}"""));
        var put = pack.request(1);
        assertEquals("PUT /cluster/sdn/fabrics/fabric/f1", put.line());
        assertEquals("application/json", put.headers().get("content-type").split(";")[0]);
        assertEquals("{\"protocol\":\"openfabric\",\"hello_interval\":2,\"delete\":[]}", put.body());
    }

    @Test
    void aFabricNodeUpdateKeepsItsInterfacesWhenNotGiven() {
        pack.proxmox().respond("GET", "/cluster/sdn/fabrics/node/f1/pve1", """
                {"node_id":"pve1","fabric_id":"f1","protocol":"openfabric","interfaces":["name=ens19"],"ip":"10.0.0.1"}""");
        pack.proxmox().respond("PUT", "/cluster/sdn/fabrics/node/f1/pve1", "null");

        pack.ok("proxmox_sdn_manage", """
                {"action":"update","kind":"fabric_node","fabric":"f1","id":"pve1","set":{"ip":"10.0.0.9","ip6":null}}""");
        assertEquals(List.of("GET /cluster/sdn/fabrics/node/f1/pve1", "PUT /cluster/sdn/fabrics/node/f1/pve1"), pack.lines());
        assertEquals("protocol=openfabric&interfaces=name%3Dens19&ip=10.0.0.9&delete=ip6", pack.request(1).body());
    }

    // delete

    @Test
    void aDeleteNeedsConfirmThenSendsTheLockTokenInTheQuery() {
        pack.refusedWithoutConfirm("proxmox_sdn_manage", "{\"action\":\"delete\",\"kind\":\"vnet\",\"id\":\"web\"}");

        pack.proxmox().respond("DELETE", "/cluster/sdn/vnets/web", "null");
        assertOk("SDN vnet web deleted" + PENDING, pack.call("proxmox_sdn_manage",
                "{\"action\":\"delete\",\"kind\":\"vnet\",\"id\":\"web\",\"lock\":\"t\",\"confirm\":true}"));
        assertRequest(pack.only("DELETE", "/cluster/sdn/vnets/web"), Map.of("lock-token", "t"), Map.of());
    }

    @Test
    void deletesOfEveryKindGoToTheirPath() {
        pack.proxmox().respond("GET", "/cluster/sdn/vnets/web", "{\"vnet\":\"web\",\"zone\":\"vlan1\"}");
        for (String path : List.of("zones/vlan1", "vnets/web/subnets/vlan1-10.0.10.0-24", "controllers/evpnctl", "ipams/nb",
                "dns/pdns", "fabrics/fabric/f1", "fabrics/node/f1/pve1")) {
            pack.proxmox().respond("DELETE", "/cluster/sdn/" + path, "null");
        }
        for (String args : List.of("\"kind\":\"zone\",\"id\":\"vlan1\"", "\"kind\":\"subnet\",\"vnet\":\"web\",\"id\":\"10.0.10.0/24\"",
                "\"kind\":\"controller\",\"id\":\"evpnctl\"", "\"kind\":\"ipam\",\"id\":\"nb\"", "\"kind\":\"dns\",\"id\":\"pdns\"",
                "\"kind\":\"fabric\",\"id\":\"f1\"", "\"kind\":\"fabric_node\",\"fabric\":\"f1\",\"id\":\"pve1\"")) {
            pack.ok("proxmox_sdn_manage", "{\"action\":\"delete\"," + args + ",\"confirm\":true}");
        }
        assertEquals(List.of("DELETE /cluster/sdn/zones/vlan1", "GET /cluster/sdn/vnets/web",
                "DELETE /cluster/sdn/vnets/web/subnets/vlan1-10.0.10.0-24", "DELETE /cluster/sdn/controllers/evpnctl",
                "DELETE /cluster/sdn/ipams/nb", "DELETE /cluster/sdn/dns/pdns", "DELETE /cluster/sdn/fabrics/fabric/f1",
                "DELETE /cluster/sdn/fabrics/node/f1/pve1"), pack.lines());
        pack.proxmox().requests().forEach(r -> assertEquals(Map.of(), r.query()));
    }

    // IP mappings

    @Test
    void anIpMappingIsAddedUpdatedAndRemovedInTheZoneOfItsVnet() {
        pack.proxmox().respond("GET", "/cluster/sdn/vnets/web", "{\"vnet\":\"web\",\"zone\":\"vlan1\"}");
        pack.proxmox().respond("POST", "/cluster/sdn/vnets/web/ips", "null");
        pack.proxmox().respond("PUT", "/cluster/sdn/vnets/web/ips", "null");
        pack.proxmox().respond("DELETE", "/cluster/sdn/vnets/web/ips", "null");

        assertOk("IP 10.0.10.5 in vnet web added to the IPAM for MAC BC:24:11:00:00:01", pack.call("proxmox_sdn_manage",
                "{\"action\":\"create\",\"kind\":\"ip\",\"vnet\":\"web\",\"id\":\"10.0.10.5\",\"set\":{\"mac\":\"BC:24:11:00:00:01\"}}"));
        assertOk("IP 10.0.10.5 in vnet web updated (set mac, vmid)", pack.call("proxmox_sdn_manage",
                "{\"action\":\"update\",\"kind\":\"ip\",\"vnet\":\"web\",\"id\":\"10.0.10.5\",\"set\":{\"mac\":\"BC:24:11:00:00:01\",\"vmid\":100}}"));
        assertOk("IP 10.0.10.5 in vnet web removed from the IPAM", pack.call("proxmox_sdn_manage",
                "{\"action\":\"delete\",\"kind\":\"ip\",\"vnet\":\"web\",\"id\":\"10.0.10.5\",\"confirm\":true}"));

        assertEquals(List.of("GET /cluster/sdn/vnets/web", "POST /cluster/sdn/vnets/web/ips", "GET /cluster/sdn/vnets/web",
                "PUT /cluster/sdn/vnets/web/ips", "GET /cluster/sdn/vnets/web", "DELETE /cluster/sdn/vnets/web/ips"), pack.lines());
        assertRequest(pack.request(1), Map.of(), Map.of("zone", "vlan1", "ip", "10.0.10.5", "mac", "BC:24:11:00:00:01"));
        assertRequest(pack.request(3), Map.of(), Map.of("zone", "vlan1", "ip", "10.0.10.5", "mac", "BC:24:11:00:00:01",
                "vmid", "100"));
        assertRequest(pack.request(5), Map.of("zone", "vlan1", "ip", "10.0.10.5"), Map.of());
    }

    // refused before sending

    @Test
    void badOrHostileInputSendsNothing() {
        String tool = "proxmox_sdn_manage";
        pack.invalid(tool, "{\"action\":\"create\",\"kind\":\"zone\",\"id\":\"../x\",\"set\":{\"type\":\"vlan\"}}",
                "id: must be an SDN zone id");
        pack.invalid(tool, "{\"action\":\"update\",\"kind\":\"vnet\",\"id\":\"a/b\",\"set\":{\"tag\":2}}", "id: must be an SDN vnet id");
        pack.invalid(tool, "{\"action\":\"update\",\"kind\":\"fabric_node\",\"fabric\":\"../x\",\"id\":\"pve1\",\"set\":{\"ip\":\"1.2.3.4\"}}",
                "fabric: must be an SDN fabric id");
        pack.invalid(tool, "{\"action\":\"create\",\"kind\":\"subnet\",\"vnet\":\"web\",\"id\":\"vlan1-10.0.0.0-24\"}",
                "id: must be an SDN subnet");
        pack.invalid(tool, "{\"action\":\"create\",\"kind\":\"ip\",\"vnet\":\"web\",\"id\":\"10.0.0.1/../x\"}",
                "id: must be an IPv4 or IPv6 address");
        pack.invalid(tool, "{\"action\":\"create\",\"kind\":\"zone\",\"id\":\"z1\"}", "set.type is required to create an SDN zone");
        pack.invalid(tool, "{\"action\":\"create\",\"kind\":\"zone\",\"id\":\"z1\",\"set\":{\"type\":\"bogus\"}}",
                "set.type of an SDN zone must be one of simple, vlan, qinq, vxlan, evpn, faucet");
        pack.invalid(tool, "{\"action\":\"update\",\"kind\":\"zone\",\"id\":\"z1\",\"set\":{\"type\":\"vlan\"}}",
                "set.type goes with action=create");
        pack.invalid(tool, "{\"action\":\"create\",\"kind\":\"zone\",\"id\":\"z1\",\"set\":{\"type\":\"vlan\",\"colour\":\"red\"}}",
                "set.colour is not a setting of an SDN zone; it has type, advertise-subnets");
        pack.invalid(tool, "{\"action\":\"create\",\"kind\":\"zone\",\"id\":\"z1\",\"set\":{\"type\":\"vlan\",\"mtu\":\"big\"}}",
                "set.mtu must be an integer");
        pack.invalid(tool, "{\"action\":\"create\",\"kind\":\"vnet\",\"id\":\"v1\"}", "set.zone is required to create an SDN vnet");
        pack.invalid(tool, "{\"action\":\"create\",\"kind\":\"zone\",\"id\":\"z1\",\"set\":{\"type\":\"vlan\",\"mtu\":null}}",
                "set.mtu: null removes a setting, on action=update");
        pack.invalid(tool, "{\"action\":\"update\",\"kind\":\"zone\",\"id\":\"z1\"}", "action=update needs set");
        pack.invalid(tool, "{\"action\":\"update\",\"kind\":\"fabric\",\"id\":\"f1\",\"set\":{\"ip_prefix\":null}}",
                "set.ip_prefix: null cannot remove it from an SDN fabric");
        pack.invalid(tool, "{\"action\":\"delete\",\"kind\":\"zone\",\"id\":\"z1\",\"set\":{\"mtu\":1},\"confirm\":true}",
                "action=delete takes only the id");
        pack.invalid(tool, "{\"action\":\"delete\",\"kind\":\"fabric\",\"id\":\"f1\",\"lock\":\"t\",\"confirm\":true}",
                "lock does not go with a fabric delete");
        pack.invalid(tool, "{\"action\":\"create\",\"kind\":\"subnet\",\"id\":\"10.0.0.0/24\"}", "vnet is required for kind=subnet");
        pack.invalid(tool, "{\"action\":\"create\",\"kind\":\"zone\"}", "id is required");
    }
}
