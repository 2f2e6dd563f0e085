package io.github.proxmoxmcp.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Power, guests in bulk, wake-on-LAN and replication. */
class NodeOperationsToolsTest extends PackTest {

    @Test
    void rebootPostsTheCommand() {
        proxmox.respond("POST", "/nodes/pve1/status", "null");

        assertEquals("reboot of node pve1 requested",
                ok("proxmox_node_power_control", "{\"node\":\"pve1\",\"command\":\"reboot\",\"confirm\":true}").text());
        assertRequest(only("POST", "/nodes/pve1/status"), Map.of(), Map.of("command", "reboot"));
    }

    @Test
    void powerWithoutConfirmSendsNothing() {
        refusedWithoutConfirm("proxmox_node_power_control", "{\"node\":\"pve1\",\"command\":\"shutdown\"}");
        refusedWithoutConfirm("proxmox_node_power_control", "{\"node\":\"pve1\",\"command\":\"shutdown\",\"confirm\":false}");
    }

    @Test
    void powerWithAnUnknownCommandSendsNothing() {
        invalid("proxmox_node_power_control", "{\"node\":\"pve1\",\"command\":\"halt\",\"confirm\":true}", "halt");
    }

    @Test
    void powerWithoutPermissionIsAProxmoxError() {
        proxmox.fail("POST", "/nodes/pve1/status", 403, "Permission check failed (/nodes/pve1, Sys.PowerMgmt)", Map.of());

        assertEquals("Proxmox API error 403: Permission check failed (/nodes/pve1, Sys.PowerMgmt)",
                error("proxmox_node_power_control", "{\"node\":\"pve1\",\"command\":\"reboot\",\"confirm\":true}")
                        .text().lines().findFirst().orElseThrow());
    }

    @Test
    void startAllNeedsNoConfirmAndWaits() {
        taskEndsOk("POST", "/nodes/pve1/startall");

        String text = ok("proxmox_node_guests_control",
                "{\"node\":\"pve1\",\"action\":\"start\",\"vms\":[100,101],\"force\":true,\"max-workers\":4}").text();

        assertEquals("start of guests [100, 101] on pve1: task OK (" + UPID + ")", text);
        assertRequest(startedAndAwaited("POST", "/nodes/pve1/startall"), Map.of(),
                Map.of("vms", "100,101", "max-workers", "4", "force", "1"));
    }

    @Test
    void stopAllSendsTheShutdownTimeoutAsTimeout() {
        taskEndsOk("POST", "/nodes/pve1/stopall");

        String text = ok("proxmox_node_guests_control",
                "{\"node\":\"pve1\",\"action\":\"stop\",\"force-stop\":false,\"shutdown_timeout\":60,\"confirm\":true}").text();

        assertEquals("stop of all guests on pve1: task OK (" + UPID + ")", text);
        assertRequest(startedAndAwaited("POST", "/nodes/pve1/stopall"), Map.of(), Map.of("force-stop", "0", "timeout", "60"));
    }

    @Test
    void migrateAllSendsTarget() {
        taskEndsOk("POST", "/nodes/pve1/migrateall");

        String text = ok("proxmox_node_guests_control", """
                {"node":"pve1","action":"migrate","target":"pve2","with-local-disks":true,"max-workers":2,"confirm":true}""").text();

        assertEquals("migrate of all guests on pve1 to pve2: task OK (" + UPID + ")", text);
        assertRequest(startedAndAwaited("POST", "/nodes/pve1/migrateall"), Map.of(),
                Map.of("max-workers", "2", "target", "pve2", "with-local-disks", "1"));
    }

    @Test
    void stopAndMigrateNeedConfirm() {
        refusedWithoutConfirm("proxmox_node_guests_control", "{\"node\":\"pve1\",\"action\":\"stop\"}");
        refusedWithoutConfirm("proxmox_node_guests_control", "{\"node\":\"pve1\",\"action\":\"migrate\",\"target\":\"pve2\"}");
    }

    @Test
    void migrateWithoutTargetOrWithFieldsOfAnotherActionSendsNothing() {
        invalid("proxmox_node_guests_control", "{\"node\":\"pve1\",\"action\":\"migrate\",\"confirm\":true}", "target is required");
        invalid("proxmox_node_guests_control", "{\"node\":\"pve1\",\"action\":\"start\",\"target\":\"pve2\"}", "another action");
        invalid("proxmox_node_guests_control", "{\"node\":\"pve1\",\"action\":\"start\",\"vms\":[5]}", "vms");
    }

