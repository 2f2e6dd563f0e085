package io.github.proxmoxmcp.node;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static io.github.proxmoxmcp.core.testing.TaskIds.UPID;
import static io.github.proxmoxmcp.core.testing.TaskIds.UPID_ENCODED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Power, guests in bulk, wake-on-LAN and replication. */
@MicronautTest
class NodeOperationsToolsTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    @Test
    void rebootPostsTheCommand() {
        pack.proxmox().respond("POST", "/nodes/pve1/status", "null");

        assertEquals("reboot of node pve1 requested",
                pack.ok("proxmox_node_power_control", "{\"node\":\"pve1\",\"command\":\"reboot\",\"confirm\":true}").text());
        assertRequest(pack.only("POST", "/nodes/pve1/status"), Map.of(), Map.of("command", "reboot"));
    }

    @Test
    void powerWithoutConfirmSendsNothing() {
        pack.refusedWithoutConfirm("proxmox_node_power_control", "{\"node\":\"pve1\",\"command\":\"shutdown\"}");
        pack.refusedWithoutConfirm("proxmox_node_power_control", "{\"node\":\"pve1\",\"command\":\"shutdown\",\"confirm\":false}");
    }

    @Test
    void powerWithAnUnknownCommandSendsNothing() {
        pack.invalid("proxmox_node_power_control", "{\"node\":\"pve1\",\"command\":\"halt\",\"confirm\":true}", "halt");
    }

    @Test
    void powerWithoutPermissionIsAProxmoxError() {
        pack.proxmox().fail("POST", "/nodes/pve1/status", 403, "Permission check failed (/nodes/pve1, Sys.PowerMgmt)", Map.of());

        assertEquals("Proxmox API error 403: Permission check failed (/nodes/pve1, Sys.PowerMgmt)",
                pack.error("proxmox_node_power_control", "{\"node\":\"pve1\",\"command\":\"reboot\",\"confirm\":true}")
                        .text().lines().findFirst().orElseThrow());
    }

    @Test
    void startAllNeedsNoConfirmAndWaits() {
        pack.taskEndsOk("POST", "/nodes/pve1/startall");

        String text = pack.ok("proxmox_node_guests_control",
                "{\"node\":\"pve1\",\"action\":\"start\",\"vms\":[100,101],\"force\":true,\"max-workers\":4}").text();

        assertEquals("start of guests [100, 101] on pve1: task OK (" + UPID + ")", text);
        assertRequest(pack.startedAndAwaited("POST", "/nodes/pve1/startall"), Map.of(),
                Map.of("vms", "100,101", "max-workers", "4", "force", "1"));
    }

    @Test
    void stopAllSendsTheShutdownTimeoutAsTimeout() {
        pack.taskEndsOk("POST", "/nodes/pve1/stopall");

        String text = pack.ok("proxmox_node_guests_control",
                "{\"node\":\"pve1\",\"action\":\"stop\",\"force-stop\":false,\"shutdown_timeout\":60,\"confirm\":true}").text();

        assertEquals("stop of all guests on pve1: task OK (" + UPID + ")", text);
        assertRequest(pack.startedAndAwaited("POST", "/nodes/pve1/stopall"), Map.of(), Map.of("force-stop", "0", "timeout", "60"));
    }

    @Test
    void migrateAllSendsTarget() {
        pack.taskEndsOk("POST", "/nodes/pve1/migrateall");

        String text = pack.ok("proxmox_node_guests_control", """
                {"node":"pve1","action":"migrate","target":"pve2","with-local-disks":true,"max-workers":2,"confirm":true}""").text();

        assertEquals("migrate of all guests on pve1 to pve2: task OK (" + UPID + ")", text);
        assertRequest(pack.startedAndAwaited("POST", "/nodes/pve1/migrateall"), Map.of(),
                Map.of("max-workers", "2", "target", "pve2", "with-local-disks", "1"));
    }

    @Test
    void stopAndMigrateNeedConfirm() {
        pack.refusedWithoutConfirm("proxmox_node_guests_control", "{\"node\":\"pve1\",\"action\":\"stop\"}");
        pack.refusedWithoutConfirm("proxmox_node_guests_control", "{\"node\":\"pve1\",\"action\":\"migrate\",\"target\":\"pve2\"}");
    }

    @Test
    void migrateWithoutTargetOrWithFieldsOfAnotherActionSendsNothing() {
        pack.invalid("proxmox_node_guests_control", "{\"node\":\"pve1\",\"action\":\"migrate\",\"confirm\":true}", "target is required");
        pack.invalid("proxmox_node_guests_control", "{\"node\":\"pve1\",\"action\":\"start\",\"target\":\"pve2\"}", "another action");
        pack.invalid("proxmox_node_guests_control", "{\"node\":\"pve1\",\"action\":\"start\",\"vms\":[5]}", "vms");
    }

    @Test
    void failedBulkTaskIsAnErrorWithTheLogTail() {
        pack.proxmox().respond("POST", "/nodes/pve1/stopall", "\"" + UPID + "\"");
        pack.proxmox().respond("GET", "/nodes/pve1/tasks/" + UPID_ENCODED + "/status",
                "{\"status\":\"stopped\",\"exitstatus\":\"guest 100 failed\"}");
        pack.proxmox().respond("GET", "/nodes/pve1/tasks/" + UPID_ENCODED + "/log", "[{\"n\":1,\"t\":\"VM 100 shutdown timeout\"}]");

        String text = pack.error("proxmox_node_guests_control", "{\"node\":\"pve1\",\"action\":\"stop\",\"confirm\":true}").text();

        assertEquals("stop of all guests on pve1: task failed: guest 100 failed (" + UPID + ")\nlast log lines:\n"
                + "  VM 100 shutdown timeout", text);
    }

    @Test
    void wakeOnLanPostsToTheNodeToWake() {
        pack.proxmox().respond("POST", "/nodes/pve3/wakeonlan", "\"aa:bb:cc:dd:ee:ff\"");

        assertEquals("wake-on-LAN packet sent for pve3 (MAC aa:bb:cc:dd:ee:ff)",
                pack.ok("proxmox_node_wake", "{\"node\":\"pve3\"}").text());
        assertRequest(pack.only("POST", "/nodes/pve3/wakeonlan"), Map.of(), Map.of());
    }

    @Test
    void wakeOnLanWithoutMacIsAProxmoxError() {
        pack.proxmox().fail("POST", "/nodes/pve3/wakeonlan", 500, "No wake on LAN MAC address defined for 'pve3'!", Map.of());

        assertEquals("Proxmox API error 500: No wake on LAN MAC address defined for 'pve3'!",
                pack.error("proxmox_node_wake", "{\"node\":\"pve3\"}").text().lines().findFirst().orElseThrow());
    }

    @Test
    void wakeOnLanNeedsAnExplicitNode() {
        pack.invalid("proxmox_node_wake", "{}", "node");
    }

    @Test
    void replicationListShowsJobState() {
        pack.proxmox().respond("GET", "/nodes/pve1/replication", """
                [{"id":"101-0","guest":101,"target":"pve2","schedule":"*/5","last_sync":1710268800,"next_sync":1710269100,
                  "duration":2.51,"fail_count":0},
                 {"id":"100-0","guest":100,"target":"pve3","last_sync":0,"fail_count":3,"error":"no route to host"}]""");

        String text = pack.ok("proxmox_node_replication_get", "{\"node\":\"pve1\",\"guest\":100}").text();

        assertEquals("""
                ID     GUEST  TARGET  SCHEDULE  LAST SYNC             NEXT SYNC             DURATION  FAILS  STATE
                100-0  100    pve3    */15      -                     -                     -         3      error: no route to host
                101-0  101    pve2    */5       2024-03-12 18:40:00Z  2024-03-12 18:45:00Z  2.51s     0      ok""", text);
        assertRequest(pack.only("GET", "/nodes/pve1/replication"), Map.of("guest", "100"), Map.of());
    }

    @Test
    void replicationLogOfOneJob() {
        pack.proxmox().respond("GET", "/nodes/pve1/replication/100-0/log",
                "[{\"n\":1,\"t\":\"start replication job\"},{\"n\":2,\"t\":\"end\"}]");

        assertEquals("start replication job\nend",
                pack.ok("proxmox_node_replication_get", "{\"node\":\"pve1\",\"id\":\"100-0\",\"start\":0,\"limit\":10}").text());
        assertRequest(pack.only("GET", "/nodes/pve1/replication/100-0/log"), Map.of("start", "0", "limit", "10"), Map.of());
    }

    @Test
    void replicationWithABadJobIdSendsNothing() {
        pack.invalid("proxmox_node_replication_get", "{\"node\":\"pve1\",\"id\":\"abc\"}", "id");
        pack.invalid("proxmox_node_replication_run", "{\"node\":\"pve1\",\"id\":\"99-0\"}", "id");
        pack.invalid("proxmox_node_replication_get", "{\"node\":\"pve1\",\"limit\":5}", "give id");
    }

    @Test
    void replicationRunSchedulesTheJobNow() {
        pack.proxmox().respond("POST", "/nodes/pve1/replication/100-0/schedule_now", "null");

        assertEquals("replication job 100-0 on pve1 scheduled to run now",
                pack.ok("proxmox_node_replication_run", "{\"node\":\"pve1\",\"id\":\"100-0\"}").text());
        assertRequest(pack.only("POST", "/nodes/pve1/replication/100-0/schedule_now"), Map.of(), Map.of());
    }

    @Test
    void replicationRunOfAnUnknownJobIsAProxmoxError() {
        pack.proxmox().fail("POST", "/nodes/pve1/replication/100-9/schedule_now", 500, "no such replication job '100-9'", Map.of());

        assertEquals("Proxmox API error 500: no such replication job '100-9'",
                pack.error("proxmox_node_replication_run",
                        "{\"node\":\"pve1\",\"id\":\"100-9\"}").text().lines().findFirst().orElseThrow());
    }
}
