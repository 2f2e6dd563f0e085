package io.github.proxmoxmcp.ceph;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static io.github.proxmoxmcp.core.testing.TaskIds.UPID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** proxmox_ceph_service_manage, _pool_manage, _fs_create, _flags_set and _init: every action. */
@MicronautTest
class CephWriteToolsTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    // monitors, managers, metadata servers and daemons

    @Test
    void createAMonitorAManagerAndAnMds() {
        pack.taskEndsOk("POST", "/nodes/pve1/ceph/mon/pve1");
        assertOk("creation of mon.pve1 on pve1: task OK (" + UPID + ")", pack.call("proxmox_ceph_service_manage",
                "{\"action\":\"create\",\"type\":\"mon\",\"node\":\"pve1\",\"options\":{\"mon-address\":\"10.0.0.1\"}}"));
        assertRequest(pack.startedAndAwaited("POST", "/nodes/pve1/ceph/mon/pve1"), Map.of(), Map.of("mon-address", "10.0.0.1"));

        pack.proxmox().reset();
        pack.taskEndsOk("POST", "/nodes/pve1/ceph/mgr/mgr2");
        pack.ok("proxmox_ceph_service_manage", "{\"action\":\"create\",\"type\":\"mgr\",\"node\":\"pve1\",\"id\":\"mgr2\"}");
        assertRequest(pack.startedAndAwaited("POST", "/nodes/pve1/ceph/mgr/mgr2"), Map.of(), Map.of());

        pack.proxmox().reset();
        pack.taskEndsOk("POST", "/nodes/pve1/ceph/mds/pve1");
        pack.ok("proxmox_ceph_service_manage", "{\"action\":\"create\",\"type\":\"mds\",\"node\":\"pve1\",\"options\":{\"hotstandby\":true}}");
        assertRequest(pack.startedAndAwaited("POST", "/nodes/pve1/ceph/mds/pve1"), Map.of(), Map.of("hotstandby", "1"));
    }

    @Test
    void destroyAMonitorAsksCephFirst() {
        pack.refusedWithoutConfirm("proxmox_ceph_service_manage", "{\"action\":\"destroy\",\"type\":\"mon\",\"node\":\"pve1\",\"id\":\"pve3\"}");

        pack.proxmox().respond("GET", "/nodes/pve1/ceph/cmd-safety", "{\"safe\":true}");
        pack.taskEndsOk("DELETE", "/nodes/pve1/ceph/mon/pve3");
        assertOk("destruction of mon.pve3 on pve1: task OK (" + UPID + ")", pack.call("proxmox_ceph_service_manage",
                "{\"action\":\"destroy\",\"type\":\"mon\",\"node\":\"pve1\",\"id\":\"pve3\",\"confirm\":true}"));
        assertEquals(List.of("GET /nodes/pve1/ceph/cmd-safety", "DELETE /nodes/pve1/ceph/mon/pve3"), pack.lines().subList(0, 2));
        assertEquals(Map.of("service", "mon", "id", "pve3", "action", "destroy"), pack.request(0).query());

        pack.proxmox().reset();
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/cmd-safety", "{\"safe\":false,\"status\":\"not enough monitors would be available\"}");
        assertError("Ceph says it is not safe to destroy mon.pve3: not enough monitors would be available. Nothing was changed. "
                + "Wait until the cluster is healthy again (proxmox_ceph_status), or give options {\"force\": true} to destroy it "
                + "anyway.", pack.call("proxmox_ceph_service_manage",
                "{\"action\":\"destroy\",\"type\":\"mon\",\"node\":\"pve1\",\"id\":\"pve3\",\"confirm\":true}"));
        assertEquals(List.of("GET /nodes/pve1/ceph/cmd-safety"), pack.lines());

        pack.proxmox().reset();
        pack.taskEndsOk("DELETE", "/nodes/pve1/ceph/mgr/pve3");
        pack.ok("proxmox_ceph_service_manage", "{\"action\":\"destroy\",\"type\":\"mgr\",\"node\":\"pve1\",\"id\":\"pve3\",\"confirm\":true}");
        pack.startedAndAwaited("DELETE", "/nodes/pve1/ceph/mgr/pve3");
    }

    @Test
    void startStopAndRestartDaemons() {
        pack.taskEndsOk("POST", "/nodes/pve1/ceph/start");
        assertOk("start of all Ceph daemons on pve1: task OK (" + UPID + ")",
                pack.call("proxmox_ceph_service_manage", "{\"action\":\"start\",\"node\":\"pve1\"}"));
        assertRequest(pack.startedAndAwaited("POST", "/nodes/pve1/ceph/start"), Map.of(), Map.of("service", "ceph"));

        pack.proxmox().reset();
        pack.taskEndsOk("POST", "/nodes/pve1/ceph/restart");
        assertOk("restart of all osd daemons on pve1: task OK (" + UPID + ")",
                pack.call("proxmox_ceph_service_manage", "{\"action\":\"restart\",\"type\":\"osd\",\"node\":\"pve1\"}"));
        assertRequest(pack.startedAndAwaited("POST", "/nodes/pve1/ceph/restart"), Map.of(), Map.of("service", "osd"));

        pack.proxmox().reset();
        pack.taskEndsOk("POST", "/nodes/pve1/ceph/restart");
        pack.ok("proxmox_ceph_service_manage", "{\"action\":\"restart\",\"node\":\"pve1\"}");
        assertRequest(pack.startedAndAwaited("POST", "/nodes/pve1/ceph/restart"), Map.of(), Map.of());

        pack.proxmox().reset();
        pack.refusedWithoutConfirm("proxmox_ceph_service_manage", "{\"action\":\"stop\",\"type\":\"osd\",\"id\":\"3\",\"node\":\"pve1\"}");
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/cmd-safety", "{\"safe\":true}");
        pack.taskEndsOk("POST", "/nodes/pve1/ceph/stop");
        assertOk("stop of osd.3: task OK (" + UPID + ")", pack.call("proxmox_ceph_service_manage",
                "{\"action\":\"stop\",\"type\":\"osd\",\"id\":\"3\",\"node\":\"pve1\",\"confirm\":true}"));
        assertEquals(Map.of("service", "osd", "id", "3", "action", "stop"), pack.request(0).query());
        assertEquals(Map.of("service", "osd.3"), pack.request(1).form());

        pack.proxmox().reset();
        pack.taskEndsOk("POST", "/nodes/pve1/ceph/stop");
        pack.ok("proxmox_ceph_service_manage", "{\"action\":\"stop\",\"type\":\"mds\",\"id\":\"pve1\",\"node\":\"pve1\","
                + "\"options\":{\"force\":true},\"confirm\":true}");
        assertRequest(pack.startedAndAwaited("POST", "/nodes/pve1/ceph/stop"), Map.of(), Map.of("service", "mds.pve1"));
    }

    @Test
    void serviceInputIsCheckedBeforeSending() {
        pack.invalid("proxmox_ceph_service_manage", "{\"action\":\"create\",\"node\":\"pve1\"}", "type must be mon, mgr or mds");
        pack.invalid("proxmox_ceph_service_manage", "{\"action\":\"create\",\"type\":\"osd\",\"node\":\"pve1\"}", "(OSDs: proxmox_ceph_osd_manage)");
        pack.invalid("proxmox_ceph_service_manage", "{\"action\":\"destroy\",\"type\":\"mon\",\"node\":\"pve1\",\"confirm\":true}",
                "id is required for action=destroy");
        pack.invalid("proxmox_ceph_service_manage", "{\"action\":\"create\",\"type\":\"mgr\",\"node\":\"pve1\",\"options\":{\"hotstandby\":true}}",
                "options [hotstandby] do not apply to action=create type=mgr");
        pack.invalid("proxmox_ceph_service_manage", "{\"action\":\"start\",\"node\":\"pve1\",\"options\":{\"force\":true}}",
                "options [force] do not apply to action=start");
        pack.invalid("proxmox_ceph_service_manage", "{\"action\":\"start\",\"node\":\"pve1\",\"id\":\"pve1\"}", "id needs a type");
        pack.invalid("proxmox_ceph_service_manage", "{\"action\":\"start\",\"type\":\"osd\",\"node\":\"pve1\",\"id\":\"a\"}",
                "id of an OSD is its number");
        pack.invalid("proxmox_ceph_service_manage", "{\"action\":\"create\",\"type\":\"mon\",\"node\":\"pve1\",\"id\":\"a/b\"}",
                "id: must be a node name");
        pack.invalid("proxmox_ceph_service_manage", "{\"action\":\"create\",\"type\":\"mon\",\"node\":\"pve1\",\"options\":{\"mon-address\":\"x;rm\"}}",
                "mon-address must be of the form");
    }

    // pools

    @Test
    void createAnRbdPoolAddedAsStorage() {
        pack.taskEndsOk("POST", "/nodes/pve1/ceph/pool");

        assertOk("creation of pool vm-fast (added as storage vm-fast): task OK (" + UPID + ")", pack.call("proxmox_ceph_pool_manage", """
                {"action":"create","node":"pve1","pool":"vm-fast","add_storages":true,
                 "options":{"size":3,"min_size":2,"pg_num":64,"pg_autoscale_mode":"on","application":"rbd","target_size_ratio":0.2}}"""));
        assertRequest(pack.startedAndAwaited("POST", "/nodes/pve1/ceph/pool"), Map.of(), Map.of("name", "vm-fast", "size", "3",
                "min_size", "2", "pg_num", "64", "pg_autoscale_mode", "on", "application", "rbd", "target_size_ratio", "0.2",
                "add_storages", "1"));
    }

    @Test
    void updateAPool() {
        pack.taskEndsOk("PUT", "/nodes/pve1/ceph/pool/vm-pool");

        assertOk("update of pool vm-pool: task OK (" + UPID + ")", pack.call("proxmox_ceph_pool_manage",
                "{\"action\":\"update\",\"node\":\"pve1\",\"pool\":\"vm-pool\",\"options\":{\"pg_num\":256,\"target_size\":\"2T\"}}"));
        assertRequest(pack.startedAndAwaited("PUT", "/nodes/pve1/ceph/pool/vm-pool"), Map.of(), Map.of("pg_num", "256", "target_size", "2T"));
    }

    @Test
    void deleteNamesTheStoragesUsingThePool() {
        pack.refusedWithoutConfirm("proxmox_ceph_pool_manage", "{\"action\":\"delete\",\"node\":\"pve1\",\"pool\":\"vm-pool\"}");

        pack.proxmox().respond("GET", "/storage", Map.of("type", "rbd"), """
                [{"storage":"ceph-vm","type":"rbd","pool":"vm-pool"},{"storage":"rbd","type":"rbd"},
                 {"storage":"remote","type":"rbd","pool":"vm-pool","monhost":"10.9.9.1"}]""");
        assertError("pool vm-pool is used by storage ceph-vm: nothing was changed. Move or delete the disks on it first; "
                + "remove_storages: true also removes the storage definition.", pack.call("proxmox_ceph_pool_manage",
                "{\"action\":\"delete\",\"node\":\"pve1\",\"pool\":\"vm-pool\",\"confirm\":true}"));
        assertEquals(List.of("GET /storage"), pack.lines());
        assertEquals(Map.of("type", "rbd"), pack.request(0).query());

        pack.taskEndsOk("DELETE", "/nodes/pve1/ceph/pool/vm-pool");
        assertOk("deletion of pool vm-pool and of storage ceph-vm: task OK (" + UPID + ")", pack.call("proxmox_ceph_pool_manage",
                "{\"action\":\"delete\",\"node\":\"pve1\",\"pool\":\"vm-pool\",\"remove_storages\":true,\"options\":{\"force\":true},"
                        + "\"confirm\":true}"));
        assertEquals(Map.of("remove_storages", "1", "force", "1"), pack.request(2).query());

        pack.proxmox().reset();
        pack.proxmox().respond("GET", "/storage", Map.of("type", "rbd"), "[]");
        pack.taskEndsOk("DELETE", "/nodes/pve1/ceph/pool/old");
        assertOk("deletion of pool old (no storage used it): task OK (" + UPID + ")", pack.call("proxmox_ceph_pool_manage",
                "{\"action\":\"delete\",\"node\":\"pve1\",\"pool\":\"old\",\"confirm\":true}"));
        assertEquals(Map.of(), pack.request(1).query());
    }

    @Test
    void poolInputIsCheckedBeforeSending() {
        pack.invalid("proxmox_ceph_pool_manage", "{\"action\":\"create\",\"node\":\"pve1\"}", "pool is required for action=create");
        pack.invalid("proxmox_ceph_pool_manage", "{\"action\":\"create\",\"node\":\"pve1\",\"pool\":\"a:b\"}", "pool: must be a Ceph pool name");
        pack.invalid("proxmox_ceph_pool_manage", "{\"action\":\"update\",\"node\":\"pve1\",\"pool\":\"../x\"}", "pool: must be a Ceph pool name");
        pack.invalid("proxmox_ceph_pool_manage", "{\"action\":\"update\",\"node\":\"pve1\",\"pool\":\"p\"}", "action=update needs a setting");
        pack.invalid("proxmox_ceph_pool_manage", "{\"action\":\"create\",\"node\":\"pve1\",\"pool\":\"p\",\"options\":{\"size\":9}}",
                "size must be a whole number from 1 to 7; got '9'");
        pack.invalid("proxmox_ceph_pool_manage", "{\"action\":\"create\",\"node\":\"pve1\",\"pool\":\"p\",\"options\":{\"application\":\"nfs\"}}",
                "application must be one of rbd, cephfs, rgw");
        pack.invalid("proxmox_ceph_pool_manage", "{\"action\":\"update\",\"node\":\"pve1\",\"pool\":\"p\",\"options\":{\"erasure-coding\":\"k=2,m=1\"}}",
                "options [erasure-coding] do not apply to action=update");
        pack.invalid("proxmox_ceph_pool_manage", "{\"action\":\"update\",\"node\":\"pve1\",\"pool\":\"p\",\"add_storages\":true}",
                "add_storages is for action=create");
        pack.invalid("proxmox_ceph_pool_manage", "{\"action\":\"create\",\"node\":\"pve1\",\"pool\":\"p\",\"remove_storages\":true}",
                "remove_storages is for action=delete");
        pack.invalid("proxmox_ceph_pool_manage", "{\"action\":\"delete\",\"node\":\"pve1\",\"pool\":\"p\",\"options\":{\"size\":3},\"confirm\":true}",
                "options [size] do not apply to action=delete");
        pack.invalid("proxmox_ceph_pool_manage", "{\"action\":\"update\",\"node\":\"pve1\",\"pool\":\"p\",\"options\":{\"crush_rule\":\"a/b\"}}",
                "crush_rule must be of the form");
    }

    @Test
    void aDuplicatePoolKeepsProxmoxsMessage() {
        pack.proxmox().fail("POST", "/nodes/pve1/ceph/pool", 500, "pool 'vm-pool' already exists", Map.of());

        assertEquals("Proxmox API error 500: pool 'vm-pool' already exists", pack.error("proxmox_ceph_pool_manage",
                "{\"action\":\"create\",\"node\":\"pve1\",\"pool\":\"vm-pool\"}").text());
    }

    // CephFS

    @Test
    void createACephFsAddedAsStorage() {
        pack.taskEndsOk("POST", "/nodes/pve1/ceph/fs/shared");

        assertOk("creation of CephFS shared (pools shared_data and shared_metadata, added as storage shared): task OK (" + UPID + ")",
                pack.call("proxmox_ceph_fs_create", "{\"node\":\"pve1\",\"name\":\"shared\",\"pg_num\":32,\"add-storage\":true}"));
        assertRequest(pack.startedAndAwaited("POST", "/nodes/pve1/ceph/fs/shared"), Map.of(), Map.of("pg_num", "32", "add-storage", "1"));

        pack.proxmox().reset();
        pack.invalid("proxmox_ceph_fs_create", "{\"node\":\"pve1\",\"name\":\"a/b\"}", "name: must be a Ceph pool name");
        pack.invalid("proxmox_ceph_fs_create", "{\"node\":\"pve1\",\"name\":\"fs\",\"pg_num\":4}", "must be greater than or equal to 8");
    }

    // flags

    @Test
    void setNooutWithOneRequestAndSeveralFlagsAsOneTask() {
        pack.proxmox().respond("PUT", "/cluster/ceph/flags/noout", "null");
        assertOk("Ceph flags: set noout; clear noout after the maintenance ({\"noout\":false})",
                pack.call("proxmox_ceph_flags_set", "{\"flags\":{\"noout\":true}}"));
        assertRequest(pack.only("PUT", "/cluster/ceph/flags/noout"), Map.of(), Map.of("value", "1"));

        pack.proxmox().reset();
        pack.taskEndsOk("PUT", "/cluster/ceph/flags");
        assertOk("Ceph flags set norebalance, cleared noout,noscrub: task OK (" + UPID + ")", pack.call("proxmox_ceph_flags_set",
                "{\"flags\":{\"noout\":false,\"norebalance\":true,\"noscrub\":false}}"));
        assertRequest(pack.startedAndAwaited("PUT", "/cluster/ceph/flags"), Map.of(),
                Map.of("noout", "0", "norebalance", "1", "noscrub", "0"));
    }

    @Test
    void flagsThatStopIoNeedConfirm() {
        pack.refusedWithoutConfirm("proxmox_ceph_flags_set", "{\"flags\":{\"pause\":true}}");
        pack.refusedWithoutConfirm("proxmox_ceph_flags_set", "{\"flags\":{\"noout\":true,\"nodown\":true}}");

        pack.proxmox().respond("PUT", "/cluster/ceph/flags/pause", "null");
        pack.ok("proxmox_ceph_flags_set", "{\"flags\":{\"pause\":false}}");
        assertRequest(pack.only("PUT", "/cluster/ceph/flags/pause"), Map.of(), Map.of("value", "0"));
        pack.proxmox().reset();
        pack.proxmox().respond("PUT", "/cluster/ceph/flags/nodeep-scrub", "null");
        pack.ok("proxmox_ceph_flags_set", "{\"flags\":{\"nodeep-scrub\":true}}");
        pack.only("PUT", "/cluster/ceph/flags/nodeep-scrub");
    }

    @Test
    void flagInputIsCheckedBeforeSending() {
        pack.invalid("proxmox_ceph_flags_set", "{}", "flags is required");
        pack.invalid("proxmox_ceph_flags_set", "{\"flags\":{}}", "flags is required");
        pack.invalid("proxmox_ceph_flags_set", "{\"flags\":{\"../x\":true}}", "flags: give flag: true or false");
        pack.invalid("proxmox_ceph_flags_set", "{\"flags\":{\"noout\":null}}", "flags: give flag: true or false");
    }

    // init

    @Test
    void initWritesTheFirstConfiguration() {
        pack.refusedWithoutConfirm("proxmox_ceph_init", "{\"node\":\"pve1\",\"network\":\"10.10.10.0/24\"}");

        pack.proxmox().respond("POST", "/nodes/pve1/ceph/init", "null");
        assertOk("Ceph initialised on pve1 (public network 10.10.10.0/24): create the first monitor next "
                + "(proxmox_ceph_service_manage action=create type=mon)", pack.call("proxmox_ceph_init", """
                {"node":"pve1","network":"10.10.10.0/24","cluster-network":"10.20.20.0/24","options":{"size":3,"min_size":2,
                 "pg_bits":7,"disable_cephx":false},"confirm":true}"""));
        assertRequest(pack.only("POST", "/nodes/pve1/ceph/init"), Map.of(), Map.of("network", "10.10.10.0/24",
                "cluster-network", "10.20.20.0/24", "disable_cephx", "0", "min_size", "2", "pg_bits", "7", "size", "3"));
    }

    @Test
    void initInputIsCheckedBeforeSending() {
        pack.invalid("proxmox_ceph_init", "{\"node\":\"pve1\",\"network\":\"10.0.0.1\",\"confirm\":true}", "network must be a network in CIDR form");
        pack.invalid("proxmox_ceph_init", "{\"node\":\"pve1\",\"cluster-network\":\"10.0.0.0/24\",\"confirm\":true}",
                "network is required");
        pack.invalid("proxmox_ceph_init", "{\"node\":\"pve1\",\"options\":{\"pg_bits\":20},\"confirm\":true}",
                "pg_bits must be a whole number from 6 to 14");
        pack.invalid("proxmox_ceph_init", "{\"node\":\"x/y\",\"confirm\":true}", "node: must be a node name");
    }

    @Test
    void aPermissionErrorKeepsItsStatus() {
        pack.proxmox().fail("POST", "/nodes/pve1/ceph/init", 403, "Permission check failed (/, Sys.Modify)", Map.of());

        String text = pack.error("proxmox_ceph_init", "{\"node\":\"pve1\",\"confirm\":true}").text();
        assertTrue(text.startsWith("Proxmox API error 403: Permission check failed (/, Sys.Modify)"), text);
    }
}