    @Test
    void failedBulkTaskIsAnErrorWithTheLogTail() {
        proxmox.respond("POST", "/nodes/pve1/stopall", "\"" + UPID + "\"");
        proxmox.respond("GET", "/nodes/pve1/tasks/" + UPID_ENCODED + "/status", "{\"status\":\"stopped\",\"exitstatus\":\"guest 100 failed\"}");
        proxmox.respond("GET", "/nodes/pve1/tasks/" + UPID_ENCODED + "/log", "[{\"n\":1,\"t\":\"VM 100 shutdown timeout\"}]");

        String text = error("proxmox_node_guests_control", "{\"node\":\"pve1\",\"action\":\"stop\",\"confirm\":true}").text();

        assertEquals("stop of all guests on pve1: task failed: guest 100 failed (" + UPID + ")\nlast log lines:\n"
                + "  VM 100 shutdown timeout", text);
    }

    @Test
    void wakeOnLanPostsToTheNodeToWake() {
        proxmox.respond("POST", "/nodes/pve3/wakeonlan", "\"aa:bb:cc:dd:ee:ff\"");

        assertEquals("wake-on-LAN packet sent for pve3 (MAC aa:bb:cc:dd:ee:ff)",
                ok("proxmox_node_wake", "{\"node\":\"pve3\"}").text());
        assertRequest(only("POST", "/nodes/pve3/wakeonlan"), Map.of(), Map.of());
    }

    @Test
    void wakeOnLanWithoutMacIsAProxmoxError() {
        proxmox.fail("POST", "/nodes/pve3/wakeonlan", 500, "No wake on LAN MAC address defined for 'pve3'!", Map.of());

        assertEquals("Proxmox API error 500: No wake on LAN MAC address defined for 'pve3'!",
                error("proxmox_node_wake", "{\"node\":\"pve3\"}").text().lines().findFirst().orElseThrow());
    }

    @Test
    void wakeOnLanNeedsAnExplicitNode() {
        invalid("proxmox_node_wake", "{}", "node");
    }

    @Test
    void replicationListShowsJobState() {
        proxmox.respond("GET", "/nodes/pve1/replication", """
                [{"id":"101-0","guest":101,"target":"pve2","schedule":"*/5","last_sync":1710268800,"next_sync":1710269100,
                  "duration":2.51,"fail_count":0},
                 {"id":"100-0","guest":100,"target":"pve3","last_sync":0,"fail_count":3,"error":"no route to host"}]""");

        String text = ok("proxmox_node_replication_get", "{\"node\":\"pve1\",\"guest\":100}").text();

        assertEquals("""
                ID     GUEST  TARGET  SCHEDULE  LAST SYNC             NEXT SYNC             DURATION  FAILS  STATE
                100-0  100    pve3    */15      -                     -                     -         3      error: no route to host
                101-0  101    pve2    */5       2024-03-12 18:40:00Z  2024-03-12 18:45:00Z  2.51s     0      ok""", text);
        assertRequest(only("GET", "/nodes/pve1/replication"), Map.of("guest", "100"), Map.of());
    }

    @Test
    void replicationLogOfOneJob() {
        proxmox.respond("GET", "/nodes/pve1/replication/100-0/log", "[{\"n\":1,\"t\":\"start replication job\"},{\"n\":2,\"t\":\"end\"}]");

        assertEquals("start replication job\nend",
                ok("proxmox_node_replication_get", "{\"node\":\"pve1\",\"id\":\"100-0\",\"start\":0,\"limit\":10}").text());
        assertRequest(only("GET", "/nodes/pve1/replication/100-0/log"), Map.of("start", "0", "limit", "10"), Map.of());
    }

    @Test
    void replicationWithABadJobIdSendsNothing() {
        invalid("proxmox_node_replication_get", "{\"node\":\"pve1\",\"id\":\"abc\"}", "id");
        invalid("proxmox_node_replication_run", "{\"node\":\"pve1\",\"id\":\"99-0\"}", "id");
        invalid("proxmox_node_replication_get", "{\"node\":\"pve1\",\"limit\":5}", "give id");
    }

    @Test
    void replicationRunSchedulesTheJobNow() {
        proxmox.respond("POST", "/nodes/pve1/replication/100-0/schedule_now", "null");

        assertEquals("replication job 100-0 on pve1 scheduled to run now",
                ok("proxmox_node_replication_run", "{\"node\":\"pve1\",\"id\":\"100-0\"}").text());
        assertRequest(only("POST", "/nodes/pve1/replication/100-0/schedule_now"), Map.of(), Map.of());
    }

    @Test
    void replicationRunOfAnUnknownJobIsAProxmoxError() {
        proxmox.fail("POST", "/nodes/pve1/replication/100-9/schedule_now", 500, "no such replication job '100-9'", Map.of());

        assertEquals("Proxmox API error 500: no such replication job '100-9'",
                error("proxmox_node_replication_run", "{\"node\":\"pve1\",\"id\":\"100-9\"}").text().lines().findFirst().orElseThrow());
    }
}
