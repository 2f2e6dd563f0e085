package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.testing.PackAssertions.CONFIRM_REFUSAL;
import static io.github.proxmoxmcp.core.testing.PackAssertions.NOT_FOUND_HINT;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.TaskIds.encoded;
import static io.github.proxmoxmcp.core.testing.TaskIds.quoted;
import static io.github.proxmoxmcp.guest.SampleGuests.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Backup and restore, guest agent, consoles, cloud-init. */
@MicronautTest
class GuestOpsToolTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    private static final String QEMU = "\"vmid\":100,\"node\":\"pve1\",";

    @Test
    void backupRunsVzdumpOnTheGuestsNode() {
        resources(pack);
        String upid = pack.finishedTask("pve2", "vzdump", 101);
        pack.proxmox().respond("POST", "/nodes/pve2/vzdump", quoted(upid));

        assertOk("backup of CT 101: task OK (" + upid + ")", pack.call("proxmox_guest_backup",
                "{\"vmid\":101,\"storage\":\"pbs\",\"mode\":\"snapshot\",\"options\":{\"compress\":\"zstd\","
                        + "\"notes-template\":\"{{guestname}}\",\"remove\":false,\"protected\":true}}"));
        assertEquals(List.of("GET /cluster/resources", "POST /nodes/pve2/vzdump", "GET /nodes/pve2/tasks/" + encoded(upid) + "/status"),
                pack.lines());
        assertEquals(Map.of("vmid", "101", "storage", "pbs", "mode", "snapshot", "compress", "zstd",
                "notes-template", "{{guestname}}", "remove", "0", "protected", "1"), pack.request(1).form());
    }

    @Test
    void backupRejectsABadCompressionWithoutSending() {
        assertError("Invalid arguments: options.compress must be one of [0, 1, gzip, lzo, zstd]; got 'xz'. Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_backup", "{\"vmid\":100,\"options\":{\"compress\":\"xz\"}}"));
        assertError("Invalid arguments: options.protect is not a key of options; it takes [bwlimit, compress, notes-template, "
                + "protected, remove]. Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_backup", "{\"vmid\":100,\"options\":{\"protect\":true}}"));
        pack.assertNothingSent();
    }

    @Test
    void backupListNewestFirst() {
        pack.proxmox().respond("GET", "/nodes/pve1/storage/pbs/content", """
                [{"volid":"pbs:backup/vm/100/2024-01-01T00:00:00Z","ctime":1704067200,"size":1073741824},
                 {"volid":"pbs:backup/vm/100/2024-02-01T00:00:00Z","ctime":1706745600,"size":2147483648,"protected":1,"notes":"web1"}]""");

        assertOk("""
                VOLID                                   TIME              SIZE     PROTECTED  NOTES
                pbs:backup/vm/100/2024-02-01T00:00:00Z  2024-02-01 00:00  2.0 GiB  yes        web1
                pbs:backup/vm/100/2024-01-01T00:00:00Z  2024-01-01 00:00  1.0 GiB  -""",
                pack.call("proxmox_guest_backup_list", "{" + QEMU + "\"storage\":\"pbs\"}"));
        assertEquals(Map.of("content", "backup", "vmid", "100"), pack.request(0).query());
    }

    @Test
    void backupListResolvesTheNodeAndSaysWhenEmpty() {
        resources(pack);
        pack.proxmox().respond("GET", "/nodes/pve2/storage/local/content", "[]");

        assertOk("No backups of 101 on local", pack.call("proxmox_guest_backup_list", "{\"vmid\":101,\"storage\":\"local\"}"));
        assertEquals(List.of("GET /cluster/resources", "GET /nodes/pve2/storage/local/content"), pack.lines());
    }

    @Test
    void restoreVmAndContainer() {
        String qm = pack.finishedTask("pve1", "qmrestore", 200);
        String vz = pack.finishedTask("pve1", "vzrestore", 201);
        pack.proxmox().respond("POST", "/nodes/pve1/qemu", quoted(qm));
        pack.proxmox().respond("POST", "/nodes/pve1/lxc", quoted(vz));

        assertOk("restore of VM 200 on pve1: task OK (" + qm + ")", pack.call("proxmox_guest_restore",
                "{\"node\":\"pve1\",\"vmid\":200,\"type\":\"qemu\",\"archive\":\"pbs:backup/vm/100/2024-02-01T00:00:00Z\","
                        + "\"storage\":\"local-lvm\",\"unique\":true}"));
        assertOk("restore of CT 201 on pve1: task OK (" + vz + ")", pack.call("proxmox_guest_restore",
                "{\"node\":\"pve1\",\"vmid\":201,\"type\":\"lxc\",\"archive\":\"local:backup/vzdump-lxc-101.tar.zst\"}"));
        var sent = pack.proxmox().requests().stream().filter(r -> !r.path().contains("/tasks/")).toList();
        assertEquals(Map.of("vmid", "200", "archive", "pbs:backup/vm/100/2024-02-01T00:00:00Z", "storage", "local-lvm", "unique", "1"),
                sent.get(0).form());
        assertEquals(Map.of("vmid", "201", "ostemplate", "local:backup/vzdump-lxc-101.tar.zst", "restore", "1"), sent.get(1).form());
    }

    @Test
    void restoreOverAnExistingGuestNeedsConfirm() {
        String args = "\"node\":\"pve1\",\"vmid\":100,\"type\":\"qemu\",\"archive\":\"pbs:backup/vm/100/x\",\"force\":true";
        assertError("proxmox_guest_restore" + CONFIRM_REFUSAL, pack.call("proxmox_guest_restore", "{" + args + "}"));
        pack.assertNothingSent();

        String upid = pack.finishedTask("pve1", "qmrestore", 100);
        pack.proxmox().respond("POST", "/nodes/pve1/qemu", quoted(upid));
        assertOk("restore of VM 100 on pve1: task OK (" + upid + ")", pack.call("proxmox_guest_restore",
                "{" + args + ",\"confirm\":true}"));
        assertEquals(Map.of("vmid", "100", "archive", "pbs:backup/vm/100/x", "force", "1"), pack.request(0).form());
    }

    @Test
    void agentNetworkInterfacesAsATable() {
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/agent/network-get-interfaces", """
                {"result":[{"name":"lo","hardware-address":"00:00:00:00:00:00","ip-addresses":[{"ip-address":"127.0.0.1","prefix":8}]},
                 {"name":"eth0","hardware-address":"bc:24:11:00:00:01","ip-addresses":[{"ip-address":"10.0.0.5","prefix":24},
                  {"ip-address":"fe80::1","prefix":64}]}]}""");

        assertOk("""
                NAME  MAC                ADDRESSES
                lo    00:00:00:00:00:00  127.0.0.1/8
                eth0  bc:24:11:00:00:01  10.0.0.5/24 fe80::1/64""",
                pack.call("proxmox_guest_agent_get", "{" + QEMU + "\"command\":\"network-get-interfaces\"}"));
        assertEquals(List.of("GET /nodes/pve1/qemu/100/agent/network-get-interfaces"), pack.lines());
    }

    @Test
    void agentOsInfoFsInfoAndPing() {
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/agent/get-osinfo",
                "{\"result\":{\"pretty-name\":\"Ubuntu 24.04\",\"kernel-release\":\"6.8\"}}");
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/agent/get-fsinfo", """
                {"result":[{"mountpoint":"/","type":"ext4","used-bytes":1073741824,"total-bytes":4294967296,"name":"sda1"}]}""");
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/agent/ping", "{\"result\":{}}");

        assertOk("kernel-release: 6.8\npretty-name: Ubuntu 24.04", pack.call("proxmox_guest_agent_get",
                "{" + QEMU + "\"command\":\"get-osinfo\"}"));
        assertOk("MOUNT  TYPE  USED     TOTAL    DEVICE\n/      ext4  1.0 GiB  4.0 GiB  sda1",
                pack.call("proxmox_guest_agent_get", "{" + QEMU + "\"command\":\"get-fsinfo\"}"));
        assertOk("VM 100: guest agent answers", pack.call("proxmox_guest_agent_get", "{" + QEMU + "\"command\":\"ping\"}"));
        assertEquals("POST /nodes/pve1/qemu/100/agent/ping", pack.last().line());
    }

    @Test
    void agentNotRunningAndContainerAndBadCommand() {
        pack.proxmox().fail("GET", "/nodes/pve1/qemu/100/agent/get-osinfo", 500, "QEMU guest agent is not running", Map.of());
        assertError("Proxmox API error 500: QEMU guest agent is not running",
                pack.call("proxmox_guest_agent_get", "{" + QEMU + "\"command\":\"get-osinfo\"}"));

        pack.proxmox().reset();
        resources(pack);
        assertError("Not found: VMID 101 is lxc, not qemu\n" + NOT_FOUND_HINT,
                pack.call("proxmox_guest_agent_get", "{\"vmid\":101,\"command\":\"get-osinfo\"}"));
        pack.proxmox().reset();
        assertTrue(pack.call("proxmox_guest_agent_get", "{\"vmid\":100,\"command\":\"fsfreeze-freeze\"}").error());
        pack.assertNothingSent();
    }

    @Test
    void agentExecPollsUntilExited() {
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/agent/exec", "{\"pid\":42}");
        pack.proxmox().expect("GET", "/nodes/pve1/qemu/100/agent/exec-status", Map.of("pid", "42"), 200, "OK",
                "{\"data\":{\"exited\":0}}", 2);
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/agent/exec-status", Map.of("pid", "42"),
                "{\"exited\":1,\"exitcode\":1,\"out-data\":\"Filesystem  Size\\n/dev/sda1  30G\\n\",\"err-data\":\"warn\"}");

        assertOk("exit code: 1\nstdout:\nFilesystem  Size\n/dev/sda1  30G\nstderr:\nwarn",
                pack.call("proxmox_guest_agent_exec", "{" + QEMU + "\"command\":[\"df\",\"-h\",\"/a b\"],\"input\":\"x&y\"}"));
        assertEquals(List.of("POST /nodes/pve1/qemu/100/agent/exec", "GET /nodes/pve1/qemu/100/agent/exec-status",
                "GET /nodes/pve1/qemu/100/agent/exec-status", "GET /nodes/pve1/qemu/100/agent/exec-status"), pack.lines());
        assertEquals("command=df&command=-h&command=%2Fa+b&input-data=x%26y", pack.request(0).body());
        assertEquals(Map.of("pid", "42"), pack.request(3).query());
    }

    @Test
    void agentExecTimesOutWithThePid() {
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/agent/exec", "{\"pid\":7}");
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/agent/exec-status", Map.of("pid", "7"), "{\"exited\":0}");

        assertError("command still running after 1s (pid 7 in VM 100); its output is no longer collected",
                pack.call("proxmox_guest_agent_exec", "{" + QEMU + "\"command\":[\"sleep\",\"100\"],\"timeout\":1}"));
        assertError("Invalid arguments: command: must not be empty. Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_agent_exec", "{" + QEMU + "\"command\":[]}"));
    }

    @Test
    void agentFileReadAndWrite() {
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/agent/file-read", "{\"content\":\"hello\\n\",\"truncated\":1}");
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/agent/file-write", "null");

        assertOk("hello\n\n… truncated at 6 bytes (use offset/count)",
                pack.call("proxmox_guest_agent_file_read", "{" + QEMU + "\"file\":\"/etc/hostname\",\"count\":6}"));
        assertEquals(Map.of("file", "/etc/hostname", "count", "6"), pack.request(0).query());
        assertOk("wrote 6 bytes to /etc/motd in VM 100",
                pack.call("proxmox_guest_agent_file_write", "{" + QEMU + "\"file\":\"/etc/motd\",\"content\":\"héllo\"}"));
        assertEquals(Map.of("file", "/etc/motd", "content", "héllo"), pack.request(1).form());
        assertEquals(6, "héllo".getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void agentSetPasswordNeverEchoesIt() {
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/agent/set-user-password", "null");

        ToolResult result = pack.call("proxmox_guest_agent_set_password",
                "{" + QEMU + "\"username\":\"root\",\"password\":\"Sup3r-Secret\"}");

        assertOk("password of root in VM 100 changed", result);
        assertFalse(result.text().contains("Sup3r-Secret"));
        assertEquals(Map.of("username", "root", "password", "Sup3r-Secret"), pack.request(0).form());
        pack.proxmox().fail("POST", "/nodes/pve1/qemu/100/agent/set-user-password", 500, "QEMU guest agent is not running", Map.of());
    }

    @Test
    void consoleTickets() {
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/vncproxy",
                "{\"port\":\"5900\",\"ticket\":\"PVEVNC:abc\",\"user\":\"root@pam\"}");
        pack.proxmox().respond("POST", "/nodes/pve2/lxc/101/termproxy", "{\"port\":\"5901\",\"ticket\":\"PVEVNC:def\"}");
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/spiceproxy", "{\"host\":\"pvespiceproxy:x\",\"tls-port\":61000}");

        assertOk("vnc console of VM 100 on pve1:\nport: 5900\nticket: PVEVNC:abc\nuser: root@pam",
                pack.call("proxmox_guest_console", "{" + QEMU + "\"type\":\"qemu\",\"kind\":\"vnc\",\"options\":{\"websocket\":true}}"));
        assertOk("term console of CT 101 on pve2:\nport: 5901\nticket: PVEVNC:def",
                pack.call("proxmox_guest_console", "{\"vmid\":101,\"node\":\"pve2\",\"type\":\"lxc\",\"kind\":\"term\"}"));
        assertOk("spice console of VM 100 on pve1:\nhost: pvespiceproxy:x\ntls-port: 61000",
                pack.call("proxmox_guest_console", "{" + QEMU + "\"type\":\"qemu\",\"kind\":\"spice\",\"options\":{\"proxy\":\"10.0.0.1\"}}"));
        assertEquals(Map.of("websocket", "1"), pack.request(0).form());
        assertEquals(Map.of(), pack.request(1).form());
        assertEquals(Map.of("proxy", "10.0.0.1"), pack.request(2).form());
    }

    @Test
    void cloudInitDumpPendingAndRegenerate() {
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/cloudinit/dump", Map.of("type", "network"), "\"version: 1\\nconfig: []\\n\"");
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/cloudinit",
                "[{\"key\":\"ciuser\",\"value\":\"ubuntu\",\"pending\":\"admin\"}]");
        pack.proxmox().respond("PUT", "/nodes/pve1/qemu/100/cloudinit", "null");

        assertOk("version: 1\nconfig: []\n", pack.call("proxmox_guest_cloudinit_get", "{" + QEMU + "\"view\":\"network\"}"));
        assertEquals(Map.of("type", "network"), pack.request(0).query());
        assertOk("KEY     VALUE   PENDING\nciuser  ubuntu  admin", pack.call("proxmox_guest_cloudinit_get",
                "{" + QEMU + "\"view\":\"pending\"}"));
        assertOk("cloud-init drive of VM 100 regenerated", pack.call("proxmox_guest_cloudinit_regenerate",
                "{" + QEMU.replaceAll(",$", "") + "}"));
        assertEquals(List.of("GET /nodes/pve1/qemu/100/cloudinit/dump", "GET /nodes/pve1/qemu/100/cloudinit",
                "PUT /nodes/pve1/qemu/100/cloudinit"), pack.lines());
    }
}
