package io.github.proxmoxmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The everyday Ceph jobs end to end on a simulated PVE 9 cluster, a fresh {@link SandboxSession} per test. The seed
 * is a three-node Ceph: a monitor, a manager and an MDS on each node, two OSDs per node (osd.0 and osd.1 on pve1),
 * the pools .mgr, vm-pool and the CephFS's two.
 */
class CephScenariosIT {

    private SandboxSession sandbox;

    @BeforeEach
    void start() {
        sandbox = SandboxSession.start(9);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private String ok(String tool, Map<String, Object> arguments) {
        return sandbox.ok(tool, arguments);
    }

    private String failed(String tool, Map<String, Object> arguments) {
        return sandbox.failed(tool, arguments);
    }

    private String health() {
        return ok("proxmox_ceph_status", Map.of());
    }

    @Test
    void cephHealthInOneCall() {
        assertEquals("""
                health: HEALTH_OK
                mons: 3, quorum pve1,pve2,pve3
                mgr: available, 2 standby
                osds: 6 total, 6 up, 6 in
                pgs: 177 (177 active+clean) in 4 pools
                usage: 469.1 GiB/11.8 TiB (3.9%), 120088 objects
                io: read 1.8 MiB/s, write 4.3 MiB/s, 61 rd/187 wr op/s
                mds: pve1 up:active, 2 standby""", health());
    }

    @Test
    void setNooutBeforeANodeRebootAndClearItAfter() {
        assertEquals("Ceph flags: set noout; clear noout after the maintenance ({\"noout\":false})",
                ok("proxmox_ceph_flags_set", Map.of("flags", Map.of("noout", true))));
        assertTrue(health().startsWith("""
                health: HEALTH_WARN
                  OSDMAP_FLAGS (HEALTH_WARN): noout flag(s) set
                """), health());
        ok("proxmox_node_power_control", Map.of("node", "pve3", "command", "reboot", "confirm", true));
        assertTrue(health().contains("osds: 6 total, 6 up, 6 in"), health());
        assertEquals("set: noout\nclear: nobackfill,nodeep-scrub,nodown,noin,norebalance,norecover,noscrub,notieragent,noup,pause",
                ok("proxmox_ceph_status", Map.of("view", "flags")));

        assertEquals("Ceph flags: cleared noout", ok("proxmox_ceph_flags_set", Map.of("flags", Map.of("noout", false))));
        assertTrue(health().startsWith("health: HEALTH_OK\nmons:"), health());
    }

    @Test
    void takeAnOsdOutAndBackIn() {
        assertEquals("osd.1 marked out: Ceph moves its data to the other OSDs (follow with proxmox_ceph_status)",
                ok("proxmox_ceph_osd_manage", Map.of("action", "out", "node", "pve1", "osd", 1)));
        assertTrue(health().contains("osds: 6 total, 6 up, 5 in"), health());
        assertTrue(ok("proxmox_ceph_list", Map.of("what", "osd", "node", "pve1")).contains("osd.1  pve1  ssd    up/out"));
        assertEquals("osd.1 is up/out: nothing was changed. Stop it (proxmox_ceph_service_manage action=stop type=osd id=1) "
                + "and destroy it; force: true does it first.",
                failed("proxmox_ceph_osd_destroy", Map.of("node", "pve1", "osd", 1, "confirm", true)));

        assertEquals("osd.1 marked in: Ceph moves data back onto it (follow with proxmox_ceph_status)",
                ok("proxmox_ceph_osd_manage", Map.of("action", "in", "node", "pve1", "osd", 1)));
        assertTrue(health().contains("osds: 6 total, 6 up, 6 in"), health());
    }

    @Test
    void replaceAnOsd() {
        String destroyed = ok("proxmox_ceph_osd_destroy", Map.of("node", "pve1", "osd", 1, "force", true, "cleanup", true,
                "confirm", true));
        assertTrue(destroyed.startsWith("destruction of osd.1 on pve1 (marked out, stopped first): task OK (UPID:pve1:"), destroyed);
        assertTrue(health().contains("osds: 5 total, 5 up, 5 in"), health());
        String created = ok("proxmox_ceph_osd_manage", Map.of("action", "create", "node", "pve1", "dev", "/dev/sdc"));
        assertTrue(created.startsWith("creation of an OSD on /dev/sdc on pve1: task OK (UPID:pve1:"), created);
        assertTrue(ok("proxmox_ceph_list", Map.of("what", "osd", "node", "pve1")).contains("osd.6  pve1  ssd    up/in"));
        assertTrue(health().startsWith("health: HEALTH_OK"), health());
    }

    @Test
    void createAPoolForRbdAndAddItAsStorage() {
        String created = ok("proxmox_ceph_pool_manage", Map.of("action", "create", "node", "pve1", "pool", "vm-fast",
                "add_storages", true, "options", Map.of("pg_num", 32, "application", "rbd")));
        assertTrue(created.startsWith("creation of pool vm-fast (added as storage vm-fast): task OK (UPID:pve1:"), created);
        assertTrue(ok("proxmox_ceph_list", Map.of("what", "pool", "node", "pve1")).contains("vm-fast"));
        assertTrue(ok("proxmox_storage_list", Map.of()).contains("vm-fast"));

        assertEquals("pool vm-fast is used by storage vm-fast: nothing was changed. Move or delete the disks on it first; "
                + "remove_storages: true also removes the storage definition.", failed("proxmox_ceph_pool_manage",
                Map.of("action", "delete", "node", "pve1", "pool", "vm-fast", "confirm", true)));
        String deleted = ok("proxmox_ceph_pool_manage", Map.of("action", "delete", "node", "pve1", "pool", "vm-fast",
                "remove_storages", true, "confirm", true));
        assertTrue(deleted.startsWith("deletion of pool vm-fast and of storage vm-fast: task OK"), deleted);
        assertFalse(ok("proxmox_storage_list", Map.of()).contains("vm-fast"));
    }
}
