package io.github.proxmoxmcp.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
class NodeReadToolsTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    @Test
    void nodeListSendsOneGetAndRendersATable() {
        pack.proxmox().respond("GET", "/nodes", """
                [{"node":"pve2","status":"offline"},
                 {"node":"pve1","status":"online","cpu":0.125,"mem":4294967296,"maxmem":17179869184,"uptime":"90061"}]""");

        ToolResult result = pack.call("proxmox_node_list", "{}");

        assertEquals(false, result.error());
        assertEquals("""
                NODE  STATUS   CPU    MEM                       UPTIME
                pve1  online   12.5%  4.0 GiB/16.0 GiB (25.0%)  1d 1h
                pve2  offline  -      -                         -""", result.text());
        assertEquals(List.of("GET /nodes"), pack.lines());
        assertEquals(Map.of(), pack.request(0).query());
    }

    @Test
    void nodeStatusSummarisesVersionsLoadAndUsage() {
        pack.proxmox().respond("GET", "/nodes/pve1/status", """
                {"pveversion":"pve-manager/9.1.1/42db4a6c","current-kernel":{"release":"6.17.2-1-pve"},"cpu":0.076,
                 "cpuinfo":{"cpus":16,"model":"AMD EPYC 7313P"},"loadavg":["1.34","1.22","1.10"],
                 "memory":{"used":24803606528,"total":68719476736},"swap":{"used":0,"total":8589934592},
                 "rootfs":{"used":7945689497,"total":100824924160},"uptime":1040400}""");

        assertEquals(ToolResult.ok("""
                node: pve1
                pve: pve-manager/9.1.1/42db4a6c
                kernel: 6.17.2-1-pve
                cpu: 7.6% of 16 cpus (AMD EPYC 7313P)
                load: 1.34 1.22 1.10
                memory: 23.1 GiB/64.0 GiB (36.1%)
                swap: 0 B/8.0 GiB (0.0%)
                rootfs: 7.4 GiB/93.9 GiB (7.9%)
                uptime: 12d 1h"""), pack.call("proxmox_node_status", "{\"node\":\"pve1\"}"));
        assertEquals(List.of("GET /nodes/pve1/status"), pack.lines());
    }

    @Test
    void nodeStatusWithoutNodeOrDefaultIsAnInputErrorAndSendsNothing() {
        ToolResult result = pack.call("proxmox_node_status", "{}");

        assertTrue(result.error());
        assertEquals("Invalid arguments: node is required (or set PROXMOX_DEFAULT_NODE); list nodes with proxmox_node_list. "
                + "Nothing was sent to Proxmox.", result.text());
        pack.assertNothingSent();
    }

    @Test
    void unknownNodeIsANotFoundWithTheProxmoxMessage() {
        pack.proxmox().fail("GET", "/nodes/nope/status", 500, "hostname lookup 'nope' failed - failed to get address info for: nope",
                Map.of());

        ToolResult result = pack.call("proxmox_node_status", "{\"node\":\"nope\"}");

        assertTrue(result.error());
        assertEquals("Proxmox API error 500: hostname lookup 'nope' failed - failed to get address info for: nope",
                result.text());
    }

    @Test
    void unknownArgumentIsRejected() {
        ToolResult result = pack.call("proxmox_node_status", "{\"nodes\":\"pve1\"}");

        assertTrue(result.error());
        assertEquals("Invalid arguments: unknown argument(s) [nodes]; proxmox_node_status takes [node, view]. "
                + "Nothing was sent to Proxmox.", result.text());
        pack.assertNothingSent();
    }
}
