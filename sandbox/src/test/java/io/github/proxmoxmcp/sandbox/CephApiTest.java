package io.github.proxmoxmcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The simulated Ceph: health that follows flags and OSDs, OSD, daemon, pool and CephFS writes, the reads beside them. */
class CephApiTest {

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

    private static void assertFailure(int status, String message, Api.Response response) {
        assertEquals(status, response.status(), response.raw());
        assertEquals(message, response.message().strip());
    }

    private List<String> checks() {
        List<String> names = new ArrayList<>();
        api.get("/cluster/ceph/status").data().get("health").get("checks").propertyNames().forEach(names::add);
        return names;
    }

    private JsonNode osd(int id) {
        for (JsonNode host : api.get("/nodes/pve1/ceph/osd").data().get("root").get("children").get(0).get("children")) {
            for (JsonNode osd : host.get("children")) {
                if (osd.get("id").asInt() == id) {
                    return osd;
                }
            }
        }
        return null;
    }

    @Test
    void aHealthyClusterUntilAFlagIsSetAndAfterItIsCleared() {
        JsonNode status = api.get("/cluster/ceph/status").data();
        assertEquals("HEALTH_OK", status.get("health").get("status").asString());
        assertEquals(6, status.get("osdmap").get("num_up_osds").asInt());
        assertEquals("[\"pve1\",\"pve2\",\"pve3\"]", status.get("quorum_names").toString());

        assertEquals("{\"data\":null}", api.put("/cluster/ceph/flags/noout", "value", "1").raw());
        assertEquals("{\"data\":1}", api.get("/cluster/ceph/flags/noout").raw());
        JsonNode warned = api.get("/cluster/ceph/status").data().get("health");
        assertEquals("HEALTH_WARN", warned.get("status").asString());
        assertEquals("noout flag(s) set", warned.get("checks").get("OSDMAP_FLAGS").get("summary").get("message").asString());
        assertTrue(api.get("/nodes/pve1/ceph/osd").data().get("flags").asString().startsWith("noout,"));

        assertEquals("OK", api.run("PUT", "/cluster/ceph/flags", "noout", "0", "noscrub", "1"));
        assertEquals(List.of("OSDMAP_FLAGS"), checks());
        assertEquals(200, api.put("/cluster/ceph/flags/noscrub", "value", "0").status());
        assertEquals("HEALTH_OK", api.get("/cluster/ceph/status").data().get("health").get("status").asString());
        assertFailure(400, "Parameter verification failed.", api.put("/cluster/ceph/flags/nothing", "value", "1"));
        assertTrue(api.get("/nodes/pve1/ceph/log", "limit", "50").raw().contains("set noout"));
    }

    @Test
    void anOsdTakenOutAndBackIn() {
        assertEquals(200, api.post("/nodes/pve1/ceph/osd/1/out").status());
        assertEquals(0, osd(1).get("in").asInt());
        assertEquals(5, api.get("/cluster/ceph/status").data().get("osdmap").get("num_in_osds").asInt());
        assertFailure(500, "osd is in use (in == 1)", api.delete("/nodes/pve1/ceph/osd/0"));

        assertEquals(200, api.post("/nodes/pve1/ceph/osd/1/in").status());
        assertEquals(1, osd(1).get("in").asInt());
        assertFailure(500, "OSD 'osd.9' does not exist", api.post("/nodes/pve1/ceph/osd/9/out"));
        assertEquals(200, api.post("/nodes/pve1/ceph/osd/1/scrub", "deep", "1").status());
    }

    @Test
    void stoppingAnOsdWarnsAndDestroyingItNeedsItOutAndDown() {
        assertEquals("{\"data\":{\"safe\":1}}", api.get("/nodes/pve1/ceph/cmd-safety", "service", "osd", "id", "1",
                "action", "stop").raw());
        assertEquals("OK", api.run("POST", "/nodes/pve1/ceph/stop", "service", "osd.1"));
        assertEquals("down", osd(1).get("status").asString());
        assertEquals(List.of("OSD_DOWN", "PG_DEGRADED"), checks());
        assertFailure(500, "osd is in use (in == 1)", api.delete("/nodes/pve1/ceph/osd/1"));
        assertEquals(0, api.get("/nodes/pve1/ceph/cmd-safety", "service", "osd", "id", "1", "action", "destroy").data()
                .get("safe").asInt());

        assertEquals(200, api.post("/nodes/pve1/ceph/osd/1/out").status());
        assertFailure(500, "OSD 'osd.1' is not on node 'pve2'", api.delete("/nodes/pve2/ceph/osd/1"));
        assertEquals("OK", api.run("DELETE", "/nodes/pve1/ceph/osd/1", "cleanup", "1"));
        assertEquals(null, osd(1));
        assertEquals(5, api.get("/cluster/ceph/status").data().get("osdmap").get("num_osds").asInt());
        assertEquals(List.of(), checks());
    }

