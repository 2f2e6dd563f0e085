package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.testing.PackAssertions.CONFIRM_REFUSAL;
import static io.github.proxmoxmcp.core.testing.PackAssertions.FORBIDDEN_HINT;
import static io.github.proxmoxmcp.core.testing.PackAssertions.NOT_FOUND_HINT;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.TaskIds.encoded;
import static io.github.proxmoxmcp.core.testing.TaskIds.quoted;
import static io.github.proxmoxmcp.guest.SampleGuests.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.spi.ToolResult;
import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Clone, provision from template, delete. */
@MicronautTest
class GuestLifecycleToolTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    private static final String CLONE_CONFIG = """
            {"boot":"order=scsi0;ide2;net0","scsi0":"local-lvm:base-9000-disk-0/vm-123-disk-0,size=2252M",
             "ide2":"local-lvm:vm-123-cloudinit,media=cdrom","digest":"d1"}""";

    @Test
    void cloneUsesTheNextFreeVmid() {
        resources(pack);
        pack.proxmox().respond("GET", "/cluster/nextid", "\"123\"");
        String upid = pack.finishedTask("pve1", "qmclone", 9000);
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/9000/clone", quoted(upid));

        assertOk("clone of VM 9000 to 123: task OK (" + upid + ")",
                pack.call("proxmox_guest_clone", "{\"vmid\":9000,\"name\":\"web2\",\"storage\":\"fast\",\"options\":{\"pool\":\"prod\"}}"));
        assertEquals(List.of("GET /cluster/resources", "GET /cluster/nextid", "POST /nodes/pve1/qemu/9000/clone",
                "GET /nodes/pve1/tasks/" + encoded(upid) + "/status"), pack.lines());
        assertEquals(Map.of("newid", "123", "name", "web2", "full", "1", "storage", "fast", "pool", "prod"), pack.request(2).form());
    }

    @Test
    void cloneOfAContainerSendsHostnameAndLinkedWhenAsked() {
        String upid = pack.finishedTask("pve2", "vzclone", 101);
        pack.proxmox().respond("POST", "/nodes/pve2/lxc/101/clone", quoted(upid));

        assertOk("clone of CT 101 to 150: task OK (" + upid + ")", pack.call("proxmox_guest_clone",
                "{\"vmid\":101,\"node\":\"pve2\",\"type\":\"lxc\",\"newid\":150,\"name\":\"dns2\",\"full\":false,\"target\":\"pve3\"}"));
        assertEquals(Map.of("newid", "150", "hostname", "dns2", "full", "0", "target", "pve3"), pack.request(0).form());
    }

    @Test
    void cloneOfAMissingGuestIsNotFound() {
        pack.proxmox().fail("POST", "/nodes/pve1/qemu/123/clone", 500,
                "Configuration file 'nodes/pve1/qemu-server/123.conf' does not exist",
                Map.of());

        assertError("Proxmox API error 500: Configuration file 'nodes/pve1/qemu-server/123.conf' does not exist\n" + NOT_FOUND_HINT,
                pack.call("proxmox_guest_clone", "{\"vmid\":123,\"node\":\"pve1\",\"type\":\"qemu\",\"newid\":200}"));
    }

    @Test
    void provisionRunsTheWholeFlowInOrder() {
        resources(pack);
        pack.proxmox().respond("GET", "/cluster/nextid", "123");
        String clone = pack.finishedTask("pve1", "qmclone", 9000);
        String resize = pack.finishedTask("pve1", "qmresize", 123);
        String config = pack.finishedTask("pve1", "qmconfig", 123);
        String start = pack.finishedTask("pve1", "qmstart", 123);
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/9000/clone", quoted(clone));
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/123/config", CLONE_CONFIG);
        pack.proxmox().respond("PUT", "/nodes/pve1/qemu/123/resize", quoted(resize));
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/123/config", quoted(config));
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/123/status/start", quoted(start));
        pack.proxmox().expect("POST", "/nodes/pve1/qemu/123/agent/ping", Map.of(), 500, "QEMU guest agent is not running",
                "{\"data\":null}", 2);
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/123/agent/ping", "{}");

        ToolResult result = pack.call("proxmox_guest_provision", """
                {"template":9000,"name":"web2","ciuser":"ubuntu","sshKeys":"ssh-ed25519 AAAAC3Nz+/= alice@laptop\\n\\nssh-rsa AAAAB3 bob",
                 "ip":"10.0.0.5/24","gw":"10.0.0.1","cores":2,"memory":4096,"set":{"nameserver":"1.1.1.1"}}""");

        assertOk("VM 123 \"web2\" on pve1 provisioned from template 9000\n"
                + "clone of template 9000 to VM 123: task OK (" + clone + ")\n"
                + "resize of scsi0 from 2.2 GiB to 64G: task OK (" + resize + ")\n"
                + "cloud-init config (cores, memory, ciuser, sshkeys, ipconfig0, nameserver): task OK (" + config + ")\n"
                + "start: task OK (" + start + ")\n"
                + "guest agent: answering after 0s", result);
        assertEquals(List.of(
                "GET /cluster/resources",
                "GET /cluster/nextid",
                "POST /nodes/pve1/qemu/9000/clone",
                "GET /nodes/pve1/tasks/" + encoded(clone) + "/status",
                "GET /nodes/pve1/qemu/123/config",
                "PUT /nodes/pve1/qemu/123/resize",
                "GET /nodes/pve1/tasks/" + encoded(resize) + "/status",
                "POST /nodes/pve1/qemu/123/config",
                "GET /nodes/pve1/tasks/" + encoded(config) + "/status",
                "POST /nodes/pve1/qemu/123/status/start",
                "GET /nodes/pve1/tasks/" + encoded(start) + "/status",
                "POST /nodes/pve1/qemu/123/agent/ping",
                "POST /nodes/pve1/qemu/123/agent/ping",
                "POST /nodes/pve1/qemu/123/agent/ping"), pack.lines());
        assertEquals(Map.of("newid", "123", "name", "web2"), pack.request(2).form());
        assertEquals(Map.of(), pack.request(4).query());
        assertEquals(Map.of("disk", "scsi0", "size", "64G"), pack.request(5).form());
        assertEquals(Map.of("cores", "2", "memory", "4096", "ciuser", "ubuntu",
                "sshkeys", "ssh-ed25519%20AAAAC3Nz%2B%2F%3D%20alice%40laptop%0Assh-rsa%20AAAAB3%20bob",
                "ipconfig0", "ip=10.0.0.5/24,gw=10.0.0.1", "nameserver", "1.1.1.1"), pack.request(7).form());
        assertTrue(pack.request(7).body().contains("sshkeys=ssh-ed25519%2520AAAAC3Nz%252B%252F%253D%2520alice"), pack.request(7).body());
    }

    @Test
    void provisionWithoutKeysGeneratesAPasswordShownOnce() {
        pack.proxmox().respond("GET", "/cluster/nextid", "124");
        String clone = pack.finishedTask("pve1", "qmclone", 9000);
        String config = pack.finishedTask("pve1", "qmconfig", 124);
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/9000/clone", quoted(clone));
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/124/config",
                "{\"virtio0\":\"local:9000/base.qcow2/124/vm-124-disk-0.qcow2,size=80G\"}");
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/124/config", quoted(config));

        ToolResult result = pack.call("proxmox_guest_provision",
                "{\"template\":9000,\"node\":\"pve1\",\"ciuser\":\"admin\",\"ip\":\"dhcp\",\"start\":false}");

        Matcher password = Pattern.compile("password for admin \\(generated, shown once\\): ([A-Za-z0-9]{20})$").matcher(result.text());
        assertTrue(password.find(), result.text());
        assertOk("VM 124 on pve1 provisioned from template 9000\n"
                + "clone of template 9000 to VM 124: task OK (" + clone + ")\n"
                + "boot disk virtio0: already 80.0 GiB, not resized\n"
                + "cloud-init config (ciuser, cipassword, ipconfig0): task OK (" + config + ")\n"
                + "password for admin (generated, shown once): " + password.group(1), result);
        assertEquals(List.of("GET /cluster/nextid", "POST /nodes/pve1/qemu/9000/clone",
                "GET /nodes/pve1/tasks/" + encoded(clone) + "/status", "GET /nodes/pve1/qemu/124/config",
                "POST /nodes/pve1/qemu/124/config", "GET /nodes/pve1/tasks/" + encoded(config) + "/status"), pack.lines());
        assertEquals(Map.of("ciuser", "admin", "cipassword", password.group(1), "ipconfig0", "ip=dhcp"), pack.request(4).form());
    }

    @Test
    void provisionStopsAtAFailedCloneAndSaysSo() {
        pack.proxmox().respond("GET", "/cluster/nextid", "125");
        String clone = "UPID:pve1:0000ABCD:0001ABCD:65F0A1B2:qmclone:9000:root@pam:";
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/9000/clone", quoted(clone));
        pack.proxmox().respond("GET", "/nodes/pve1/tasks/" + encoded(clone) + "/status",
                "{\"status\":\"stopped\",\"exitstatus\":\"clone failed\"}");
        pack.proxmox().respond("GET", "/nodes/pve1/tasks/" + encoded(clone) + "/log", "[{\"n\":1,\"t\":\"no space left\"}]");

        assertError("clone of template 9000 to VM 125: task failed: clone failed (" + clone + ")\nlast log lines:\n  no space left",
                pack.call("proxmox_guest_provision", "{\"template\":9000,\"node\":\"pve1\",\"sshKeys\":\"ssh-ed25519 K a\"}"));
        assertEquals(List.of("GET /cluster/nextid", "POST /nodes/pve1/qemu/9000/clone",
                "GET /nodes/pve1/tasks/" + encoded(clone) + "/status", "GET /nodes/pve1/tasks/" + encoded(clone) + "/log"), pack.lines());
    }

    @Test
    void provisionPlacesTheCloneAsSetSaysAndRefusesAnUnknownKey() {
        assertError("Invalid arguments: set.cores is not a key of set; it takes [full, nameserver, pool, searchdomain, storage, "
                + "target]. Nothing was sent to Proxmox.", pack.call("proxmox_guest_provision",
                "{\"template\":9000,\"node\":\"pve1\",\"set\":{\"cores\":4}}"));
        pack.assertNothingSent();

        String clone = pack.finishedTask("pve1", "qmclone", 9000);
        String config = pack.finishedTask("pve2", "qmconfig", 127);
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/9000/clone", quoted(clone));
        pack.proxmox().respond("GET", "/nodes/pve2/qemu/127/config", "{\"scsi0\":\"fast:vm-127-disk-0,size=64G\"}");
        pack.proxmox().respond("POST", "/nodes/pve2/qemu/127/config", quoted(config));

        assertOk("VM 127 on pve2 provisioned from template 9000\n"
                + "clone of template 9000 to VM 127: task OK (" + clone + ")\n"
                + "boot disk scsi0: already 64.0 GiB, not resized\n"
                + "cloud-init config (sshkeys): task OK (" + config + ")", pack.call("proxmox_guest_provision",
                "{\"template\":9000,\"node\":\"pve1\",\"newid\":127,\"sshKeys\":\"ssh-ed25519 K a\",\"start\":false,"
                        + "\"set\":{\"target\":\"pve2\",\"storage\":\"fast\",\"pool\":\"prod\"}}"));
        assertEquals(Map.of("newid", "127", "full", "1", "target", "pve2", "storage", "fast", "pool", "prod"), pack.request(0).form());
    }

    @Test
    void provisionReportsAnAgentThatNeverAnswers() {
        String clone = pack.finishedTask("pve1", "qmclone", 9000);
        String start = pack.finishedTask("pve1", "qmstart", 126);
        String config = pack.finishedTask("pve1", "qmconfig", 126);
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/9000/clone", quoted(clone));
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/126/config", "{\"scsi0\":\"ceph:vm-126-disk-0,size=64G\"}");
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/126/config", quoted(config));
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/126/status/start", quoted(start));
        pack.proxmox().fail("POST", "/nodes/pve1/qemu/126/agent/ping", 500, "QEMU guest agent is not running", Map.of());

        ToolResult result = pack.call("proxmox_guest_provision",
                "{\"template\":9000,\"node\":\"pve1\",\"newid\":126,\"password\":\"S3cret-pass\",\"agentTimeout\":1}");

        assertOk("VM 126 on pve1 provisioned from template 9000\n"
                + "clone of template 9000 to VM 126: task OK (" + clone + ")\n"
                + "boot disk scsi0: already 64.0 GiB, not resized\n"
                + "cloud-init config (cipassword): task OK (" + config + ")\n"
                + "start: task OK (" + start + ")\n"
                + "guest agent: no answer within 1s (is qemu-guest-agent installed and agent=1?)", result);
        assertEquals("POST /nodes/pve1/qemu/126/config", pack.request(3).line());
        assertEquals(Map.of("cipassword", "S3cret-pass"), pack.request(3).form());
    }

    @Test
    void provisionDoesNotWaitForAnAgentItMayNotAsk() {
        String clone = pack.finishedTask("pve1", "qmclone", 9000);
        String start = pack.finishedTask("pve1", "qmstart", 127);
        String config = pack.finishedTask("pve1", "qmconfig", 127);
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/9000/clone", quoted(clone));
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/127/config", "{\"scsi0\":\"ceph:vm-127-disk-0,size=64G\"}");
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/127/config", quoted(config));
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/127/status/start", quoted(start));
        pack.proxmox().fail("POST", "/nodes/pve1/qemu/127/agent/ping", 403,
                "Permission check failed (/vms/127, VM.GuestAgent.Audit)", Map.of());

        ToolResult result = pack.call("proxmox_guest_provision",
                "{\"template\":9000,\"node\":\"pve1\",\"newid\":127,\"password\":\"S3cret-pass\",\"agentTimeout\":30}");

        assertOk("VM 127 on pve1 provisioned from template 9000\n"
                + "clone of template 9000 to VM 127: task OK (" + clone + ")\n"
                + "boot disk scsi0: already 64.0 GiB, not resized\n"
                + "cloud-init config (cipassword): task OK (" + config + ")\n"
                + "start: task OK (" + start + ")\n"
                + "guest agent: not checked: Proxmox API error 403: Permission check failed (/vms/127, VM.GuestAgent.Audit)\n"
                + FORBIDDEN_HINT, result);
        assertEquals(1, pack.lines().stream().filter(line -> line.endsWith("/agent/ping")).count());
    }

    @Test
    void provisionRejectsAGatewayWithDhcpBeforeSending() {
        assertError("Invalid arguments: gw cannot be combined with ip=dhcp. Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_provision", "{\"template\":9000,\"ip\":\"dhcp\",\"gw\":\"10.0.0.1\"}"));
        assertError("Invalid arguments: diskSize: must match \"\\d+[MGT]\". Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_provision", "{\"template\":9000,\"diskSize\":\"big\"}"));
        pack.assertNothingSent();
    }

    @Test
    void provisionRefusesAContainerTemplate() {
        resources(pack);

        assertError("Not found: VMID 101 is lxc, not qemu\n" + NOT_FOUND_HINT,
                pack.call("proxmox_guest_provision", "{\"template\":101}"));
        assertEquals(List.of("GET /cluster/resources"), pack.lines());
    }

    @Test
    void deleteNeedsConfirm() {
        assertError("proxmox_guest_delete" + CONFIRM_REFUSAL, pack.call("proxmox_guest_delete", "{\"vmid\":100}"));
        pack.assertNothingSent();
    }

    @Test
    void deleteRefusesARunningGuestWithoutStop() {
        resources(pack);
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/status/current", "{\"status\":\"running\"}");

        assertError("VM 100 is running: nothing was deleted. Pass stop: true to stop it first, or shut it down with proxmox_guest_power.",
                pack.call("proxmox_guest_delete", "{\"vmid\":100,\"confirm\":true}"));
        assertEquals(List.of("GET /cluster/resources", "GET /nodes/pve1/qemu/100/status/current"), pack.lines());
    }

    @Test
    void deleteWithStopStopsWaitsThenDestroys() {
        resources(pack);
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/status/current", "{\"status\":\"running\"}");
        String stop = pack.finishedTask("pve1", "qmstop", 100);
        String destroy = pack.finishedTask("pve1", "qmdestroy", 100);
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/status/stop", quoted(stop));
        pack.proxmox().respond("DELETE", "/nodes/pve1/qemu/100", quoted(destroy));

        assertOk("stop of VM 100: task OK (" + stop + ")\ndeletion of VM 100: task OK (" + destroy + ")",
                pack.call("proxmox_guest_delete",
                        "{\"vmid\":100,\"stop\":true,\"options\":{\"purge\":true,\"destroy-unreferenced-disks\":true},\"confirm\":true}"));
        assertEquals(List.of("GET /cluster/resources", "GET /nodes/pve1/qemu/100/status/current",
                "POST /nodes/pve1/qemu/100/status/stop", "GET /nodes/pve1/tasks/" + encoded(stop) + "/status",
                "DELETE /nodes/pve1/qemu/100", "GET /nodes/pve1/tasks/" + encoded(destroy) + "/status"), pack.lines());
        assertEquals(Map.of(), pack.request(2).form());
        assertEquals(Map.of("purge", "1", "destroy-unreferenced-disks", "1"), pack.request(4).query());
        assertEquals("", pack.request(4).body());
    }

    @Test
    void deleteOfAStoppedContainerGoesStraightToDestroy() {
        pack.proxmox().respond("GET", "/nodes/pve2/lxc/101/status/current", "{\"status\":\"stopped\"}");
        String destroy = pack.finishedTask("pve2", "vzdestroy", 101);
        pack.proxmox().respond("DELETE", "/nodes/pve2/lxc/101", quoted(destroy));

        assertOk("deletion of CT 101: task OK (" + destroy + ")",
                pack.call("proxmox_guest_delete", "{\"vmid\":101,\"node\":\"pve2\",\"type\":\"lxc\",\"stop\":true,\"confirm\":true}"));
        assertEquals(List.of("GET /nodes/pve2/lxc/101/status/current", "DELETE /nodes/pve2/lxc/101",
                "GET /nodes/pve2/tasks/" + encoded(destroy) + "/status"), pack.lines());
        assertEquals(Map.of(), pack.request(1).query());
    }

    @Test
    void deleteOfAMissingGuestIsNotFound() {
        pack.proxmox().fail("GET", "/nodes/pve1/qemu/123/status/current", 500,
                "Configuration file 'nodes/pve1/qemu-server/123.conf' does not exist", Map.of());

        assertError("Proxmox API error 500: Configuration file 'nodes/pve1/qemu-server/123.conf' does not exist\n" + NOT_FOUND_HINT,
                pack.call("proxmox_guest_delete", "{\"vmid\":123,\"node\":\"pve1\",\"type\":\"qemu\",\"confirm\":true}"));
    }
}
