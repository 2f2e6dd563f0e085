package io.github.proxmoxmcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Datacenter options, the cluster log, corosync and join information, leaving the cluster, metrics, bulk actions. */
class ClusterSetupApiTest {

    private Sandbox sandbox;
    private Api api;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxTest.OPTIONS);
        api = new Api(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void optionsAreSetAndUnset() {
        JsonNode options = api.get("/cluster/options").data();
        assertEquals("en-us", options.get("keyboard").asString());
        assertFalse(options.has("digest"), "datacenter.cfg has no digest");
        assertEquals(200, api.put("/cluster/options", "keyboard", "de-ch", "max_workers", "8", "delete", "http_proxy").status());
        options = api.get("/cluster/options").data();
        assertEquals("de-ch", options.get("keyboard").asString());
        assertEquals(8, options.get("max_workers").asInt());
        assertFalse(options.has("http_proxy"));
        Api.Response wrong = api.put("/cluster/options", "keyboard", "klingon");
        assertEquals(400, wrong.status());
        assertEquals(400, api.put("/cluster/options", "colour", "red").status());
    }

    @Test
    void theLogShowsTasksStartingAndEndingNewestFirst() {
        String upid = api.post("/nodes/pve1/services/postfix/restart").data().asString();
        assertEquals("OK", api.await(upid));
        JsonNode log = api.get("/cluster/log", "max", "3").data();
        assertEquals(3, log.size());
        assertEquals("end task " + upid + " OK", log.get(0).get("msg").asString());
        assertEquals("starting task " + upid, log.get(1).get("msg").asString());
        assertEquals("pve1", log.get(0).get("node").asString());
        assertEquals(3, log.get(0).get("uid").asInt());
    }

    @Test
    void joinInformationNamesEveryMemberWithItsFingerprint() {
        JsonNode join = api.get("/cluster/config/join").data();
        assertEquals("pve1", join.get("preferred_node").asString());
        assertEquals(List.of("pve1", "pve2", "pve3"), SandboxTest.texts(join.get("nodelist"), "name"));
        assertTrue(join.get("nodelist").get(1).get("pve_fp").asString().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"));
        assertEquals("192.168.1.12", join.get("nodelist").get(1).get("pve_addr").asString());
        assertEquals("sandbox", join.get("totem").get("cluster_name").asString());
        assertEquals("sandbox", api.get("/cluster/config/totem").data().get("cluster_name").asString());
        assertEquals(0, api.get("/cluster/config/qdevice").data().size());
        assertEquals(1, api.get("/cluster/config/apiversion").data().asInt());
    }

    @Test
    void aMemberCannotCreateOrJoinAnotherCluster() {
        Api.Response create = api.post("/cluster/config", "clustername", "other");
        assertEquals(500, create.status());
        assertEquals("cluster config '/etc/pve/corosync.conf' already exists", create.message().trim());
        Api.Response join = api.post("/cluster/config/join", "hostname", "10.0.0.1", "password", "x",
                "fingerprint", "AA:" .repeat(31) + "AA");
        assertEquals(500, join.status());
        assertTrue(join.message().contains("this host already contains virtual guests"), join.raw());
    }

    @Test
    void removingANodeTakesItOutOfTheMembershipButNeverTheLocalOne() {
        assertEquals(200, api.delete("/cluster/config/nodes/pve3").status());
        assertEquals(List.of("pve1", "pve2"), SandboxTest.texts(api.get("/cluster/config/nodes").data(), "name"));
        JsonNode status = api.get("/cluster/status").data();
        assertEquals(2, status.get(0).get("nodes").asInt());
        assertEquals(4, status.get(0).get("version").asInt());
        assertEquals("Cannot delete myself from cluster!", api.delete("/cluster/config/nodes/pve1").message().trim());
        assertEquals(500, api.delete("/cluster/config/nodes/pve3").status());
    }

    @Test
    void metricsExportHasTheOnlineNodesAndTheirRunningGuests() {
        JsonNode all = api.get("/cluster/metrics/export").data().get("data");
        assertTrue(SandboxTest.texts(all, "id").containsAll(List.of("node/pve1", "node/pve2", "node/pve3", "qemu/100")));
        JsonNode one = api.get("/cluster/metrics/export", "node-list", "pve2").data().get("data");
        assertTrue(SandboxTest.texts(one, "id").stream().noneMatch(id -> id.equals("node/pve1") || id.equals("qemu/100")));
        assertEquals("gauge", one.get(0).get("type").asString());
    }

    @Test
    void realmSyncJobsAreACollection() {
        assertEquals(List.of("corp-daily"), SandboxTest.texts(api.get("/cluster/jobs/realm-sync").data(), "id"));
        assertEquals(200, api.post("/cluster/jobs/realm-sync/corp-hourly", "realm", "corp", "schedule", "hourly",
                "scope", "users").status());
        JsonNode job = api.get("/cluster/jobs/realm-sync/corp-hourly").data();
        assertEquals("users", job.get("scope").asString());
        assertEquals(200, api.put("/cluster/jobs/realm-sync/corp-hourly", "schedule", "daily", "enabled", "0").status());
        assertEquals("daily", api.get("/cluster/jobs/realm-sync/corp-hourly").data().get("schedule").asString());
        assertEquals(200, api.delete("/cluster/jobs/realm-sync/corp-hourly").status());
        assertEquals(500, api.get("/cluster/jobs/realm-sync/corp-hourly").status());
    }

    @Test
    void bulkActionsReachGuestsOnEveryNode() {
        String upid = api.post("/cluster/bulk-action/guest/shutdown", "vms", "100", "vms", "101").data().asString();
        assertTrue(upid.startsWith("UPID:pve1:") && upid.contains(":bulkshutdown::"), upid);
        assertEquals("OK", api.await(upid));
        assertEquals("stopped", api.get("/nodes/pve1/qemu/100/status/current").data().get("status").asString());
        assertEquals("stopped", api.get("/nodes/pve2/qemu/101/status/current").data().get("status").asString());
        String migrate = api.post("/cluster/bulk-action/guest/migrate", "vms", "101", "target", "pve3").data().asString();
        assertEquals("OK", api.await(migrate));
        assertEquals(200, api.get("/nodes/pve3/qemu/101/status/current").status());
    }

    @Test
    void bulkActionsAreNotOnPve8() {
        try (Sandbox pve8 = Sandbox.start(SandboxTest.OPTIONS.withPveMajor(8))) {
            assertEquals(501, new Api(pve8).post("/cluster/bulk-action/guest/start").status());
        }
    }

    @Test
    void calendarEventsWithRangesRepetitionsAndWords() {
        long monday = java.time.Instant.parse("2025-06-02T00:00:00Z").getEpochSecond();
        assertEquals(List.of("2025-06-02 00:05", "2025-06-02 00:10"), runs("*/5", monday, 2));
        assertEquals(List.of("2025-06-02 08:00", "2025-06-02 08:15"), runs("mon..fri 8..17,22:0/15", monday, 2));
        assertEquals(List.of("2025-06-06 12:05", "2025-06-06 12:25"), runs("fri 12..13:5/20", monday, 2));
        assertEquals(List.of("2025-06-07 00:00", "2025-06-08 00:00", "2025-06-14 00:00"), runs("sat..sun", monday, 3));
        assertEquals(List.of("2025-06-02 00:30", "2025-06-02 00:40"), runs("mon..wed 30/10", monday, 2));
        assertEquals(List.of("2025-06-02 01:00"), runs("hourly", monday, 1));
        assertEquals(List.of("2025-06-09 00:00"), runs("weekly", monday, 1));
        Api.Response dated = api.get("/cluster/jobs/schedule-analyze", "schedule", "2025-10-21");
        assertEquals(400, dated.status());
    }

    private List<String> runs(String schedule, long start, int count) {
        return SandboxTest.texts(api.get("/cluster/jobs/schedule-analyze", "schedule", schedule, "starttime", String.valueOf(start),
                "iterations", String.valueOf(count)).data(), "utc");
    }

    @Test
    void aJobListsTheVolumesItBacksUp() {
        JsonNode guests = api.get("/cluster/backup/backup-prod-nightly/included_volumes").data().get("children");
        assertEquals(List.of("100", "101"), SandboxTest.texts(guests, "id"));
        JsonNode web = guests.get(0);
        assertEquals("web01", web.get("name").asString());
        assertEquals("scsi0", web.get("children").get(0).get("id").asString());
        assertEquals(1, web.get("children").get(0).get("included").asInt());
        assertEquals(400, api.get("/cluster/backup/nope/included_volumes").status());
    }
}
