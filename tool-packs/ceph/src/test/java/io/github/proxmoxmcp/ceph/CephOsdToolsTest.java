package io.github.proxmoxmcp.ceph;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static io.github.proxmoxmcp.core.testing.TaskIds.UPID;
import static io.github.proxmoxmcp.core.testing.TaskIds.UPID_ENCODED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** proxmox_ceph_osd_manage (every action) and proxmox_ceph_osd_destroy with its guards. */
@MicronautTest
class CephOsdToolsTest implements MockProxmoxTest {

    private static final String SAFE = "{\"safe\":true}";
    private static final String STATUS = "GET /nodes/pve1/tasks/" + UPID_ENCODED + "/status";

    @Inject
    PackCalls pack;

    @Test
    void createAnOsdWithDbDeviceEncryptionAndClass() {
        pack.taskEndsOk("POST", "/nodes/pve1/ceph/osd");

        assertOk("creation of an OSD on /dev/sdb on pve1: task OK (" + UPID + ")", pack.call("proxmox_ceph_osd_manage", """
                {"action":"create","node":"pve1","dev":"/dev/sdb","options":{"db_dev":"/dev/nvme0n1","db_dev_size":60,
                 "encrypted":true,"crush-device-class":"hdd"}}"""));
        assertRequest(pack.startedAndAwaited("POST", "/nodes/pve1/ceph/osd"), Map.of(), Map.of("dev", "/dev/sdb",
                "crush-device-class", "hdd", "db_dev", "/dev/nvme0n1", "db_dev_size", "60", "encrypted", "1"));
    }

    @Test
    void inOutScrubAndDeepScrub() {
        pack.proxmox().respond("POST", "/nodes/pve1/ceph/osd/3/out", "null");
        pack.proxmox().respond("POST", "/nodes/pve1/ceph/osd/3/in", "null");
        pack.proxmox().respond("POST", "/nodes/pve1/ceph/osd/3/scrub", "null");

        assertOk("osd.3 marked out: Ceph moves its data to the other OSDs (follow with proxmox_ceph_status)",
                pack.call("proxmox_ceph_osd_manage", "{\"action\":\"out\",\"node\":\"pve1\",\"osd\":3}"));
        assertOk("osd.3 marked in: Ceph moves data back onto it (follow with proxmox_ceph_status)",
                pack.call("proxmox_ceph_osd_manage", "{\"action\":\"in\",\"node\":\"pve1\",\"osd\":3}"));
        assertOk("scrub of osd.3 requested", pack.call("proxmox_ceph_osd_manage", "{\"action\":\"scrub\",\"node\":\"pve1\",\"osd\":3}"));
        assertOk("deep scrub of osd.3 requested",
                pack.call("proxmox_ceph_osd_manage", "{\"action\":\"deep-scrub\",\"node\":\"pve1\",\"osd\":3}"));
        assertEquals(List.of("POST /nodes/pve1/ceph/osd/3/out", "POST /nodes/pve1/ceph/osd/3/in", "POST /nodes/pve1/ceph/osd/3/scrub",
                "POST /nodes/pve1/ceph/osd/3/scrub"), pack.lines());
        assertEquals(Map.of(), pack.request(2).form());
        assertEquals(Map.of("deep", "1"), pack.request(3).form());
    }

