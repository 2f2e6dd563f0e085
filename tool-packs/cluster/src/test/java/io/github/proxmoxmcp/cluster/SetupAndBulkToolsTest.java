package io.github.proxmoxmcp.cluster;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.github.proxmoxmcp.core.testing.TaskIds;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** proxmox_cluster_setup and proxmox_cluster_guests_control. */
@MicronautTest
class SetupAndBulkToolsTest implements MockProxmoxTest {

    private static final String FINGERPRINT =
            "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99";
    private static final String PASSWORD = "r00t-Pa55word";

    @Inject
    PackCalls pack;

    @Test
    void createAClusterAndWaitForTheTask() {
        String upid = pack.finishedTask("pve1", "clustercreate", "prod");
        pack.proxmox().respond("POST", "/cluster/config", TaskIds.quoted(upid));

        assertOk("creation of cluster prod: task OK (" + upid + ")", pack.call("proxmox_cluster_setup",
                "{\"action\":\"create\",\"clustername\":\"prod\",\"links\":[\"10.0.0.11\",\"address=10.1.0.11,priority=10\"],"
                        + "\"confirm\":true}"));
        assertRequest(pack.request(0), Map.of(), Map.of("clustername", "prod", "link0", "10.0.0.11",
                "link1", "address=10.1.0.11,priority=10"));
        assertEquals("POST /cluster/config", pack.request(0).line());
    }

    @Test
    void createOnANodeAlreadyInAClusterIsTheProxmoxError() {
        pack.proxmox().fail("POST", "/cluster/config", 500, "cluster config '/etc/pve/corosync.conf' already exists", Map.of());

        assertEquals("Proxmox API error 500: cluster config '/etc/pve/corosync.conf' already exists",
                pack.error("proxmox_cluster_setup", "{\"action\":\"create\",\"clustername\":\"prod\",\"confirm\":true}").text());
    }

    @Test
    void joinStartsTheTaskAndNeverEchoesThePassword() {
        String upid = TaskIds.upid("pve4", "clusterjoin", "");
        pack.proxmox().respond("POST", "/cluster/config/join", TaskIds.quoted(upid));

        String text = pack.ok("proxmox_cluster_setup", """
                {"action":"join","hostname":"10.0.0.11","fingerprint":"%s","password":"%s","links":["10.0.0.14"],"confirm":true}"""
                .formatted(FINGERPRINT, PASSWORD)).text();

        assertEquals("join of this node to the cluster of 10.0.0.11 started, task " + upid + ". The node's certificate changes: "
                + "update PROXMOX_TLS_FINGERPRINT or PROXMOX_CA_FILE, then check with proxmox_cluster_status.", text);
        assertFalse(text.contains(PASSWORD));
        assertRequest(pack.only("POST", "/cluster/config/join"), Map.of(), Map.of("hostname", "10.0.0.11",
                "fingerprint", FINGERPRINT, "password", PASSWORD, "link0", "10.0.0.14"));
    }

    @Test
    void removeANodeFromTheCluster() {
        pack.proxmox().respond("DELETE", "/cluster/config/nodes/pve3", "null");

        assertOk("node pve3 removed from the cluster configuration: keep it powered off, and reinstall it before it joins again",
                pack.call("proxmox_cluster_setup", "{\"action\":\"remove\",\"node\":\"pve3\",\"confirm\":true}"));
        assertRequest(pack.only("DELETE", "/cluster/config/nodes/pve3"), Map.of(), Map.of());
    }

    @Test
    void removingTheNodeItselfIsTheProxmoxError() {
        pack.proxmox().fail("DELETE", "/cluster/config/nodes/pve1", 500, "Cannot delete myself from cluster!", Map.of());

        assertEquals("Proxmox API error 500: Cannot delete myself from cluster!",
                pack.error("proxmox_cluster_setup", "{\"action\":\"remove\",\"node\":\"pve1\",\"confirm\":true}").text());
    }

    @Test
    void everySetupActionNeedsConfirm() {
        pack.refusedWithoutConfirm("proxmox_cluster_setup", "{\"action\":\"create\",\"clustername\":\"prod\"}");
        pack.refusedWithoutConfirm("proxmox_cluster_setup", "{\"action\":\"join\",\"hostname\":\"h\",\"fingerprint\":\""
                + FINGERPRINT + "\",\"password\":\"p\"}");
        pack.refusedWithoutConfirm("proxmox_cluster_setup", "{\"action\":\"remove\",\"node\":\"pve3\"}");
    }

    @Test
    void badSetupInputSendsNothing() {
        pack.invalid("proxmox_cluster_setup", "{\"action\":\"create\",\"confirm\":true}", "clustername is required");
        pack.invalid("proxmox_cluster_setup", "{\"action\":\"create\",\"clustername\":\"a/b\",\"confirm\":true}",
                "clustername: must be a node name");
        pack.invalid("proxmox_cluster_setup", "{\"action\":\"join\",\"hostname\":\"h\",\"fingerprint\":\"" + FINGERPRINT
                + "\",\"confirm\":true}", "action=join needs hostname, fingerprint and password");
        pack.invalid("proxmox_cluster_setup", "{\"action\":\"join\",\"hostname\":\"h\",\"fingerprint\":\"AB:CD\",\"password\":\"p\","
                + "\"confirm\":true}", "fingerprint must be a SHA-256 fingerprint");
        pack.invalid("proxmox_cluster_setup", "{\"action\":\"remove\",\"node\":\"../x\",\"confirm\":true}", "node: must be a node name");
        pack.invalid("proxmox_cluster_setup", "{\"action\":\"remove\",\"confirm\":true}", "node is required for action=remove");
        pack.invalid("proxmox_cluster_setup", "{\"action\":\"remove\",\"node\":\"pve3\",\"clustername\":\"x\",\"confirm\":true}",
                "a field for another action");
        pack.invalid("proxmox_cluster_setup", "{\"action\":\"create\",\"clustername\":\"p\",\"hostname\":\"h\",\"confirm\":true}",
                "a field for another action");
        pack.invalid("proxmox_cluster_setup", "{\"action\":\"create\",\"clustername\":\"p\",\"links\":[\"1\",\"2\",\"3\",\"4\",\"5\","
                + "\"6\",\"7\",\"8\",\"9\"],\"confirm\":true}", "at most 8 links");
    }

