package io.github.proxmoxmcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cluster-wide reads computed from the seeded jobs, guests and nodes. */
class ClusterCollectionsTest {

    @Test
    void corosyncListsEveryNodeWithOneVote() {
        try (Sandbox sandbox = Sandbox.start(SandboxTest.OPTIONS)) {
            Api.Response r = new Api(sandbox).get("/cluster/config/nodes");
            assertEquals(200, r.status(), r.raw());
            assertEquals("[{\"name\":\"pve1\",\"node\":\"pve1\",\"nodeid\":\"1\",\"quorum_votes\":\"1\",\"ring0_addr\":\"192.168.1.11\"},"
                    + "{\"name\":\"pve2\",\"node\":\"pve2\",\"nodeid\":\"2\",\"quorum_votes\":\"1\",\"ring0_addr\":\"192.168.1.12\"},"
                    + "{\"name\":\"pve3\",\"node\":\"pve3\",\"nodeid\":\"3\",\"quorum_votes\":\"1\",\"ring0_addr\":\"192.168.1.13\"}]",
                    r.body().get("data").toString());
        }
    }

    @Test
    void scheduleAnalyzeGivesTheNextRunsFromNowOrAStartTime() {
        try (Sandbox sandbox = Sandbox.start(SandboxTest.OPTIONS)) {
            Api api = new Api(sandbox);
            Api.Response nightly = api.get("/cluster/jobs/schedule-analyze", "schedule", "02:00", "iterations", "2");
            assertEquals("[{\"timestamp\":1748829600,\"utc\":\"2025-06-02 02:00\"},{\"timestamp\":1748916000,\"utc\":\"2025-06-03 02:00\"}]",
                    nightly.body().get("data").toString());
            Api.Response weekly = api.get("/cluster/jobs/schedule-analyze", "schedule", "sun 03:30", "iterations", "1",
                    "starttime", "1748829600");
            assertEquals("[{\"timestamp\":1749353400,\"utc\":\"2025-06-08 03:30\"}]", weekly.body().get("data").toString());
            assertEquals(400, api.get("/cluster/jobs/schedule-analyze", "schedule", "02:00", "iterations", "101").status());
            assertEquals(400, api.get("/cluster/jobs/schedule-analyze").status());
        }
    }

    @Test
    void notBackedUpFollowsTheJobsSelections() {
        try (Sandbox sandbox = Sandbox.start(SandboxTest.OPTIONS)) {
            Api api = new Api(sandbox);
            assertEquals("[{\"vmid\":9000,\"type\":\"qemu\",\"name\":\"debian-12-cloud\"}]",
                    api.get("/cluster/backup-info/not-backed-up").body().get("data").toString(), "the weekly job excludes 9000");
            assertEquals(200, api.delete("/cluster/backup/backup-weekly-all").status());
            assertEquals(List.of("102", "103", "104", "105", "106", "9000"),
                    SandboxTest.texts(api.get("/cluster/backup-info/not-backed-up").data(), "vmid"), "the production pool stays covered");
        }
    }
}
