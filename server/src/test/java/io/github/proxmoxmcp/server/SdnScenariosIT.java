package io.github.proxmoxmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The everyday SDN jobs end to end: the shaded jar with --sandbox over stdio, driven by the SDK's MCP client, a fresh
 * simulated PVE 9 cluster per test. The seed has a simple zone lab with the pve IPAM, its vnet labnet and the subnet
 * 10.10.10.0/24 (gateway 10.10.10.1), all applied; vm 102 is stopped on pve1.
 */
class SdnScenariosIT {

    private static final String PENDING = "; pending until applied with proxmox_sdn_apply";

    private McpSyncClient client;

    @BeforeEach
    void start() {
        List<String> command = ServerProcess.command("--sandbox");
        ServerParameters parameters = ServerParameters.builder(command.getFirst())
                .args(command.subList(1, command.size()))
                .env(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                        "PROXMOX_SANDBOX_CLOCK", "2026-01-01T00:00:00Z", "PROXMOX_SANDBOX_PVE", "9"))
                .build();
        client = McpClient.sync(new StdioClientTransport(parameters, McpJsonDefaults.getMapper()))
                .requestTimeout(Duration.ofSeconds(60))
                .build();
        client.initialize();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.closeGracefully();
        }
    }

    private McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(McpSchema.CallToolRequest.builder().name(tool).arguments(arguments).build());
    }

    private String ok(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = call(tool, arguments);
        String text = text(result);
        assertFalse(Boolean.TRUE.equals(result.isError()), tool + " failed: " + text);
        return text;
    }

    private String failed(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = call(tool, arguments);
        assertTrue(Boolean.TRUE.equals(result.isError()), tool + " should have failed: " + text(result));
        return text(result);
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().getFirst()).text();
    }

    @Test
    void aVlanZoneWithAVnetAndASubnetIsPendingThenAppliedAndAVmNicAttachesToIt() {
        assertEquals("SDN zone v1 created" + PENDING, ok("proxmox_sdn_manage", Map.of("action", "create", "kind", "zone",
                "id", "v1", "set", Map.of("type", "vlan", "bridge", "vmbr0"))));
        assertEquals("SDN vnet web created" + PENDING, ok("proxmox_sdn_manage", Map.of("action", "create", "kind", "vnet",
                "id", "web", "set", Map.of("zone", "v1", "tag", 10))));
        assertEquals("SDN subnet 10.0.10.0/24 created" + PENDING, ok("proxmox_sdn_manage", Map.of("action", "create",
                "kind", "subnet", "vnet", "web", "id", "10.0.10.0/24", "set", Map.of("gateway", "10.0.10.1"))));

        assertEquals("""
                ZONE  TYPE    SETTINGS                                    STATE
                lab   simple  dhcp=dnsmasq ipam=pve nodes=pve1,pve2,pve3  -
                v1    vlan    bridge=vmbr0                                new
                pending changes: apply them with proxmox_sdn_apply""", ok("proxmox_sdn_get", Map.of("kind", "zone")));
        assertTrue(ok("proxmox_sdn_node_get", Map.of("view", "dry_run", "node", "pve1"))
                .contains("+auto web\n+iface web\n+\tbridge_ports vmbr0.10"));

        assertTrue(ok("proxmox_sdn_apply", Map.of("confirm", true)).startsWith("SDN apply: task OK (UPID:"));
        assertFalse(ok("proxmox_sdn_get", Map.of("kind", "vnet")).contains("pending"));
        assertEquals("""
                ZONE  STATUS
                lab   available
                v1    available""", ok("proxmox_sdn_node_get", Map.of("node", "pve1")));

        assertTrue(ok("proxmox_guest_nic", Map.of("vmid", 102, "action", "set", "index", 1, "bridge", "web"))
                .contains("net1"));
        assertEquals("""
                BRIDGE  VLAN_FILTERING  PORTS
                web     0               tap102i1 (VM 102)""",
                ok("proxmox_sdn_node_get", Map.of("view", "bridges", "node", "pve1", "id", "v1")));
    }

    @Test
    void zonesAndVnetsWithTheirStatus() {
        assertEquals("""
                VNET    SETTINGS                    STATE
                labnet  alias=Lab network zone=lab  -""", ok("proxmox_sdn_get", Map.of("kind", "vnet")));
        assertEquals("""
                SUBNET         SETTINGS                                                                 STATE
                10.10.10.0/24  dhcp-range=10.10.10.100-10.10.10.200 gateway=10.10.10.1 snat=1 zone=lab  -""",
                ok("proxmox_sdn_get", Map.of("kind", "subnet", "vnet", "labnet")));
        assertEquals("""
                ZONE  STATUS
                lab   available""", ok("proxmox_sdn_node_get", Map.of("node", "pve2")));
        assertEquals("""
                VNET    STATUS     MESSAGE
                labnet  available  -""", ok("proxmox_sdn_node_get", Map.of("view", "vnets", "node", "pve2", "id", "lab")));
    }

    @Test
    void aChangeIsShownPendingAndRolledBack() {
        assertEquals("SDN zone lab updated (set mtu)" + PENDING,
                ok("proxmox_sdn_manage", Map.of("action", "update", "kind", "zone", "id", "lab", "set", Map.of("mtu", 1400))));
        String zone = ok("proxmox_sdn_get", Map.of("kind", "zone", "id", "lab"));
        assertTrue(zone.endsWith("pending: mtu=1400 added; apply with proxmox_sdn_apply"), zone);
        assertEquals("""
                ZONE  STATUS
                lab   pending""", ok("proxmox_sdn_node_get", Map.of("node", "pve1")));

        assertTrue(failed("proxmox_sdn_apply", Map.of("rollback", true)).contains("confirm: true"));
        assertEquals("pending SDN changes discarded: the configuration is back to what was last applied",
                ok("proxmox_sdn_apply", Map.of("rollback", true, "confirm", true)));
        assertFalse(ok("proxmox_sdn_get", Map.of("kind", "zone", "id", "lab")).contains("pending"));
    }

    @Test
    void underTheLockWritesNeedTheTokenAndApplyReleasesIt() {
        String locked = ok("proxmox_sdn_lock", Map.of("action", "lock"));
        String token = locked.substring(locked.indexOf("lock token: ") + 12, locked.indexOf('\n'));
        assertTrue(failed("proxmox_sdn_manage", Map.of("action", "create", "kind", "vnet", "id", "db",
                "set", Map.of("zone", "lab")))
                .startsWith("Proxmox API error 500: invalid lock token provided!"));
        ok("proxmox_sdn_manage", Map.of("action", "create", "kind", "vnet", "id", "db", "set", Map.of("zone", "lab"),
                "lock", token));
        assertTrue(ok("proxmox_sdn_apply", Map.of("lock", token, "confirm", true)).startsWith("SDN apply: task OK"));
        assertTrue(ok("proxmox_sdn_lock", Map.of("action", "lock")).startsWith("SDN configuration locked"),
                "the apply released the lock");
    }

    @Test
    void aMacIpMappingShowsInTheVnetsIpam() {
        assertEquals("IP 10.10.10.50 in vnet labnet added to the IPAM for MAC BC:24:11:00:00:50", ok("proxmox_sdn_manage",
                Map.of("action", "create", "kind", "ip", "vnet", "labnet", "id", "10.10.10.50",
                        "set", Map.of("mac", "BC:24:11:00:00:50"))));
        assertEquals("""
                ZONE  VNET    SUBNET         IP           MAC                VMID  HOSTNAME
                lab   labnet  10.10.10.0/24  10.10.10.1   -                  -     (gateway)
                lab   labnet  10.10.10.0/24  10.10.10.50  BC:24:11:00:00:50  -     -""",
                ok("proxmox_sdn_get", Map.of("kind", "ip", "vnet", "labnet")));
    }

    @Test
    void aDuplicateAndAZoneInUseAreRefusedAsProxmoxRefusesThem() {
        assertTrue(failed("proxmox_sdn_manage", Map.of("action", "create", "kind", "zone", "id", "lab",
                "set", Map.of("type", "simple"))).contains("sdn zone object ID 'lab' already defined"));
        assertTrue(failed("proxmox_sdn_manage", Map.of("action", "delete", "kind", "zone", "id", "lab", "confirm", true))
                .contains("zone lab is used by vnet labnet"));
        assertTrue(ok("proxmox_sdn_get", Map.of("kind", "zone")).contains("lab   simple"));
    }
}