    @Test
    void osdManageInputIsCheckedBeforeSending() {
        pack.invalid("proxmox_ceph_osd_manage", "{\"action\":\"create\",\"node\":\"pve1\"}", "dev is required for action=create");
        pack.invalid("proxmox_ceph_osd_manage", "{\"action\":\"create\",\"node\":\"pve1\",\"dev\":\"/dev/../etc/passwd\"}",
                "dev must be a block device");
        pack.invalid("proxmox_ceph_osd_manage", "{\"action\":\"create\",\"node\":\"pve1\",\"dev\":\"sdb\"}", "dev must be a block device");
        pack.invalid("proxmox_ceph_osd_manage", "{\"action\":\"create\",\"node\":\"pve1\",\"dev\":\"/dev/sdb\",\"options\":{\"cleanup\":true}}",
                "options [cleanup] do not apply to action=create");
        pack.invalid("proxmox_ceph_osd_manage", "{\"action\":\"create\",\"node\":\"pve1\",\"dev\":\"/dev/sdb\",\"options\":{\"encrypted\":\"yes\"}}",
                "encrypted must be true or false; got 'yes'");
        pack.invalid("proxmox_ceph_osd_manage", "{\"action\":\"create\",\"node\":\"pve1\",\"dev\":\"/dev/sdb\",\"options\":{\"osds-per-device\":0}}",
                "osds-per-device must be a whole number from 1 to 64; got '0'");
        pack.invalid("proxmox_ceph_osd_manage", "{\"action\":\"create\",\"node\":\"pve1\",\"dev\":\"/dev/sdb\",\"options\":{\"wal_dev\":\"x y\"}}",
                "wal_dev must be a block device");
        pack.invalid("proxmox_ceph_osd_manage", "{\"action\":\"out\",\"node\":\"pve1\"}", "osd is required for action=out");
        pack.invalid("proxmox_ceph_osd_manage", "{\"action\":\"in\",\"node\":\"pve1\",\"osd\":1,\"dev\":\"/dev/sdb\"}", "dev is for action=create");
        pack.invalid("proxmox_ceph_osd_manage", "{\"action\":\"deep-scrub\",\"node\":\"pve1\",\"osd\":-2}", "osd");
        pack.invalid("proxmox_ceph_osd_manage", "{\"action\":\"out\",\"node\":\"pve1/../x\",\"osd\":1}", "node: must be a node name");
    }

    static String tree(String status, int in) {
        return """
                {"root":{"leaf":0,"children":[{"id":-1,"name":"default","type":"root","children":[
                  {"id":-2,"name":"pve1","type":"host","children":[
                    {"id":3,"name":"osd.3","type":"osd","host":"pve1","status":"%s","in":%d}]}]}]},"flags":""}"""
                .formatted(status, in);
    }

    @Test
    void destroyNeedsConfirm() {
        pack.refusedWithoutConfirm("proxmox_ceph_osd_destroy", "{\"node\":\"pve1\",\"osd\":3}");
    }

    @Test
    void destroyADownAndOutOsdThatCephSaysIsSafe() {
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/osd", tree("down", 0));
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/cmd-safety", SAFE);
        pack.taskEndsOk("DELETE", "/nodes/pve1/ceph/osd/3");

        assertOk("destruction of osd.3 on pve1: task OK (" + UPID + ")",
                pack.call("proxmox_ceph_osd_destroy", "{\"node\":\"pve1\",\"osd\":3,\"cleanup\":true,\"confirm\":true}"));
        assertEquals(List.of("GET /nodes/pve1/ceph/osd", "GET /nodes/pve1/ceph/cmd-safety", "DELETE /nodes/pve1/ceph/osd/3"),
                pack.lines().subList(0, 3));
        assertEquals(Map.of("service", "osd", "id", "3", "action", "destroy"), pack.request(1).query());
        assertRequest(pack.request(2), Map.of("cleanup", "1"), Map.of());
        assertEquals(STATUS, pack.last().line());
    }

