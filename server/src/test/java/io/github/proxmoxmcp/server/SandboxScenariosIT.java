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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an operator does most, end to end: the shaded jar with --sandbox over stdio, driven by the
 * SDK's MCP client. Each test gets a fresh simulated cluster.
 */
class SandboxScenariosIT {

    private final List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
    private McpSyncClient client;

    @BeforeEach
    void start() {
        List<String> command = ServerProcess.command("--sandbox");
        ServerParameters parameters = ServerParameters.builder(command.getFirst())
                .args(command.subList(1, command.size()))
                .env(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                        "PROXMOX_SANDBOX_CLOCK", "2026-01-01T00:00:00Z"))
                .build();
        client = McpClient.sync(new StdioClientTransport(parameters, McpJsonDefaults.getMapper()))
                .requestTimeout(Duration.ofSeconds(60))
                .progressConsumer(progress::add)
                .build();
        client.initialize();
    }

    @AfterEach
    void stop() {
        client.closeGracefully();
    }

    private McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(McpSchema.CallToolRequest.builder().name(tool).arguments(arguments).progressToken(tool).build());
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

    private static String line(String text, String key) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + ": (.*)$").matcher(text);
        assertTrue(m.find(), "no '" + key + "' line in:\n" + text);
        return m.group(1);
    }

    @Test
    void logsReadNewestFirstAndTasksAndNewGuestsNeedNoNode() {
        String syslog = ok("proxmox_node_log_get", Map.of("node", "pve1", "limit", 3));
        assertTrue(syslog.matches("([^\n]+\n){3}… \\d+ older lines \\(start=\\d+ for the page before\\)"), syslog);

        String journal = ok("proxmox_node_log_get", Map.of("node", "pve1", "source", "journal", "limit", 2));
        assertEquals(4, journal.lines().count(), journal);
        String older = ok("proxmox_node_log_get", Map.of("node", "pve1", "source", "journal", "limit", 2,
                "endcursor", line(journal, "older").substring("endcursor=".length())));
        assertEquals(4, older.lines().count(), older);
        assertFalse(journal.lines().limit(2).anyMatch(l -> older.lines().limit(2).toList().contains(l)), older);

        String tasks = ok("proxmox_node_task_list", Map.of("limit", 5));
        assertTrue(tasks.startsWith("START ") && tasks.lines().findFirst().orElseThrow().contains(" NODE "), tasks);

        String created = ok("proxmox_guest_create_vm", Map.of("name", "placed", "memory", 512));
        Matcher chosen = Pattern.compile("node (pve\\d) chosen: the online node with the most free memory \\(.+\\)\n"
                + "creation of VM (\\d+) on \\1: task OK .*").matcher(created);
        assertTrue(chosen.matches(), created);
        assertTrue(ok("proxmox_guest_list", Map.of("node", chosen.group(1))).contains("placed"));
    }

    @Test
    void provisionFromTheCloudInitTemplateAndStart() {
        String provisioned = ok("proxmox_guest_provision", Map.of("template", 9000, "name", "web02", "ciuser", "admin",
                "sshKeys", "ssh-ed25519 AAAAC3Nza admin@laptop", "ip", "192.168.10.50/24", "gw", "192.168.10.1"));

        assertTrue(provisioned.matches("""
                VM 107 "web02" on pve1 provisioned from template 9000
                clone of template 9000 to VM 107: task OK \\(UPID:pve1:00001B51:00A0BF37:6955B900:qmclone:9000:root@pam!sandbox:\\)
                resize of scsi0 from 3.0 GiB to 64G: task OK \\(UPID:pve1:00001B85:00A0C0A3:6955B901:qmresize:107:root@pam!sandbox:\\)
                cloud-init config \\(ciuser, sshkeys, ipconfig0\\): task OK \\(UPID:pve1:00001BBF:00A0C239:6955B902:qmconfig:107:root@pam!sandbox:\\)
                start: task OK \\(UPID:pve1:00001BFB:00A0C3DD:6955B903:qmstart:107:root@pam!sandbox:\\)
                guest agent: answering after \\d+s"""), provisioned);
        String config = ok("proxmox_guest_get", Map.of("vmid", 107, "view", "config"));
        assertEquals("admin", line(config, "ciuser"));
        assertEquals("ip=192.168.10.50/24,gw=192.168.10.1", line(config, "ipconfig0"));
        assertEquals("ssh-ed25519%20AAAAC3Nza%20admin%40laptop", line(config, "sshkeys"));
        assertTrue(line(config, "scsi0").endsWith("size=64G"), config);
        assertEquals("running", line(ok("proxmox_guest_get", Map.of("vmid", 107)), "status"));
        assertFalse(progress.isEmpty(), "task waits report progress to a client that sent a progress token");
    }

    @Test
    void snapshotChangeRollBack() {
        String before = line(ok("proxmox_guest_get", Map.of("vmid", 102, "view", "config")), "memory");
        ok("proxmox_guest_snapshot", Map.of("vmid", 102, "action", "create", "snapname", "before_resize"));
        ok("proxmox_guest_config_update", Map.of("vmid", 102, "set", Map.of("memory", "16384")));
        assertEquals("16384", line(ok("proxmox_guest_get", Map.of("vmid", 102, "view", "config")), "memory"));

        String refused = failed("proxmox_guest_snapshot", Map.of("vmid", 102, "action", "rollback", "snapname", "before_resize"));
        assertTrue(refused.contains("confirm: true"), refused);
        assertEquals("16384", line(ok("proxmox_guest_get", Map.of("vmid", 102, "view", "config")), "memory"));

        ok("proxmox_guest_snapshot", Map.of("vmid", 102, "action", "rollback", "snapname", "before_resize", "confirm", true));
        assertEquals(before, line(ok("proxmox_guest_get", Map.of("vmid", 102, "view", "config")), "memory"));
        assertTrue(ok("proxmox_guest_snapshot_list", Map.of("vmid", 102)).contains("before_resize"));
    }

    @Test
    void migrateMovesTheGuest() {
        ok("proxmox_guest_migrate", Map.of("vmid", 102, "target", "pve2"));
        String listed = ok("proxmox_guest_list", Map.of("name", "win-test"));
        assertTrue(listed.lines().anyMatch(l -> l.startsWith("102 ") && l.contains(" pve2 ")), listed);
    }

    @Test
    void backUpAndRestore() {
        String backup = ok("proxmox_guest_backup", Map.of("vmid", 102, "storage", "local", "mode", "stop"));
        assertTrue(backup.contains("task OK"), backup);
        String backups = ok("proxmox_guest_backup_list", Map.of("vmid", 102, "storage", "local"));
        Matcher volid = Pattern.compile("local:backup/vzdump-qemu-102-\\S+").matcher(backups);
        assertTrue(volid.find(), backups);

        ok("proxmox_guest_restore", Map.of("node", "pve1", "vmid", 300, "type", "qemu", "archive", volid.group(), "storage", "local-lvm"));
        String restored = ok("proxmox_guest_get", Map.of("vmid", 300, "view", "config"));
        assertEquals(line(ok("proxmox_guest_get", Map.of("vmid", 102, "view", "config")), "memory"), line(restored, "memory"));
    }

    @Test
    void deletingARunningGuestIsRefusedAndNothingIsLost() {
        String refused = failed("proxmox_guest_delete", Map.of("vmid", 100, "confirm", true));
        assertEquals("VM 100 is running: nothing was deleted. Pass stop: true to stop it first, "
                + "or shut it down with proxmox_guest_power.", refused);
        assertEquals("running", line(ok("proxmox_guest_get", Map.of("vmid", 100)), "status"));
    }

    @Test
    void aFailingTaskReportsItsLogTail() {
        String failure = failed("proxmox_guest_power", Map.of("vmid", 105, "action", "start"));
        assertEquals("""
                start of VM 105: task failed: no PCI device found for '0000:41:00.0' \
                (UPID:pve3:00001B36:00A0BE7A:6955B900:qmstart:105:root@pam!sandbox:)
                last log lines:
                  TASK ERROR: no PCI device found for '0000:41:00.0'""", failure);
        assertEquals("stopped", line(ok("proxmox_guest_get", Map.of("vmid", 105)), "status"));
    }
}
