package io.github.proxmoxmcp.sdn;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** proxmox_sdn_node_get: every view's path and text; ids checked against the view's format. */
@MicronautTest
class SdnNodeToolTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    @Override
    public Map<String, Object> properties() {
        return Map.of("proxmox.default-node", "pve1");
    }

    @Test
    void zoneStatusOnTheDefaultNode() {
        pack.proxmox().respond("GET", "/nodes/pve1/sdn/zones", """
                [{"zone":"lab","status":"available"},{"zone":"vlan1","status":"pending"}]""");

        assertOk("""
                ZONE   STATUS
                lab    available
                vlan1  pending""", pack.call("proxmox_sdn_node_get", "{}"));
        assertRequest(pack.only("GET", "/nodes/pve1/sdn/zones"), Map.of(), Map.of());
    }

    @Test
    void theVnetsOfAZone() {
        pack.proxmox().respond("GET", "/nodes/pve2/sdn/zones/lab/content", """
                [{"vnet":"labnet","status":"available"},{"vnet":"web","status":"error","statusmsg":"missing bridge"}]""");

        assertOk("""
                VNET    STATUS     MESSAGE
                labnet  available  -
                web     error      missing bridge""",
                pack.call("proxmox_sdn_node_get", "{\"view\":\"vnets\",\"node\":\"pve2\",\"id\":\"lab\"}"));
        pack.only("GET", "/nodes/pve2/sdn/zones/lab/content");
    }

    @Test
    void theBridgesOfAZoneWithTheirGuestPorts() {
        pack.proxmox().respond("GET", "/nodes/pve1/sdn/zones/lab/bridges", """
                [{"name":"labnet","vlan_filtering":"0","ports":[{"name":"tap100i0","vmid":100,"index":"0"},
                  {"name":"veth101i0","vmid":101,"primary_vlan":10}]}]""");

        assertOk("""
                BRIDGE  VLAN_FILTERING  PORTS
                labnet  0               tap100i0 (VM 100), veth101i0 (VM 101, vlan 10)""",
                pack.call("proxmox_sdn_node_get", "{\"view\":\"bridges\",\"id\":\"lab\"}"));
        pack.only("GET", "/nodes/pve1/sdn/zones/lab/bridges");
    }

    @Test
    void vrfTablesOfAZoneAndAVnet() {
        pack.proxmox().respond("GET", "/nodes/pve1/sdn/zones/evpn1/ip-vrf", """
                [{"ip":"10.0.1.0/24","protocol":"bgp","metric":20,"nexthops":["10.255.0.2","10.255.0.3"]}]""");
        assertOk("""
                IP           PROTOCOL  METRIC  NEXTHOPS
                10.0.1.0/24  bgp       20      10.255.0.2,10.255.0.3""",
                pack.call("proxmox_sdn_node_get", "{\"view\":\"ip_vrf\",\"id\":\"evpn1\"}"));
        pack.only("GET", "/nodes/pve1/sdn/zones/evpn1/ip-vrf");

        pack.proxmox().reset();
        pack.proxmox().respond("GET", "/nodes/pve1/sdn/vnets/web/mac-vrf", """
                [{"ip":"10.0.1.5","mac":"bc:24:11:00:00:01","nexthop":"10.255.0.2"}]""");
        assertOk("""
                IP        MAC                NEXTHOP
                10.0.1.5  bc:24:11:00:00:01  10.255.0.2""", pack.call("proxmox_sdn_node_get", "{\"view\":\"mac_vrf\",\"id\":\"web\"}"));
        pack.only("GET", "/nodes/pve1/sdn/vnets/web/mac-vrf");
    }

    @Test
    void aFabricsRoutesNeighborsAndInterfaces() {
        pack.proxmox().respond("GET", "/nodes/pve1/sdn/fabrics/f1/routes", "[{\"route\":\"10.0.0.2/32\",\"via\":[\"10.0.0.2\"]}]");
        pack.proxmox().respond("GET", "/nodes/pve1/sdn/fabrics/f1/neighbors",
                "[{\"neighbor\":\"pve2\",\"status\":\"Up\",\"uptime\":\"8h24m12s\"}]");
        pack.proxmox().respond("GET", "/nodes/pve1/sdn/fabrics/f1/interfaces",
                "[{\"name\":\"ens19\",\"type\":\"Point-to-Point\",\"state\":\"up\"}]");

        assertOk("ROUTE        VIA\n10.0.0.2/32  10.0.0.2", pack.call("proxmox_sdn_node_get", "{\"view\":\"routes\",\"id\":\"f1\"}"));
        assertOk("NEIGHBOR  STATUS  UPTIME\npve2      Up      8h24m12s",
                pack.call("proxmox_sdn_node_get", "{\"view\":\"neighbors\",\"id\":\"f1\"}"));
        assertOk("NAME   TYPE            STATE\nens19  Point-to-Point  up",
                pack.call("proxmox_sdn_node_get", "{\"view\":\"interfaces\",\"id\":\"f1\"}"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("GET /nodes/pve1/sdn/fabrics/f1/routes",
                "GET /nodes/pve1/sdn/fabrics/f1/neighbors", "GET /nodes/pve1/sdn/fabrics/f1/interfaces"), pack.lines());
    }

    @Test
    void dryRunShowsWhatApplyingWouldChange() {
        pack.proxmox().respond("GET", "/cluster/sdn/dry-run", """
                {"interfaces-diff":"+auto web\\n+iface web\\n","frr-diff":""}""");

        assertOk("""
                applying the pending SDN changes would change on pve1:
                /etc/network/interfaces.d/sdn:
                +auto web
                +iface web""", pack.call("proxmox_sdn_node_get", "{\"view\":\"dry_run\"}"));
        assertRequest(pack.only("GET", "/cluster/sdn/dry-run"), Map.of("node", "pve1"), Map.of());
    }

    @Test
    void emptyAnswersSaySo() {
        pack.proxmox().respond("GET", "/cluster/sdn/dry-run", "{}");
        assertOk("applying the pending SDN changes would change nothing on pve1",
                pack.call("proxmox_sdn_node_get", "{\"view\":\"dry_run\"}"));

        pack.proxmox().respond("GET", "/nodes/pve1/sdn/zones/lab/content", "[]");
        assertOk("no vnets in zone lab on pve1", pack.call("proxmox_sdn_node_get", "{\"view\":\"vnets\",\"id\":\"lab\"}"));
    }

    @Test
    void badOrHostileInputSendsNothing() {
        pack.invalid("proxmox_sdn_node_get", "{\"view\":\"vnets\",\"id\":\"../x\"}", "id: must be an SDN zone id");
        pack.invalid("proxmox_sdn_node_get", "{\"view\":\"mac_vrf\",\"id\":\"a/b\"}", "id: must be an SDN vnet id");
        pack.invalid("proxmox_sdn_node_get", "{\"view\":\"routes\",\"id\":\"f/1\"}", "id: must be an SDN fabric id");
        pack.invalid("proxmox_sdn_node_get", "{\"view\":\"zones\",\"node\":\"pve1/../x\"}", "node: must be a node name");
        pack.invalid("proxmox_sdn_node_get", "{\"view\":\"bridges\"}", "id (the zone) is required for view=bridges");
        pack.invalid("proxmox_sdn_node_get", "{\"view\":\"zones\",\"id\":\"lab\"}", "id does not go with view=zones");
    }
}
