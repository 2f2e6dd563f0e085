package io.github.proxmoxmcp.node;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static io.github.proxmoxmcp.core.testing.TaskIds.UPID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
class NodeNetworkToolsTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    @Test
    void networkListFiltersByTypeAndRendersATable() {
        pack.proxmox().respond("GET", "/nodes/pve1/network", """
                [{"iface":"vmbr0","type":"bridge","active":1,"autostart":1,"cidr":"10.0.0.2/24","gateway":"10.0.0.1",
                  "bridge_ports":"eno1","comments":"uplink\\n"},
                 {"iface":"bond0","type":"bond","active":0,"slaves":"eno2 eno3","cidr6":"fd00::2/64"}]""");

        String text = pack.ok("proxmox_node_network_get", "{\"node\":\"pve1\",\"type\":\"any_bridge\"}").text();

        assertEquals("""
                IFACE  TYPE    ACTIVE  AUTO  ADDRESS      GATEWAY   PORTS      COMMENTS
                bond0  bond    no      no    fd00::2/64   -         eno2 eno3  -
                vmbr0  bridge  yes     yes   10.0.0.2/24  10.0.0.1  eno1       uplink""", text);
        assertRequest(pack.only("GET", "/nodes/pve1/network"), Map.of("type", "any_bridge"), Map.of());
    }

    @Test
    void networkGetOfOneInterfaceShowsItsConfig() {
        pack.proxmox().respond("GET", "/nodes/pve1/network/vmbr0", """
                {"type":"bridge","method":"static","cidr":"10.0.0.2/24","bridge_vlan_aware":1}""");

        String text = pack.ok("proxmox_node_network_get", "{\"node\":\"pve1\",\"iface\":\"vmbr0\"}").text();

        assertEquals("""
                bridge_vlan_aware: 1
                cidr: 10.0.0.2/24
                method: static
                type: bridge""", text);
        assertRequest(pack.only("GET", "/nodes/pve1/network/vmbr0"), Map.of(), Map.of());
    }

    @Test
    void networkGetOfAnUnknownInterfaceIsAProxmoxError() {
        pack.proxmox().fail("GET", "/nodes/pve1/network/vmbr9", 500, "interface does not exist", Map.of());

        assertEquals("Proxmox API error 500: interface does not exist",
                pack.error("proxmox_node_network_get", "{\"node\":\"pve1\",\"iface\":\"vmbr9\"}").text().lines().findFirst().orElseThrow());
    }

    @Test
    void createBridgePostsEveryGivenField() {
        pack.proxmox().respond("POST", "/nodes/pve1/network", "null");

        String text = pack.ok("proxmox_node_network_manage", """
                {"node":"pve1","action":"create","iface":"vmbr1","type":"bridge","cidr":"10.1.0.2/24","gateway":"10.1.0.1",
                 "bridge_ports":"eno2 eno3","set":{"cidr6":"fd01::2/64","gateway6":"fd01::1","bridge_vlan_aware":true,
                 "autostart":true,"comments":"lab","mtu":9000}}""").text();

        assertEquals("interface vmbr1 created on pve1; pending until proxmox_node_network_apply", text);
        assertRequest(pack.only("POST", "/nodes/pve1/network"), Map.of(), Map.ofEntries(
                Map.entry("iface", "vmbr1"), Map.entry("type", "bridge"), Map.entry("cidr", "10.1.0.2/24"),
                Map.entry("gateway", "10.1.0.1"), Map.entry("cidr6", "fd01::2/64"), Map.entry("gateway6", "fd01::1"),
                Map.entry("bridge_ports", "eno2 eno3"), Map.entry("bridge_vlan_aware", "1"), Map.entry("autostart", "1"),
                Map.entry("comments", "lab"), Map.entry("mtu", "9000")));
    }

    @Test
    void createBondAndVlanUseTheirWireNames() {
        pack.proxmox().respond("POST", "/nodes/pve1/network", "null");

        pack.ok("proxmox_node_network_manage", """
                {"node":"pve1","action":"create","iface":"bond0","type":"bond","set":{"bond_mode":"802.3ad","slaves":"eno2 eno3"}}""");
        pack.ok("proxmox_node_network_manage", """
                {"node":"pve1","action":"create","iface":"mgmt","type":"vlan","set":{"vlan-id":20,"vlan-raw-device":"bond0",
                 "address":"10.2.0.2","netmask":"255.255.255.0"}}""");

        var requests = pack.proxmox().requests();
        assertEquals(Map.of("iface", "bond0", "type", "bond", "bond_mode", "802.3ad", "slaves", "eno2 eno3"),
                requests.get(0).form());
        assertEquals(Map.of("iface", "mgmt", "type", "vlan", "vlan-id", "20", "vlan-raw-device", "bond0",
                "address", "10.2.0.2", "netmask", "255.255.255.0"), requests.get(1).form());
    }

    @Test
    void updatePutsSettingsAndDeletes() {
        pack.proxmox().respond("PUT", "/nodes/pve1/network/vmbr1", "null");

        String text = pack.ok("proxmox_node_network_manage", """
                {"node":"pve1","action":"update","iface":"vmbr1","type":"bridge","set":{"comments":"lab2"},"unset":["gateway","mtu"]}""")
                .text();

        assertEquals("interface vmbr1 updated on pve1; pending until proxmox_node_network_apply", text);
        assertRequest(pack.only("PUT", "/nodes/pve1/network/vmbr1"), Map.of(),
                Map.of("type", "bridge", "comments", "lab2", "delete", "gateway,mtu"));
    }

    @Test
    void deleteNeedsConfirmAndSendsADelete() {
        pack.refusedWithoutConfirm("proxmox_node_network_manage", "{\"node\":\"pve1\",\"action\":\"delete\",\"iface\":\"vmbr1\"}");

        pack.proxmox().respond("DELETE", "/nodes/pve1/network/vmbr1", "null");
        String text = pack.ok("proxmox_node_network_manage",
                "{\"node\":\"pve1\",\"action\":\"delete\",\"iface\":\"vmbr1\",\"confirm\":true}").text();

        assertEquals("interface vmbr1 deleted on pve1; pending until proxmox_node_network_apply", text);
        assertRequest(pack.only("DELETE", "/nodes/pve1/network/vmbr1"), Map.of(), Map.of());
    }

    @Test
    void createWithoutTypeOrWithABadSetKeyOrValueSendsNothing() {
        pack.invalid("proxmox_node_network_manage", "{\"node\":\"pve1\",\"action\":\"create\",\"iface\":\"vmbr1\"}",
                "type is required for action=create");
        pack.invalid("proxmox_node_network_manage",
                "{\"node\":\"pve1\",\"action\":\"create\",\"iface\":\"bond0\",\"type\":\"bond\",\"set\":{\"bond_mode\":\"lacp\"}}",
                "set.bond_mode must be one of [balance-rr, active-backup, balance-xor, broadcast, 802.3ad, balance-tlb, "
                        + "balance-alb, balance-slb, lacp-balance-slb, lacp-balance-tcp]; got 'lacp'");
        pack.invalid("proxmox_node_network_manage",
                "{\"node\":\"pve1\",\"action\":\"create\",\"iface\":\"vmbr1\",\"type\":\"bridge\",\"set\":{\"vlan-id\":5000}}",
                "set.vlan-id must be a whole number from 1 to 4094; got '5000'");
        pack.invalid("proxmox_node_network_manage",
                "{\"node\":\"pve1\",\"action\":\"create\",\"iface\":\"vmbr1\",\"type\":\"bridge\",\"set\":{\"ovs_ports\":\"x\"}}",
                "set.ovs_ports is not a key of set; it takes [address, autostart, bond_mode, bond_xmit_hash_policy, bridge_vids, "
                        + "bridge_vlan_aware, cidr6, comments, gateway6, mtu, netmask, slaves, vlan-id, vlan-raw-device]");
    }

    @Test
    void createRejectedByProxmoxShowsTheFieldError() {
        pack.proxmox().fail("POST", "/nodes/pve1/network", 400, "Parameter verification failed.", Map.of("cidr", "invalid format"));

        String text = pack.error("proxmox_node_network_manage",
                "{\"node\":\"pve1\",\"action\":\"create\",\"iface\":\"vmbr1\",\"type\":\"bridge\",\"cidr\":\"10.1.0.2\"}").text();

        assertEquals("Proxmox API error 400: Parameter verification failed.", text.lines().findFirst().orElseThrow());
        assertEquals(true, text.contains("cidr: invalid format"), text);
    }

    @Test
    void applyPutsAndWaitsOnTheTask() {
        pack.taskEndsOk("PUT", "/nodes/pve1/network");

        String text = pack.ok("proxmox_node_network_apply", "{\"node\":\"pve1\"}").text();

        assertEquals("network apply on pve1: task OK (" + UPID + ")", text);
        assertRequest(pack.startedAndAwaited("PUT", "/nodes/pve1/network"), Map.of(), Map.of());
    }

    @Test
    void revertNeedsConfirmAndSendsADelete() {
        pack.refusedWithoutConfirm("proxmox_node_network_apply", "{\"node\":\"pve1\",\"action\":\"revert\"}");

        pack.proxmox().respond("DELETE", "/nodes/pve1/network", "null");
        String text = pack.ok("proxmox_node_network_apply", "{\"node\":\"pve1\",\"action\":\"revert\",\"confirm\":true}").text();

        assertEquals("pending network changes on pve1 reverted", text);
        assertRequest(pack.only("DELETE", "/nodes/pve1/network"), Map.of(), Map.of());
    }
}