    @Test
    void startEveryGuestNeedsNoConfirm() {
        pack.taskEndsOk("POST", "/cluster/bulk-action/guest/start");

        assertOk("start of all guests: task OK (" + TaskIds.UPID + ")", pack.call("proxmox_cluster_guests_control", "{\"action\":\"start\"}"));
        var start = pack.startedAndAwaited("POST", "/cluster/bulk-action/guest/start");
        assertEquals("", start.body());
    }

    @Test
    void shutdownOfListedGuestsSendsOnePairPerVmid() {
        pack.taskEndsOk("POST", "/cluster/bulk-action/guest/shutdown");

        assertOk("shutdown of guests [100, 101]: task OK (" + TaskIds.UPID + ")", pack.call("proxmox_cluster_guests_control",
                "{\"action\":\"shutdown\",\"vms\":[100,101],\"force-stop\":false,\"confirm\":true}"));
        assertEquals(List.of("vms=100", "vms=101", "force-stop=0"),
                FormPairs.of(pack.startedAndAwaited("POST", "/cluster/bulk-action/guest/shutdown")));
    }

    @Test
    void suspendAndMigrateNeedConfirm() {
        pack.refusedWithoutConfirm("proxmox_cluster_guests_control", "{\"action\":\"suspend\"}");
        pack.refusedWithoutConfirm("proxmox_cluster_guests_control", "{\"action\":\"shutdown\"}");
        pack.refusedWithoutConfirm("proxmox_cluster_guests_control", "{\"action\":\"migrate\",\"target\":\"pve2\"}");
    }

    @Test
    void suspendWithoutWaiting() {
        pack.proxmox().respond("POST", "/cluster/bulk-action/guest/suspend", TaskIds.quoted(TaskIds.UPID));

        assertOk("suspend of all guests: started, task " + TaskIds.UPID, pack.call("proxmox_cluster_guests_control",
                "{\"action\":\"suspend\",\"confirm\":true,\"wait\":false}"));
        assertEquals("", pack.only("POST", "/cluster/bulk-action/guest/suspend").body());
    }

    @Test
    void migrateEverythingLiveToOneNode() {
        pack.taskEndsOk("POST", "/cluster/bulk-action/guest/migrate");

        assertOk("migrate of all guests to pve2: task OK (" + TaskIds.UPID + ")", pack.call("proxmox_cluster_guests_control",
                "{\"action\":\"migrate\",\"target\":\"pve2\",\"online\":true,\"with-local-disks\":true,\"confirm\":true}"));
        assertEquals(List.of("target=pve2", "online=1", "with-local-disks=1"),
                FormPairs.of(pack.startedAndAwaited("POST", "/cluster/bulk-action/guest/migrate")));
    }

    @Test
    void beforePve91TheEndpointsAreMissingAndTheErrorSaysWhatToUse() {
        pack.proxmox().fail("POST", "/cluster/bulk-action/guest/start", 501,
                "Method 'POST /cluster/bulk-action/guest/start' not implemented", Map.of());

        assertEquals("Proxmox API error 501: Method 'POST /cluster/bulk-action/guest/start' not implemented (cluster-wide bulk "
                        + "actions need PVE 9.1 or later; use proxmox_node_guests_control per node)",
                pack.error("proxmox_cluster_guests_control", "{\"action\":\"start\"}").text().lines().findFirst().orElseThrow());
    }

    @Test
    void failedBulkTaskIsAnError() {
        pack.proxmox().respond("POST", "/cluster/bulk-action/guest/start", TaskIds.quoted(TaskIds.UPID));
        pack.proxmox().respond("GET", "/nodes/pve1/tasks/" + TaskIds.UPID_ENCODED + "/status",
                "{\"status\":\"stopped\",\"exitstatus\":\"Some guests failed to start: 105\"}");
        pack.proxmox().respond("GET", "/nodes/pve1/tasks/" + TaskIds.UPID_ENCODED + "/log", "[{\"n\":1,\"t\":\"CT 105: start failed\"}]");

        assertEquals("start of all guests: task failed: Some guests failed to start: 105 (" + TaskIds.UPID + ")\nlast log lines:\n"
                + "  CT 105: start failed", pack.error("proxmox_cluster_guests_control", "{\"action\":\"start\"}").text());
    }

    @Test
    void badBulkInputSendsNothing() {
        pack.invalid("proxmox_cluster_guests_control", "{\"action\":\"migrate\",\"confirm\":true}", "target is required");
        pack.invalid("proxmox_cluster_guests_control", "{\"action\":\"migrate\",\"target\":\"../x\",\"confirm\":true}",
                "target: must be a node name");
        pack.invalid("proxmox_cluster_guests_control", "{\"action\":\"start\",\"target\":\"pve2\"}", "a field for another action");
        pack.invalid("proxmox_cluster_guests_control", "{\"action\":\"suspend\",\"force-stop\":true,\"confirm\":true}",
                "a field for another action");
        pack.invalid("proxmox_cluster_guests_control", "{\"action\":\"start\",\"vms\":[99]}", "must be a VMID");
    }
}
