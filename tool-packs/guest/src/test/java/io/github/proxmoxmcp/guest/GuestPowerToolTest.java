package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.testing.PackAssertions.CONFIRM_REFUSAL;
import static io.github.proxmoxmcp.core.testing.PackAssertions.NOT_FOUND_HINT;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.TaskIds.encoded;
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
class GuestPowerToolTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    @Test
    void startResolvesTheGuestAndWaitsForTheTask() {
        resources(pack);
        String upid = pack.finishedTask("pve1", "qmstart", 100);
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/status/start", quoted(upid));

        assertOk("start of VM 100: task OK (" + upid + ")", pack.call("proxmox_guest_power", "{\"vmid\":100,\"action\":\"start\"}"));
        assertEquals(List.of("GET /cluster/resources", "POST /nodes/pve1/qemu/100/status/start",
                "GET /nodes/pve1/tasks/" + encoded(upid) + "/status"), pack.lines());
        assertEquals(Map.of(), pack.request(1).form());
    }

    @Test
    void shutdownWithForceStopNeedsConfirmAndSendsTheFallback() {
        assertError("proxmox_guest_power" + CONFIRM_REFUSAL,
                pack.call("proxmox_guest_power", "{\"vmid\":101,\"action\":\"shutdown\",\"options\":{\"forceStop\":true}}"));
        pack.assertNothingSent();

        String upid = pack.finishedTask("pve2", "vzshutdown", 101);
        pack.proxmox().respond("POST", "/nodes/pve2/lxc/101/status/shutdown", quoted(upid));
        assertOk("shutdown of CT 101: task OK (" + upid + ")", pack.call("proxmox_guest_power",
                "{\"vmid\":101,\"node\":\"pve2\",\"type\":\"lxc\",\"action\":\"shutdown\",\"options\":{\"forceStop\":true,\"timeout\":60},"
                        + "\"confirm\":true}"));
        assertEquals(Map.of("forceStop", "1", "timeout", "60"), pack.request(0).form());
    }

    @Test
    void gracefulShutdownNeedsNoConfirm() {
        String upid = pack.finishedTask("pve1", "qmshutdown", 100);
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/status/shutdown", quoted(upid));

        assertOk("shutdown of VM 100: task OK (" + upid + ")",
                pack.call("proxmox_guest_power", "{\"vmid\":100,\"node\":\"pve1\",\"type\":\"qemu\",\"action\":\"shutdown\"}"));
        assertEquals(Map.of(), pack.request(0).form());
    }

    @Test
    void stopNeedsConfirm() {
        assertError("proxmox_guest_power" + CONFIRM_REFUSAL, pack.call("proxmox_guest_power", "{\"vmid\":100,\"action\":\"stop\"}"));
        pack.assertNothingSent();

        String upid = pack.finishedTask("pve1", "qmstop", 100);
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/status/stop", quoted(upid));
        assertOk("stop of VM 100: task OK (" + upid + ")", pack.call("proxmox_guest_power",
                "{\"vmid\":100,\"node\":\"pve1\",\"type\":\"qemu\",\"action\":\"stop\",\"confirm\":true}"));
    }

    @Test
    void resetIsQemuOnlyAndNeedsConfirm() {
        assertError("proxmox_guest_power" + CONFIRM_REFUSAL, pack.call("proxmox_guest_power", "{\"vmid\":100,\"action\":\"reset\"}"));
        assertError("Invalid arguments: reset is QEMU-only; use action=reboot or stop for a container. Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_power", "{\"vmid\":101,\"type\":\"lxc\",\"action\":\"reset\",\"confirm\":true}"));
        pack.assertNothingSent();

        resources(pack);
        assertError("CT 101 is a container: reset is QEMU-only; use reboot or stop. Nothing was changed.",
                pack.call("proxmox_guest_power", "{\"vmid\":101,\"action\":\"reset\",\"confirm\":true}"));
        assertEquals(List.of("GET /cluster/resources"), pack.lines());

        String upid = pack.finishedTask("pve1", "qmreset", 100);
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/status/reset", quoted(upid));
        assertOk("reset of VM 100: task OK (" + upid + ")",
                pack.call("proxmox_guest_power", "{\"vmid\":100,\"action\":\"reset\",\"confirm\":true}"));
    }

    @Test
    void rebootSuspendResumeWithoutWaiting() {
        String upid = "UPID:pve1:0000ABCD:0001ABCD:65F0A1B2:qmsuspend:100:root@pam:";
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/status/suspend", quoted(upid));
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/status/resume", quoted(upid));
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/status/reboot", quoted(upid));
        String target = "\"vmid\":100,\"node\":\"pve1\",\"type\":\"qemu\",\"wait\":false,";

        assertOk("suspend of VM 100: started, task " + upid, pack.call("proxmox_guest_power",
                "{" + target + "\"action\":\"suspend\",\"options\":{\"todisk\":true}}"));
        assertOk("resume of VM 100: started, task " + upid, pack.call("proxmox_guest_power", "{" + target + "\"action\":\"resume\"}"));
        assertOk("reboot of VM 100: started, task " + upid,
                pack.call("proxmox_guest_power", "{" + target + "\"action\":\"reboot\",\"options\":{\"timeout\":30}}"));
        assertEquals(List.of("POST /nodes/pve1/qemu/100/status/suspend", "POST /nodes/pve1/qemu/100/status/resume",
                "POST /nodes/pve1/qemu/100/status/reboot"), pack.lines());
        assertEquals(Map.of("todisk", "1"), pack.request(0).form());
        assertEquals(Map.of("timeout", "30"), pack.request(2).form());
    }

    @Test
    void failedTaskIsAnErrorWithTheLogTail() {
        String upid = "UPID:pve1:0000ABCD:0001ABCD:65F0A1B2:qmstart:100:root@pam:";
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/status/start", quoted(upid));
        pack.proxmox().respond("GET", "/nodes/pve1/tasks/" + encoded(upid) + "/status",
                "{\"status\":\"stopped\",\"exitstatus\":\"start failed\"}");
        pack.proxmox().respond("GET", "/nodes/pve1/tasks/" + encoded(upid) + "/log", "[{\"n\":1,\"t\":\"kvm: no memory\"}]");

        assertError("start of VM 100: task failed: start failed (" + upid + ")\nlast log lines:\n  kvm: no memory",
                pack.call("proxmox_guest_power", "{\"vmid\":100,\"node\":\"pve1\",\"type\":\"qemu\",\"action\":\"start\"}"));
    }

    @Test
    void proxmoxRefusalIsShown() {
        pack.proxmox().fail("POST", "/nodes/pve1/qemu/123/status/start", 500,
                "Configuration file 'nodes/pve1/qemu-server/123.conf' does not exist",
                Map.of());

        assertError("Proxmox API error 500: Configuration file 'nodes/pve1/qemu-server/123.conf' does not exist\n" + NOT_FOUND_HINT,
                pack.call("proxmox_guest_power", "{\"vmid\":123,\"node\":\"pve1\",\"type\":\"qemu\",\"action\":\"start\"}"));
    }

    @Test
    void missingActionSendsNothing() {
        assertError("Invalid arguments: action: must not be null. Nothing was sent to Proxmox.",
                pack.call("proxmox_guest_power", "{\"vmid\":100}"));
        pack.assertNothingSent();
    }
}