    @Test
    void aNewOsdJoinsTheTreeAndItsDiskCannotBeUsedTwice() {
        assertEquals("OK", api.run("POST", "/nodes/pve2/ceph/osd", "dev", "/dev/sdb", "db_dev", "/dev/nvme0n1",
                "crush-device-class", "hdd"));
        JsonNode created = osd(6);
        assertEquals("pve2", created.get("host").asString());
        assertEquals("hdd", created.get("device_class").asString());
        assertEquals("up", created.get("status").asString());
        assertEquals("pve2", api.get("/nodes/pve2/ceph/osd/6/metadata").data().get("osd").get("hostname").asString());
        assertEquals("db", api.get("/nodes/pve2/ceph/osd/6/metadata").data().get("devices").get(1).get("device").asString());
        assertEquals(200, api.get("/nodes/pve2/ceph/osd/6/lv-info", "type", "db").status());
        assertFailure(500, "device '/dev/sdb' is already in use", api.post("/nodes/pve2/ceph/osd", "dev", "/dev/sdb"));
        assertEquals(7, api.get("/cluster/ceph/metadata").data().get("osd").size());
    }

    @Test
    void monitorsManagersAndMetadataServers() {
        assertEquals(3, api.get("/nodes/pve1/ceph/mon").data().size());
        assertFailure(500, "monitor 'pve1' already exists", api.post("/nodes/pve1/ceph/mon/pve1"));
        assertEquals("OK", api.run("POST", "/nodes/pve2/ceph/mgr/extra"));
        assertEquals("standby", api.get("/nodes/pve1/ceph/mgr").data().get(3).get("state").asString());
        assertEquals("OK", api.run("DELETE", "/nodes/pve2/ceph/mgr/extra"));
        assertFailure(500, "no such manager id 'extra'", api.delete("/nodes/pve2/ceph/mgr/extra"));

        assertEquals(1, api.get("/nodes/pve1/ceph/cmd-safety", "service", "mon", "id", "pve3", "action", "stop").data()
                .get("safe").asInt());
        assertEquals("OK", api.run("POST", "/nodes/pve3/ceph/stop", "service", "mon.pve3"));
        assertEquals(List.of("MON_DOWN"), checks());
        assertEquals(0, api.get("/nodes/pve1/ceph/cmd-safety", "service", "mon", "id", "pve2", "action", "stop").data()
                .get("safe").asInt());
        assertEquals("OK", api.run("POST", "/nodes/pve3/ceph/start", "service", "mon"));
        assertEquals(List.of(), checks());
        assertEquals("OK", api.run("POST", "/nodes/pve3/ceph/restart"));
    }

    @Test
    void anRbdPoolAddedAsStorageAndItsDeletionGuard() {
        assertEquals("OK", api.run("POST", "/nodes/pve1/ceph/pool", "name", "vm-fast", "pg_num", "64", "add_storages", "1"));
        JsonNode storage = api.get("/storage/vm-fast").data();
        assertEquals("rbd", storage.get("type").asString());
        assertEquals("vm-fast", storage.get("pool").asString());
        assertEquals("vm-fast", api.get("/nodes/pve1/ceph/pool/vm-fast/status", "verbose", "1").data().get("name").asString());

        assertFailure(500, "ceph pool 'vm-fast' still in use by storage 'vm-fast'", api.delete("/nodes/pve1/ceph/pool/vm-fast"));
        assertEquals("OK", api.run("DELETE", "/nodes/pve1/ceph/pool/vm-fast", "remove_storages", "1"));
        assertFailure(500, "storage 'vm-fast' does not exist", api.get("/storage/vm-fast"));
    }

    @Test
    void aCephFsWithItsPoolsAndStorage() {
        assertEquals("OK", api.run("POST", "/nodes/pve1/ceph/fs/shared", "pg_num", "32", "add-storage", "1"));
        assertEquals(2, api.get("/nodes/pve1/ceph/fs").data().size());
        assertEquals("cephfs", api.get("/storage/shared").data().get("type").asString());
        assertEquals(200, api.get("/nodes/pve1/ceph/pool/shared_data/status").status());
        assertFailure(500, "ceph fs 'shared' already exists", api.post("/nodes/pve1/ceph/fs/shared"));
    }

    @Test
    void logCrushMapAndConfiguration() {
        JsonNode log = api.get("/nodes/pve1/ceph/log", "limit", "2").data();
        assertEquals(2, log.size());
        assertEquals(1, log.get(0).get("n").asInt());
        assertTrue(api.get("/nodes/pve1/ceph/crush").data().asString().contains("device 5 osd.5 class ssd"));
        String conf = api.get("/nodes/pve1/ceph/cfg/raw").data().asString();
        assertTrue(conf.startsWith("[global]\n") && conf.contains("[mon.pve3]"), conf);
        assertEquals(3, api.get("/nodes/pve1/ceph/cfg/db").data().size());
        JsonNode values = api.get("/nodes/pve1/ceph/cfg/value", "config-keys", "global:mon_allow_pool_delete,global:nothing").data();
        assertEquals("{\"global\":{\"mon_allow_pool_delete\":\"true\"}}", values.toString());
        assertEquals(200, api.post("/nodes/pve1/ceph/init", "network", "10.0.0.0/24").status());
        assertFalse(api.get("/cluster/ceph/metadata", "scope", "versions").data().get("node").isEmpty());
    }
}