    @Test
    void destroyIsRefusedWhileUpOrInAndWhenUnsafe() {
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/osd", tree("up", 1));
        assertError("osd.3 is up/in: nothing was changed. Mark it out (proxmox_ceph_osd_manage action=out), let Ceph move "
                + "its data off (proxmox_ceph_status), then stop it (proxmox_ceph_service_manage action=stop type=osd id=3) "
                + "and destroy it; force: true does both first.",
                pack.call("proxmox_ceph_osd_destroy", "{\"node\":\"pve1\",\"osd\":3,\"confirm\":true}"));
        assertEquals(List.of("GET /nodes/pve1/ceph/osd"), pack.lines());

        pack.proxmox().reset();
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/osd", tree("down", 0));
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/cmd-safety", "{\"safe\":false,\"status\":\"OSD(s) 3 have 12 pgs currently mapped to them\"}");
        assertError("Ceph says it is not safe to destroy osd.3: OSD(s) 3 have 12 pgs currently mapped to them. Nothing was "
                + "changed. Wait until the cluster is healthy again (proxmox_ceph_status), or give force: true to destroy it anyway.", pack.call("proxmox_ceph_osd_destroy", "{\"node\":\"pve1\",\"osd\":3,\"confirm\":true}"));
        assertEquals(List.of("GET /nodes/pve1/ceph/osd", "GET /nodes/pve1/ceph/cmd-safety"), pack.lines());
    }

    @Test
    void forceTakesTheOsdOutAndStopsItFirst() {
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/osd", tree("up", 1));
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/cmd-safety", "{\"safe\":false,\"status\":\"not safe\"}");
        pack.proxmox().respond("POST", "/nodes/pve1/ceph/osd/3/out", "null");
        pack.taskEndsOk("POST", "/nodes/pve1/ceph/stop");
        pack.taskEndsOk("DELETE", "/nodes/pve1/ceph/osd/3");

        assertOk("destruction of osd.3 on pve1 (marked out, stopped first): task OK (" + UPID + ")",
                pack.call("proxmox_ceph_osd_destroy", "{\"node\":\"pve1\",\"osd\":3,\"force\":true,\"confirm\":true}"));
        List<String> sent = pack.lines().stream().filter(l -> !l.equals(STATUS)).toList();
        assertEquals(List.of("GET /nodes/pve1/ceph/osd", "GET /nodes/pve1/ceph/cmd-safety", "POST /nodes/pve1/ceph/osd/3/out",
                "POST /nodes/pve1/ceph/stop", "DELETE /nodes/pve1/ceph/osd/3"), sent);
        assertEquals(Map.of("service", "osd.3"), pack.request(3).form());
        assertEquals(Map.of(), pack.proxmox().requests().stream().filter(r -> r.method().equals("DELETE")).findFirst().orElseThrow().query());
    }

    @Test
    void aFailedStopEndsTheDestructionBeforeItStarts() {
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/osd", tree("up", 0));
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/cmd-safety", SAFE);
        pack.proxmox().fail("POST", "/nodes/pve1/ceph/stop", 500, "unable to stop osd.3", Map.of());

        assertError("Proxmox API error 500: unable to stop osd.3",
                pack.call("proxmox_ceph_osd_destroy", "{\"node\":\"pve1\",\"osd\":3,\"force\":true,\"confirm\":true}"));
        assertEquals(List.of("GET /nodes/pve1/ceph/osd", "GET /nodes/pve1/ceph/cmd-safety", "POST /nodes/pve1/ceph/stop"), pack.lines());
    }

    @Test
    void destroyOnTheWrongNodeOrOfAnUnknownOsdSendsNoChange() {
        pack.proxmox().respond("GET", "/nodes/pve2/ceph/osd", tree("down", 0));
        assertError("osd.3 is on pve1: destroy it with node=pve1. Nothing was changed.",
                pack.call("proxmox_ceph_osd_destroy", "{\"node\":\"pve2\",\"osd\":3,\"confirm\":true}"));
        assertError("osd.9 does not exist: list the OSDs with proxmox_ceph_list what=osd",
                pack.call("proxmox_ceph_osd_destroy", "{\"node\":\"pve2\",\"osd\":9,\"confirm\":true}"));
        assertEquals(List.of("GET /nodes/pve2/ceph/osd", "GET /nodes/pve2/ceph/osd"), pack.lines());
        pack.proxmox().reset();
        pack.invalid("proxmox_ceph_osd_destroy", "{\"node\":\"../x\",\"osd\":3,\"confirm\":true}", "node: must be a node name");
    }
}
