package io.github.proxmoxmcp.node;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Identifiers that would leave their path segment are refused with the field's name, and nothing is sent. */
@MicronautTest
class NodeHostileIdentifiersTest implements MockProxmoxTest {

    private static final String NODE_ERROR = "node: must be a node name: letters, digits and inner '-', e.g. pve1; got ";

    @Inject
    PackCalls pack;

    @ParameterizedTest
    @MethodSource("io.github.proxmoxmcp.core.testing.HostileValues#identifiers")
    void hostileNodeIsRefusedByEveryNodeTool(String node) {
        for (String tool : List.of("proxmox_node_status", "proxmox_node_log_get", "proxmox_node_task_list",
                "proxmox_node_network_get", "proxmox_node_service_list", "proxmox_node_wake", "proxmox_node_rrd_get",
                "proxmox_node_apt_get", "proxmox_node_replication_get")) {
            pack.invalid(tool, Map.of("node", node), NODE_ERROR);
        }
        pack.invalid("proxmox_node_power_control", Map.of("node", node, "command", "reboot", "confirm", true), NODE_ERROR);
        pack.invalid("proxmox_node_guests_control", Map.of("node", "pve1", "action", "migrate", "target", node, "confirm", true),
                "target: must be a node name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "UPID:pve1:../../x", "UPID:a/b:1", "", "UPID:pve1:0001 x"})
    void hostileUpidIsRefused(String upid) {
        pack.invalid("proxmox_node_task_get", "{\"upid\":\"" + upid + "\"}", "upid: must be a task id UPID:node:…; got ");
        pack.invalid("proxmox_node_task_stop", "{\"upid\":\"" + upid + "\",\"confirm\":true}", "upid: must be a task id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "vmbr0/..", "a/b", "", "%2F"})
    void hostileInterfaceIsRefused(String iface) {
        pack.invalid("proxmox_node_network_get", "{\"node\":\"pve1\",\"iface\":\"" + iface + "\"}", "iface: must be an interface name");
        pack.invalid("proxmox_node_network_manage", "{\"node\":\"pve1\",\"action\":\"delete\",\"iface\":\"" + iface
                + "\",\"confirm\":true}", "iface: must be an interface name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "100-0/..", "a/b", ""})
    void hostileServiceAndJobIdsAreRefused(String id) {
        pack.invalid("proxmox_node_service_control", "{\"node\":\"pve1\",\"service\":\"" + id + "\",\"action\":\"restart\"}",
                "service: must be a name without '/'");
        pack.invalid("proxmox_node_replication_run", "{\"node\":\"pve1\",\"id\":\"" + id + "\"}", "id: must be a replication job id");
        pack.invalid("proxmox_node_replication_get", "{\"node\":\"pve1\",\"id\":\"" + id + "\"}", "id: must be a replication job id");
    }
}
