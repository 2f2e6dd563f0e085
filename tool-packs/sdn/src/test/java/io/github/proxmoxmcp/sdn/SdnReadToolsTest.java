package io.github.proxmoxmcp.sdn;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** proxmox_sdn_get: lists and reads with what is pending, IPAM addresses; bad input sends nothing. */
@MicronautTest
class SdnReadToolsTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    @Test
    void zonesShowTheirSettingsOnceAppliedAndWhatIsPending() {
        pack.proxmox().respond("GET", "/cluster/sdn/zones", """
                [{"zone":"lab","type":"simple","ipam":"pve","dhcp":"dnsmasq","digest":"d1"},
                 {"zone":"vlan1","type":"vlan","state":"new","pending":{"bridge":"vmbr0","mtu":1500}},
                 {"zone":"old","type":"vlan","bridge":"vmbr1","state":"deleted","pending":{}},
                 {"zone":"evpn1","type":"evpn","controller":"ctl","vrf-vxlan":10000,"mtu":1450,"state":"changed",
                  "pending":{"mtu":1400,"exitnodes":"pve1","controller":"deleted"}}]""");

        assertOk("""
                ZONE   TYPE    SETTINGS                                 STATE
                lab    simple  ipam=pve dhcp=dnsmasq                    -
                vlan1  vlan    bridge=vmbr0 mtu=1500                    new
                old    vlan    bridge=vmbr1                             deleted
                evpn1  evpn    vrf-vxlan=10000 mtu=1400 exitnodes=pve1  changed
                evpn1: mtu 1450 -> 1400, exitnodes=pve1 added, controller removed
                pending changes: apply them with proxmox_sdn_apply""", pack.call("proxmox_sdn_get", "{\"kind\":\"zone\"}"));
        assertRequest(pack.only("GET", "/cluster/sdn/zones"), Map.of("pending", "1"), Map.of());
    }

    @Test
    void nothingPendingSaysNothingAboutApplying() {
        pack.proxmox().respond("GET", "/cluster/sdn/vnets", """
                [{"vnet":"labnet","zone":"lab","type":"vnet","alias":"Lab network","digest":"d"}]""");

        assertOk("""
                VNET    SETTINGS                    STATE
                labnet  zone=lab alias=Lab network  -""",
                pack.call("proxmox_sdn_get", "{\"kind\":\"vnet\"}"));
        assertRequest(pack.only("GET", "/cluster/sdn/vnets"), Map.of("pending", "1"), Map.of());
    }

    @Test
    void subnetsOfAVnetAreNamedByTheirCidr() {
        pack.proxmox().respond("GET", "/cluster/sdn/vnets/labnet/subnets", """
                [{"subnet":"lab-10.10.10.0-24","id":"lab-10.10.10.0-24","cidr":"10.10.10.0/24","network":"10.10.10.0",
                  "mask":"24","zone":"lab","vnet":"labnet","type":"subnet","gateway":"10.10.10.1","snat":1,
                  "dhcp-range":[{"start-address":"10.10.10.100","end-address":"10.10.10.200"}]}]""");

        assertOk("""
                SUBNET         SETTINGS                                                                 STATE
                10.10.10.0/24  zone=lab gateway=10.10.10.1 snat=1 dhcp-range=10.10.10.100-10.10.10.200  -""",
                pack.call("proxmox_sdn_get", "{\"kind\":\"subnet\",\"vnet\":\"labnet\"}"));
        assertRequest(pack.only("GET", "/cluster/sdn/vnets/labnet/subnets"), Map.of("pending", "1"), Map.of());
    }

    @Test
    void oneSubnetByCidrIsReadByItsIdWithTheZoneOfItsVnet() {
        pack.proxmox().respond("GET", "/cluster/sdn/vnets/labnet", """
                {"vnet":"labnet","zone":"lab","type":"vnet"}""");
        pack.proxmox().respond("GET", "/cluster/sdn/vnets/labnet/subnets/lab-10.10.10.0-24", """
                {"subnet":"lab-10.10.10.0-24","type":"subnet","vnet":"labnet","gateway":"10.10.10.1","state":"changed",
                 "pending":{"gateway":"10.10.10.254"},"digest":"d"}""");

        assertOk("""
                gateway: 10.10.10.254
                subnet: lab-10.10.10.0-24
                type: subnet
                vnet: labnet
                pending: gateway 10.10.10.1 -> 10.10.10.254; apply with proxmox_sdn_apply""",
                pack.call("proxmox_sdn_get", "{\"kind\":\"subnet\",\"vnet\":\"labnet\",\"id\":\"10.10.10.0/24\"}"));
        assertEquals(List.of("GET /cluster/sdn/vnets/labnet", "GET /cluster/sdn/vnets/labnet/subnets/lab-10.10.10.0-24"),
                pack.lines());
        assertRequest(pack.request(0), Map.of(), Map.of());
        assertRequest(pack.request(1), Map.of("pending", "1"), Map.of());
    }

    @Test
    void anIpamShowsItsConfigWithoutItsTokenAndTheAddressesItHolds() {
        pack.proxmox().respond("GET", "/cluster/sdn/ipams/nb", """
                {"ipam":"nb","type":"netbox","url":"https://netbox/api","token":"s3cr3t-token","digest":"d"}""");
        pack.proxmox().respond("GET", "/cluster/sdn/ipams/nb/status", """
                [{"zone":"lab","vnet":"labnet","subnet":"10.10.10.0/24","ip":"10.10.10.1","gateway":1},
                 {"zone":"lab","vnet":"labnet","subnet":"10.10.10.0/24","ip":"10.10.10.100","mac":"BC:24:11:00:00:01",
                  "vmid":100,"hostname":"web"}]""");

        var result = pack.call("proxmox_sdn_get", "{\"kind\":\"ipam\",\"id\":\"nb\"}");
        assertOk("""
                ipam: nb
                token: (set)
                type: netbox
                url: https://netbox/api

                ZONE  VNET    SUBNET         IP            MAC                VMID  HOSTNAME
                lab   labnet  10.10.10.0/24  10.10.10.1    -                  -     (gateway)
                lab   labnet  10.10.10.0/24  10.10.10.100  BC:24:11:00:00:01  100   web""", result);
        assertEquals(List.of("GET /cluster/sdn/ipams/nb", "GET /cluster/sdn/ipams/nb/status"), pack.lines().stream().sorted().toList());
        pack.proxmox().requests().forEach(r -> assertEquals(Map.of(), r.query()));
    }

    @Test
    void ipamsAndDnsHaveNoPendingState() {
        pack.proxmox().respond("GET", "/cluster/sdn/dns", """
                [{"dns":"pdns","type":"powerdns","url":"http://pdns:8081","key":"k","ttl":300}]""");

        assertOk("""
                DNS   TYPE      SETTINGS
                pdns  powerdns  url=http://pdns:8081 key=(set) ttl=300""", pack.call("proxmox_sdn_get", "{\"kind\":\"dns\"}"));
        assertRequest(pack.only("GET", "/cluster/sdn/dns"), Map.of(), Map.of());
    }

    @Test
    void fabricsAndTheirNodes() {
        pack.proxmox().respond("GET", "/cluster/sdn/fabrics/fabric", """
                [{"id":"f1","protocol":"openfabric","ip_prefix":"10.0.0.0/24","hello_interval":3,"digest":"d"}]""");
        assertOk("""
                FABRIC  TYPE        SETTINGS                                STATE
                f1      openfabric  ip_prefix=10.0.0.0/24 hello_interval=3  -""", pack.call("proxmox_sdn_get", "{\"kind\":\"fabric\"}"));
        assertRequest(pack.only("GET", "/cluster/sdn/fabrics/fabric"), Map.of("pending", "1"), Map.of());

        pack.proxmox().reset();
        pack.proxmox().respond("GET", "/cluster/sdn/fabrics/node/f1", """
                [{"node_id":"pve1","fabric_id":"f1","protocol":"openfabric","ip":"10.0.0.1",
                  "interfaces":["name=ens19","name=ens20"],"state":"new","pending":{}}]""");
        assertOk("""
                FABRIC NODE  TYPE        SETTINGS                                      STATE
                pve1         openfabric  ip=10.0.0.1 interfaces=name=ens19,name=ens20  new
                pending changes: apply them with proxmox_sdn_apply""",
                pack.call("proxmox_sdn_get", "{\"kind\":\"fabric_node\",\"fabric\":\"f1\"}"));
        assertRequest(pack.only("GET", "/cluster/sdn/fabrics/node/f1"), Map.of("pending", "1"), Map.of());
    }

    @Test
    void theIpsOfAVnetComeFromTheIpamOfItsZone() {
        pack.proxmox().respond("GET", "/cluster/sdn/vnets/labnet", "{\"vnet\":\"labnet\",\"zone\":\"lab\"}");
        pack.proxmox().respond("GET", "/cluster/sdn/zones/lab", "{\"zone\":\"lab\",\"type\":\"simple\",\"ipam\":\"pve\"}");
        pack.proxmox().respond("GET", "/cluster/sdn/ipams/pve/status", """
                [{"zone":"lab","vnet":"labnet","subnet":"10.10.10.0/24","ip":"10.10.10.5","mac":"BC:24:11:00:00:02"},
                 {"zone":"lab","vnet":"other","subnet":"10.20.0.0/24","ip":"10.20.0.5"}]""");

        assertOk("""
                ZONE  VNET    SUBNET         IP          MAC                VMID  HOSTNAME
                lab   labnet  10.10.10.0/24  10.10.10.5  BC:24:11:00:00:02  -     -""",
                pack.call("proxmox_sdn_get", "{\"kind\":\"ip\",\"vnet\":\"labnet\"}"));
        assertEquals(List.of("GET /cluster/sdn/vnets/labnet", "GET /cluster/sdn/zones/lab", "GET /cluster/sdn/ipams/pve/status"),
                pack.lines());
    }

    @Test
    void anEmptyListSaysSo() {
        pack.proxmox().respond("GET", "/cluster/sdn/controllers", "[]");

        assertOk("no SDN controllers", pack.call("proxmox_sdn_get", "{\"kind\":\"controller\"}"));
    }

    @Test
    void aMissingObjectKeepsProxmoxsMessage() {
        pack.proxmox().fail("GET", "/cluster/sdn/zones/nope", 500, "sdn 'nope' does not exist", Map.of());

        assertEquals("Proxmox API error 500: sdn 'nope' does not exist",
                pack.error("proxmox_sdn_get", "{\"kind\":\"zone\",\"id\":\"nope\"}").text().lines().findFirst().orElseThrow());
    }

    @Test
    void badOrHostileInputSendsNothing() {
        pack.invalid("proxmox_sdn_get", "{\"kind\":\"zone\",\"id\":\"../x\"}", "id: must be an SDN zone id");
        pack.invalid("proxmox_sdn_get", "{\"kind\":\"vnet\",\"id\":\"a/b\"}", "id: must be an SDN vnet id");
        pack.invalid("proxmox_sdn_get", "{\"kind\":\"subnet\",\"vnet\":\"labnet\",\"id\":\"10.0.0.0/24/../x\"}",
                "id: must be an SDN subnet");
        pack.invalid("proxmox_sdn_get", "{\"kind\":\"subnet\"}", "vnet is required for kind=subnet");
        pack.invalid("proxmox_sdn_get", "{\"kind\":\"zone\",\"vnet\":\"labnet\"}", "vnet does not go with kind=zone");
        pack.invalid("proxmox_sdn_get", "{\"kind\":\"fabric_node\",\"fabric\":\"f1\",\"vnet\":\"v1\"}",
                "vnet does not go with kind=fabric_node");
        pack.invalid("proxmox_sdn_get", "{\"kind\":\"subnet\",\"vnet\":\"../x\"}", "vnet: must be an SDN vnet id");
        pack.invalid("proxmox_sdn_get", "{\"kind\":\"ip\",\"vnet\":\"labnet\",\"id\":\"10.0.0.1\"}", "leave id out");
        pack.invalid("proxmox_sdn_get", "{}", "kind");
    }
}
