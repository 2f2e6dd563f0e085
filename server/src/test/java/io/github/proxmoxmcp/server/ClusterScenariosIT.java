package io.github.proxmoxmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The everyday cluster jobs end to end, a fresh {@link SandboxSession} per test: health and quorum, a pool, a nightly
 * backup job and what no job covers, replication to another node, when a schedule fires, datacenter options, and
 * cluster-wide guest actions on PVE 9 and 8.
 */
class ClusterScenariosIT {

    private SandboxSession sandbox;

    private SandboxSession start(int pve) {
        sandbox = SandboxSession.start(pve, "PROXMOX_ALLOW_ELEVATED", "true");
        return sandbox;
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void isMyClusterHealthyWithAllNodesAndWithOneOffline() {
        SandboxSession s = start(9);
        assertEquals("""
                cluster sandbox: quorate, 3/3 nodes online, votes 3/3 (quorum 2), config version 3
                NODE  ID  ONLINE  VOTES  IP            LOCAL
                pve1  1   yes     1      192.168.1.11  yes
                pve2  2   yes     1      192.168.1.12  -
                pve3  3   yes     1      192.168.1.13  -""", s.ok("proxmox_cluster_status", Map.of()));
        assertEquals("shutdown of node pve3 requested",
                s.ok("proxmox_node_power_control", Map.of("node", "pve3", "command", "shutdown", "confirm", true)));
        assertEquals("""
                cluster sandbox: quorate, 2/3 nodes online, votes 2/3 (quorum 2), config version 3
                NODE  ID  ONLINE  VOTES  IP            LOCAL
                pve1  1   yes     1      192.168.1.11  yes
                pve2  2   yes     1      192.168.1.12  -
                pve3  3   no      1      192.168.1.13  -""", s.ok("proxmox_cluster_status", Map.of()));
    }

    @Test
    void createAPoolAndAddAVm() {
        SandboxSession s = start(9);
        assertEquals("pool staging created",
                s.ok("proxmox_cluster_pool_manage", Map.of("action", "create", "poolid", "staging", "comment", "Staging")));
        assertEquals("pool staging: added guests 102",
                s.ok("proxmox_cluster_pool_manage", Map.of("action", "update", "poolid", "staging", "vms", List.of(102))));
        assertEquals("""
                pool staging (Staging), 1 member:
                ID        TYPE  NODE  NAME      STATUS
                qemu/102  qemu  pve1  win-test  stopped""", s.ok("proxmox_cluster_config_get", Map.of("kind", "pool", "id", "staging")));
        assertEquals("pool staging is not empty (qemu/102): remove its members first, or call again with remove: true to take "
                + "them out. Nothing was changed.", s.failed("proxmox_cluster_pool_manage",
                Map.of("action", "delete", "poolid", "staging", "confirm", true)));
    }

    @Test
    void scheduleANightlyBackupOfAPoolWithRetentionAndFindWhatNoJobCovers() {
        SandboxSession s = start(9);
        assertEquals("backup job dev-nightly created", s.ok("proxmox_cluster_config_manage", Map.of("kind", "backup",
                "action", "create", "id", "dev-nightly", "set", Map.of("schedule", "mon..fri 01:30", "pool", "development",
                        "storage", "nfs-shared", "mode", "snapshot", "compress", "zstd", "prune-backups", "keep-daily=7,keep-weekly=4"))));
        String job = s.ok("proxmox_cluster_config_get", Map.of("kind", "backup", "id", "dev-nightly"));
        assertTrue(job.contains("keep-daily=7,keep-weekly=4"), job);
        String jobs = s.ok("proxmox_cluster_config_get", Map.of("kind", "backup"));
        assertTrue(jobs.contains("dev-nightly          mon..fri 01:30  2026-01-01 01:30:00Z"), "the next run, Thursday night: " + jobs);
        assertEquals("""
                backup job dev-nightly includes:
                VMID  TYPE  NAME        VOLUME                          INCLUDED  REASON
                104   lxc   build01     rootfs local-lvm:vm-104-disk-0  yes       rootfs
                105   qemu  gpu-render  scsi0 local-lvm:vm-105-disk-0   yes       enabled""",
                s.ok("proxmox_cluster_config_get", Map.of("kind", "backup", "id", "dev-nightly", "volumes", true)));
        assertEquals("""
                guests in no backup job:
                VMID  TYPE  NAME
                9000  qemu  debian-12-cloud""", s.ok("proxmox_cluster_get", Map.of("view", "not_backed_up")));
        s.ok("proxmox_cluster_config_manage", Map.of("kind", "backup", "action", "delete", "id", "backup-weekly-all", "confirm", true));
        String uncovered = s.ok("proxmox_cluster_get", Map.of("view", "not_backed_up"));
        assertTrue(uncovered.contains("103   lxc   dns01") && !uncovered.contains("100 "), uncovered);
    }

    @Test
    void replicateAVmToAnotherNode() {
        SandboxSession s = start(9);
        assertEquals("replication job 101-0 created", s.ok("proxmox_cluster_config_manage", Map.of("kind", "replication",
                "action", "create", "id", "101-0", "set", Map.of("target", "pve3", "schedule", "*/30"))));
        assertEquals("""
                ID     GUEST  TARGET  SCHEDULE  RATE  ENABLED  COMMENT
                101-0  101    pve3    */30      -     yes      -
                103-0  103    pve3    */15      -     yes      DNS standby on pve3""",
                s.ok("proxmox_cluster_config_get", Map.of("kind", "replication")));
    }

    @Test
    void whenDoesAScheduleFireNext() {
        SandboxSession s = start(9);
        String runs = s.ok("proxmox_cluster_schedule_analyze", Map.of("schedule", "mon..fri 22:00", "limit", 3));
        assertTrue(runs.contains("2026-01-01 22:00") && runs.contains("2026-01-02 22:00") && runs.contains("2026-01-05 22:00")
                && !runs.contains("2026-01-03"), runs);
    }

    @Test
    void setAndUnsetDatacenterOptions() {
        SandboxSession s = start(9);
        String before = s.ok("proxmox_cluster_get", Map.of("view", "options"));
        assertTrue(before.contains("http_proxy: http://***@proxy.lab.example.com:3128"), "credentials hidden: " + before);
        assertEquals("datacenter options updated: set keyboard, max_workers; removed http_proxy", s.ok("proxmox_cluster_options_set",
                Map.of("set", Map.of("keyboard", "de-ch", "max_workers", 8), "unset", List.of("http_proxy"))));
        String after = s.ok("proxmox_cluster_get", Map.of("view", "options"));
        assertTrue(after.contains("keyboard: de-ch\nmax_workers: 8") && !after.contains("http_proxy"), after);
    }

    @Test
    void shutDownGuestsAcrossTheClusterOnPve9ButNotOnPve8() {
        SandboxSession s = start(9);
        String done = s.ok("proxmox_cluster_guests_control", Map.of("action", "shutdown", "vms", List.of(100, 101), "confirm", true));
        assertTrue(done.startsWith("shutdown of guests [100, 101]: task OK (UPID:pve1:") && done.contains(":bulkshutdown:"), done);
        assertTrue(s.ok("proxmox_guest_get", Map.of("vmid", 101)).contains("stopped"));
        s.close();
        sandbox = null;
        String refused = start(8).failed("proxmox_cluster_guests_control", Map.of("action", "start"));
        assertTrue(refused.contains("501") && refused.contains("need PVE 9.1 or later"), refused);
    }

    @Test
    void joinInformationAndJoiningRefusedOnAMember() {
        SandboxSession s = start(9);
        String join = s.ok("proxmox_cluster_get", Map.of("view", "join"));
        assertTrue(join.startsWith("join information (preferred node pve1") && join.contains("pve2  2   1      192.168.1.12"), join);
        String refused = s.failed("proxmox_cluster_setup", Map.of("action", "create", "clustername", "other", "confirm", true));
        assertEquals("Proxmox API error 500: cluster config '/etc/pve/corosync.conf' already exists", refused.lines().findFirst().orElseThrow());
    }
}
