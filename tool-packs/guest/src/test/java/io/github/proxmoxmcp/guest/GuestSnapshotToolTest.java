package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.testing.PackAssertions.CONFIRM_REFUSAL;
import static io.github.proxmoxmcp.core.testing.PackAssertions.NOT_FOUND_HINT;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.TaskIds.quoted;
import static io.github.proxmoxmcp.guest.SampleGuests.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
class GuestSnapshotToolTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    @Test
    void listSortsByTimeWithCurrentStateLeftOut() {
        pack.proxmox().respond("GET", "/nodes/pve1/qemu/100/snapshot", """
                [{"name":"current","parent":"after","description":"You are here!","running":1},
                 {"name":"after","parent":"before","snaptime":1700003600,"vmstate":1,"description":"post upgrade\\n"},
                 {"name":"before","snaptime":1700000000,"description":"pre upgrade"}]""");

        assertOk("""
                NAME     PARENT  TIME              RAM  DESCRIPTION
                before   -       2023-11-14 22:13  -    pre upgrade
                after    before  2023-11-14 23:13  yes  post upgrade
                current  after   -                 -    You are here!""",
                pack.call("proxmox_guest_snapshot_list", "{\"vmid\":100,\"node\":\"pve1\",\"type\":\"qemu\"}"));
        assertEquals(List.of("GET /nodes/pve1/qemu/100/snapshot"), pack.lines());
    }

    @Test
    void listWithOnlyCurrentSaysNone() {
        resources(pack);
        pack.proxmox().respond("GET", "/nodes/pve2/lxc/101/snapshot", "[{\"name\":\"current\",\"description\":\"You are here!\"}]");

        assertOk("CT 101: no snapshots", pack.call("proxmox_guest_snapshot_list", "{\"vmid\":101}"));
        assertEquals(List.of("GET /cluster/resources", "GET /nodes/pve2/lxc/101/snapshot"), pack.lines());
    }

    @Test
    void createSendsNameDescriptionAndVmstate() {
        String upid = pack.finishedTask("pve1", "qmsnapshot", 100);
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/snapshot", quoted(upid));

        assertOk("snapshot pre_upgrade of VM 100: task OK (" + upid + ")", pack.call("proxmox_guest_snapshot",
                "{\"vmid\":100,\"node\":\"pve1\",\"type\":\"qemu\",\"action\":\"create\",\"snapname\":\"pre_upgrade\","
                        + "\"options\":{\"description\":\"before apt\",\"vmstate\":true}}"));
        assertEquals("POST /nodes/pve1/qemu/100/snapshot", pack.request(0).line());
        assertEquals(Map.of("snapname", "pre_upgrade", "description", "before apt", "vmstate", "1"), pack.request(0).form());
    }

    @Test
    void createOnAContainerRefusesVmstateAndOptionsOfAnotherActionSendNothing() {
        assertError("CT 101 is a container: vmstate is QEMU-only. Nothing was changed.", pack.call("proxmox_guest_snapshot",
                "{\"vmid\":101,\"node\":\"pve2\",\"type\":\"lxc\",\"action\":\"create\",\"snapname\":\"s1\","
                        + "\"options\":{\"vmstate\":true}}"));
        assertError("Invalid arguments: options.start is not a key of options for action=create; it takes [description, vmstate]. "
                + "Nothing was sent to Proxmox.", pack.call("proxmox_guest_snapshot",
                "{\"vmid\":100,\"action\":\"create\",\"snapname\":\"s1\",\"options\":{\"start\":true}}"));
        pack.assertNothingSent();
    }

    @Test
    void rollbackNeedsConfirm() {
        assertError("proxmox_guest_snapshot" + CONFIRM_REFUSAL,
                pack.call("proxmox_guest_snapshot", "{\"vmid\":100,\"action\":\"rollback\",\"snapname\":\"s1\"}"));
        pack.assertNothingSent();

        String upid = pack.finishedTask("pve1", "qmrollback", 100);
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/snapshot/s1/rollback", quoted(upid));
        assertOk("rollback of VM 100 to s1: task OK (" + upid + ")", pack.call("proxmox_guest_snapshot",
                "{\"vmid\":100,\"node\":\"pve1\",\"type\":\"qemu\",\"action\":\"rollback\",\"snapname\":\"s1\",\"options\":{\"start\":true},"
                        + "\"confirm\":true}"));
        assertEquals(Map.of("start", "1"), pack.request(0).form());
    }

    @Test
    void deleteNeedsConfirmAndSendsForceInTheQuery() {
        assertError("proxmox_guest_snapshot" + CONFIRM_REFUSAL,
                pack.call("proxmox_guest_snapshot", "{\"vmid\":100,\"action\":\"delete\",\"snapname\":\"s1\"}"));
        pack.assertNothingSent();

        String upid = pack.finishedTask("pve1", "qmdelsnapshot", 100);
        pack.proxmox().respond("DELETE", "/nodes/pve1/qemu/100/snapshot/s1", quoted(upid));
        assertOk("deletion of snapshot s1 of VM 100: task OK (" + upid + ")", pack.call("proxmox_guest_snapshot",
                "{\"vmid\":100,\"node\":\"pve1\",\"type\":\"qemu\",\"action\":\"delete\",\"snapname\":\"s1\",\"options\":{\"force\":true},"
                        + "\"confirm\":true}"));
        assertEquals(Map.of("force", "1"), pack.request(0).query());
        assertEquals("", pack.request(0).body());
    }

    @Test
    void badSnapshotNameSendsNothing() {
        assertError("Invalid arguments: snapname: must be a snapshot name: a letter, then letters, digits, '_' or '-' (at most 40);"
                        + " got '1 bad'. Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_snapshot", "{\"vmid\":100,\"action\":\"create\",\"snapname\":\"1 bad\"}"));
        pack.assertNothingSent();
    }

    @Test
    void unknownSnapshotIsReported() {
        pack.proxmox().fail("POST", "/nodes/pve1/qemu/100/snapshot/nope/rollback", 500, "snapshot 'nope' does not exist", Map.of());

        assertError("Proxmox API error 500: snapshot 'nope' does not exist\n" + NOT_FOUND_HINT, pack.call("proxmox_guest_snapshot",
                "{\"vmid\":100,\"node\":\"pve1\",\"type\":\"qemu\",\"action\":\"rollback\",\"snapname\":\"nope\",\"confirm\":true}"));
    }
}
