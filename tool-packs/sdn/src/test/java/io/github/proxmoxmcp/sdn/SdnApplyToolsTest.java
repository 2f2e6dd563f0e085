package io.github.proxmoxmcp.sdn;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.github.proxmoxmcp.core.testing.TaskIds;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** proxmox_sdn_apply and proxmox_sdn_lock: apply waited for, rollback, the global lock. */
@MicronautTest
class SdnApplyToolsTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    @Test
    void applyNeedsConfirmThenReloadsAndWaitsForTheTask() {
        pack.refusedWithoutConfirm("proxmox_sdn_apply", "{}");

        pack.taskEndsOk("PUT", "/cluster/sdn");
        assertOk("SDN apply: task OK (" + TaskIds.UPID + ")", pack.call("proxmox_sdn_apply", "{\"confirm\":true}"));
        assertRequest(pack.startedAndAwaited("PUT", "/cluster/sdn"), Map.of(), Map.of());
    }

    @Test
    void applyUnderALockGivesItsToken() {
        pack.taskEndsOk("PUT", "/cluster/sdn");

        pack.ok("proxmox_sdn_apply", "{\"lock\":\"tok-1\",\"confirm\":true}");
        assertRequest(pack.startedAndAwaited("PUT", "/cluster/sdn"), Map.of(), Map.of("lock-token", "tok-1"));
    }

    @Test
    void aFailedReloadIsAnErrorWithTheLogTail() {
        pack.proxmox().respond("PUT", "/cluster/sdn", TaskIds.quoted(TaskIds.UPID));
        pack.proxmox().respond("GET", "/nodes/pve1/tasks/" + TaskIds.UPID_ENCODED + "/status",
                "{\"status\":\"stopped\",\"exitstatus\":\"reload failed\"}");
        pack.proxmox().respond("GET", "/nodes/pve1/tasks/" + TaskIds.UPID_ENCODED + "/log",
                "[{\"n\":1,\"t\":\"pve2: error: vmbr9 does not exist\"}]");

        assertError("SDN apply: task failed: reload failed (" + TaskIds.UPID + ")\nlast log lines:\n"
                + "  pve2: error: vmbr9 does not exist", pack.call("proxmox_sdn_apply", "{\"confirm\":true}"));
    }

    @Test
    void rollbackNeedsConfirmThenDiscardsThePendingChanges() {
        pack.refusedWithoutConfirm("proxmox_sdn_apply", "{\"rollback\":true}");

        pack.proxmox().respond("POST", "/cluster/sdn/rollback", "null");
        assertOk("pending SDN changes discarded: the configuration is back to what was last applied",
                pack.call("proxmox_sdn_apply", "{\"rollback\":true,\"lock\":\"tok-1\",\"confirm\":true}"));
        assertRequest(pack.only("POST", "/cluster/sdn/rollback"), Map.of(), Map.of("lock-token", "tok-1"));
    }

    @Test
    void lockReturnsTheToken() {
        pack.proxmox().respond("POST", "/cluster/sdn/lock", "\"8c1b0e8d-2d5f\"");

        assertOk("SDN configuration locked; lock token: 8c1b0e8d-2d5f\n"
                + "pass it as lock to proxmox_sdn_manage and proxmox_sdn_apply; apply or rollback release it",
                pack.call("proxmox_sdn_lock", "{\"action\":\"lock\",\"force\":true}"));
        assertRequest(pack.only("POST", "/cluster/sdn/lock"), Map.of(), Map.of("allow-pending", "1"));
    }

    @Test
    void lockingWithPendingChangesIsRefusedByProxmox() {
        pack.proxmox().fail("POST", "/cluster/sdn/lock", 500, "there are pending changes, please apply or rollback first",
                Map.of());

        assertEquals("Proxmox API error 500: there are pending changes, please apply or rollback first",
                pack.error("proxmox_sdn_lock", "{\"action\":\"lock\"}").text().lines().findFirst().orElseThrow());
        assertRequest(pack.only("POST", "/cluster/sdn/lock"), Map.of(), Map.of());
    }

    @Test
    void unlockWithTheTokenOrByForce() {
        pack.proxmox().respond("DELETE", "/cluster/sdn/lock", "null");

        assertOk("SDN configuration unlocked", pack.call("proxmox_sdn_lock", "{\"action\":\"unlock\",\"lock\":\"tok-1\"}"));
        assertRequest(pack.only("DELETE", "/cluster/sdn/lock"), Map.of("lock-token", "tok-1"), Map.of());

        pack.proxmox().reset();
        pack.proxmox().respond("DELETE", "/cluster/sdn/lock", "null");
        pack.ok("proxmox_sdn_lock", "{\"action\":\"unlock\",\"force\":true}");
        assertRequest(pack.only("DELETE", "/cluster/sdn/lock"), Map.of("force", "1"), Map.of());
    }

    @Test
    void badLockInputSendsNothing() {
        pack.invalid("proxmox_sdn_lock", "{\"action\":\"unlock\"}", "action=unlock needs lock (the token) or force: true");
        pack.invalid("proxmox_sdn_lock", "{\"action\":\"lock\",\"lock\":\"t\"}", "action=lock returns a token");
        pack.invalid("proxmox_sdn_lock", "{}", "action");
    }
}
