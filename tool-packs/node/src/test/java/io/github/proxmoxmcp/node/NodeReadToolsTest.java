package io.github.proxmoxmcp.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.testing.PackExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NodeReadToolsTest {

    @RegisterExtension
    static final PackExtension pack = new PackExtension(new NodePack());

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
