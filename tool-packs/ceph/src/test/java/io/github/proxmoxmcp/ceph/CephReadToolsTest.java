package io.github.proxmoxmcp.ceph;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** proxmox_ceph_status (every view) and proxmox_ceph_list (every kind). */
@MicronautTest
class CephReadToolsTest implements MockProxmoxTest {

    static final String STATUS = """
            {"fsid":"0b1c2d3e-aaaa-bbbb-cccc-0123456789ab",
             "health":{"status":"HEALTH_WARN","checks":{
               "OSDMAP_FLAGS":{"severity":"HEALTH_WARN","muted":false,"summary":{"message":"noout flag(s) set","count":1}},
               "OSD_DOWN":{"severity":"HEALTH_WARN","muted":true,"summary":{"message":"1 osds down","count":1},
                 "detail":[{"message":"osd.5 (root=default,host=pve3) is down"}]}},"mutes":[]},
             "quorum":[0,1,2],"quorum_names":["pve1","pve2","pve3"],"monmap":{"epoch":3,"num_mons":3},
             "osdmap":{"epoch":211,"num_osds":6,"num_up_osds":5,"num_in_osds":6,"num_remapped_pgs":0},
             "pgmap":{"pgs_by_state":[{"state_name":"active+clean","count":150},{"state_name":"active+undersized+degraded","count":27}],
               "num_pgs":177,"num_pools":4,"num_objects":105600,"bytes_used":1331439861760,"bytes_avail":10664609792000,
               "bytes_total":11996049653760,"read_bytes_sec":1843200,"write_bytes_sec":4505600,"read_op_per_sec":61,"write_op_per_sec":187},
             "fsmap":{"epoch":12,"by_rank":[{"filesystem_id":1,"rank":0,"name":"pve1","status":"up:active"}],"up:standby":2},
             "mgrmap":{"available":true,"num_standbys":2}}""";

    static final String HEALTH = """
            health: HEALTH_WARN
              OSDMAP_FLAGS (HEALTH_WARN): noout flag(s) set
              OSD_DOWN (HEALTH_WARN, muted): 1 osds down
                osd.5 (root=default,host=pve3) is down
            mons: 3, quorum pve1,pve2,pve3
            mgr: available, 2 standby
            osds: 6 total, 5 up, 6 in
            pgs: 177 (150 active+clean, 27 active+undersized+degraded) in 4 pools
            usage: 1.2 TiB/10.9 TiB (11.1%), 105600 objects
            io: read 1.8 MiB/s, write 4.3 MiB/s, 61 rd/187 wr op/s
            mds: pve1 up:active, 2 standby""";

    static final String TREE = """
            {"root":{"leaf":0,"children":[{"id":-1,"name":"default","type":"root","children":[
              {"id":-3,"name":"pve2","type":"host","children":[
                {"id":2,"name":"osd.2","type":"osd","host":"pve2","status":"up","in":1,"device_class":"ssd","crush_weight":1.8188,
                 "reweight":1,"bytes_used":400000000000,"total_space":2000000000000,"commit_latency_ms":2}]},
              {"id":-2,"name":"pve1","type":"host","children":[
                {"id":0,"name":"osd.0","type":"osd","host":"pve1","status":"up","in":1,"device_class":"nvme","crush_weight":1.8188,
                 "reweight":1,"bytes_used":500000000000,"total_space":2000000000000,"commit_latency_ms":1},
                {"id":1,"name":"osd.1","type":"osd","host":"pve1","status":"down","in":0,"device_class":"nvme","crush_weight":1.8188,
                 "reweight":0.85,"bytes_used":0,"total_space":2000000000000}]}]}]},
             "flags":"noout,sortbitwise"}""";

    @Inject
    PackCalls pack;

    @Test
    void healthIsOneCallWithEveryCheck() {
        pack.proxmox().respond("GET", "/cluster/ceph/status", STATUS);

        assertOk(HEALTH, pack.call("proxmox_ceph_status", "{}"));
        assertRequest(pack.only("GET", "/cluster/ceph/status"), Map.of(), Map.of());
    }

    @Test
    void aNodesViewOfTheStatus() {
        pack.proxmox().respond("GET", "/nodes/pve2/ceph/status", STATUS);

        assertOk("pve2: " + HEALTH, pack.call("proxmox_ceph_status", "{\"view\":\"node\",\"node\":\"pve2\"}"));
        pack.only("GET", "/nodes/pve2/ceph/status");
    }

    @Test
    void versionsOfEveryDaemonAndNode() {
        pack.proxmox().respond("GET", "/cluster/ceph/metadata", Map.of("scope", "all"), """
                {"mon":{"pve1":{"hostname":"pve1","ceph_version_short":"19.2.3"}},
                 "mgr":{"pve1":{"hostname":"pve1","ceph_version_short":"19.2.3"},"pve2":{"hostname":"pve2","ceph_release":"squid"}},
                 "osd":{"10":{"hostname":"pve2","ceph_version_short":"19.2.3"},"2":{"hostname":"pve1","ceph_version_short":"19.2.2"}},
                 "node":{"pve1":{"version":{"str":"19.2.3","parts":[19,2,3]}}}}""");

        assertOk("""
                DAEMON    HOST  VERSION
                mon.pve1  pve1  19.2.3
                mgr.pve1  pve1  19.2.3
                mgr.pve2  pve2  squid
                osd.2     pve1  19.2.2
                osd.10    pve2  19.2.3
                node      pve1  19.2.3""", pack.call("proxmox_ceph_status", "{\"view\":\"versions\"}"));
        assertRequest(pack.only("GET", "/cluster/ceph/metadata"), Map.of("scope", "all"), Map.of());
    }

    @Test
    void flagsSetAndClear() {
        pack.proxmox().respond("GET", "/cluster/ceph/flags", """
                [{"name":"nobackfill","value":0,"description":"x"},{"name":"noout","value":1,"description":"x"},
                 {"name":"pause","value":false},{"name":"norebalance","value":true}]""");

        assertOk("set: noout,norebalance\nclear: nobackfill,pause", pack.call("proxmox_ceph_status", "{\"view\":\"flags\"}"));
        pack.only("GET", "/cluster/ceph/flags");
    }

    @Test
    void theLogIsBounded() {
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/log", Map.of("limit", "2"), """
                [{"n":1,"t":"2026-12-01T10:00:00 mon.pve1 (mon.0) 1 : cluster [INF] overall HEALTH_OK"},
                 {"n":2,"t":"2026-12-01T10:05:00 mon.pve1 (mon.0) 2 : cluster [WRN] Health check failed: noout flag(s) set"},
                 {"n":3,"t":"extra"}]""");

        assertOk("""
                2026-12-01T10:00:00 mon.pve1 (mon.0) 1 : cluster [INF] overall HEALTH_OK
                2026-12-01T10:05:00 mon.pve1 (mon.0) 2 : cluster [WRN] Health check failed: noout flag(s) set
                … 1 more lines""", pack.call("proxmox_ceph_status", "{\"view\":\"log\",\"node\":\"pve1\",\"limit\":2}"));
        assertRequest(pack.only("GET", "/nodes/pve1/ceph/log"), Map.of("limit", "2"), Map.of());

        pack.proxmox().reset();
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/log", "[]");
        assertOk("(no lines)", pack.call("proxmox_ceph_status", "{\"view\":\"log\",\"node\":\"pve1\"}"));
        assertEquals(Map.of("limit", "50"), pack.request(0).query());
    }

    @Test
    void crushMapRulesAndConfiguration() {
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/crush", "\"# begin crush map\\ntunable choose_local_tries 0\\n\"");
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/rules", "[{\"name\":\"replicated_rule\"},{\"name\":\"ssd-only\"}]");
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/cfg/raw", "\"[global]\\n\\tfsid = 0b1c\\n\"");
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/cfg/db", """
                [{"section":"global","name":"osd_pool_default_size","value":"3","level":"advanced","mask":"","can_update_at_runtime":true},
                 {"section":"mon","name":"auth_allow_insecure_global_id_reclaim","value":"false","level":"advanced"}]""");
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/cfg/value", Map.of("config-keys", "global:fsid,mon:mon_allow_pool_delete"), """
                {"global":{"fsid":"0b1c"},"mon":{"mon_allow_pool_delete":"true"}}""");

        assertOk("# begin crush map\ntunable choose_local_tries 0",
                pack.call("proxmox_ceph_status", "{\"view\":\"crush\",\"node\":\"pve1\"}"));
        assertOk("RULE\nreplicated_rule\nssd-only", pack.call("proxmox_ceph_status", "{\"view\":\"rules\",\"node\":\"pve1\"}"));
        assertOk("[global]\n\tfsid = 0b1c", pack.call("proxmox_ceph_status", "{\"view\":\"config\",\"node\":\"pve1\"}"));
        assertOk("""
                SECTION  NAME                                   VALUE  LEVEL     MASK  RUNTIME
                global   osd_pool_default_size                  3      advanced        yes
                mon      auth_allow_insecure_global_id_reclaim  false  advanced  -     -""",
                pack.call("proxmox_ceph_status", "{\"view\":\"configdb\",\"node\":\"pve1\"}"));
        assertOk("global:fsid = 0b1c\nmon:mon_allow_pool_delete = true", pack.call("proxmox_ceph_status",
                "{\"view\":\"config\",\"node\":\"pve1\",\"keys\":\"global:fsid,mon:mon_allow_pool_delete\"}"));
        assertEquals(List.of("GET /nodes/pve1/ceph/crush", "GET /nodes/pve1/ceph/rules", "GET /nodes/pve1/ceph/cfg/raw",
                "GET /nodes/pve1/ceph/cfg/db", "GET /nodes/pve1/ceph/cfg/value"), pack.lines());
        assertEquals(Map.of("config-keys", "global:fsid,mon:mon_allow_pool_delete"), pack.last().query());
    }

    @Test
    void statusInputIsCheckedBeforeSending() {
        pack.invalid("proxmox_ceph_status", "{\"limit\":5}", "limit is for view=log");
        pack.invalid("proxmox_ceph_status", "{\"view\":\"config\",\"node\":\"pve1\",\"keys\":\"fsid\"}",
                "keys: give section:key pairs");
        pack.invalid("proxmox_ceph_status", "{\"view\":\"rules\",\"keys\":\"global:fsid\",\"node\":\"pve1\"}", "keys is for view=config");
        pack.invalid("proxmox_ceph_status", "{\"view\":\"log\",\"node\":\"../x\"}", "node: must be a node name");
        pack.invalid("proxmox_ceph_status", "{\"view\":\"crush\",\"node\":\"pve1/../../access\"}", "node: must be a node name");
    }

    @Test
    void theOsdTreeWithStateUsageAndFlags() {
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/osd", TREE);

        assertOk("""
                OSD    HOST  CLASS  STATE     USAGE                      WEIGHT  REWEIGHT  LATENCY
                osd.0  pve1  nvme   up/in     465.7 GiB/1.8 TiB (25.0%)  1.82    1         1 ms
                osd.1  pve1  nvme   down/out  0 B/1.8 TiB (0.0%)         1.82    0.85      -
                osd.2  pve2  ssd    up/in     372.5 GiB/1.8 TiB (20.0%)  1.82    1         2 ms
                flags: noout,sortbitwise""", pack.call("proxmox_ceph_list", "{\"what\":\"osd\",\"node\":\"pve1\"}"));
        pack.only("GET", "/nodes/pve1/ceph/osd");
    }

    @Test
    void oneOsdsDevicesAndVolume() {
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/osd/0/metadata", """
                {"osd":{"id":0,"hostname":"pve1","osd_objectstore":"bluestore","version":"19.2.3","pid":2201,"mem_usage":3221225472,
                  "osd_data":"/var/lib/ceph/osd/ceph-0","front_addr":"10.0.0.1:6802","back_addr":"10.1.0.1:6803"},
                 "devices":[{"device":"block","dev_node":"/dev/dm-0","devices":"nvme0n1","size":2000000000000,"type":"ssd",
                  "support_discard":1}]}""");
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/osd/0/lv-info", """
                {"vg_name":"ceph-1a2b","lv_name":"osd-block-3c4d","lv_size":2000000000000,"creation_time":"2026-01-01 10:00:00 +0000"}""");

        assertOk("""
                osd.0 on pve1: bluestore, version 19.2.3, pid 2201, memory 3.0 GiB
                data: /var/lib/ceph/osd/ceph-0, front 10.0.0.1:6802, back 10.1.0.1:6803
                DEVICE  NODE       DISKS    SIZE     TYPE  DISCARD
                block   /dev/dm-0  nvme0n1  1.8 TiB  ssd   yes
                block LV: ceph-1a2b/osd-block-3c4d (1.8 TiB, created 2026-01-01 10:00:00 +0000)""",
                pack.call("proxmox_ceph_list", "{\"what\":\"osd\",\"node\":\"pve1\",\"osd\":0}"));
        assertEquals(List.of("GET /nodes/pve1/ceph/osd/0/lv-info", "GET /nodes/pve1/ceph/osd/0/metadata"),
                pack.lines().stream().sorted().toList());
    }

    @Test
    void monitorsManagersAndMetadataServers() {
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/mon", """
                [{"name":"pve1","host":"pve1","addr":"10.0.0.1:6789/0","state":"running","quorum":1,"rank":0,"ceph_version_short":"19.2.3"},
                 {"name":"pve3","host":"pve3","addr":"10.0.0.3:6789/0","state":"stopped","quorum":0,"rank":2}]""");
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/mgr", """
                [{"name":"pve1","host":"pve1","addr":"10.0.0.1:6801/1001","state":"active"}]""");
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/mds", "[]");

        assertOk("""
                MON   HOST  ADDRESS          STATE    QUORUM  VERSION
                pve1  pve1  10.0.0.1:6789/0  running  yes     19.2.3
                pve3  pve3  10.0.0.3:6789/0  stopped  no      -""", pack.call("proxmox_ceph_list", "{\"what\":\"mon\",\"node\":\"pve1\"}"));
        assertOk("""
                NAME  HOST  ADDRESS             STATE   RANK
                pve1  pve1  10.0.0.1:6801/1001  active  -""", pack.call("proxmox_ceph_list", "{\"what\":\"mgr\",\"node\":\"pve1\"}"));
        assertOk("none", pack.call("proxmox_ceph_list", "{\"what\":\"mds\",\"node\":\"pve1\"}"));
        assertEquals(List.of("GET /nodes/pve1/ceph/mon", "GET /nodes/pve1/ceph/mgr", "GET /nodes/pve1/ceph/mds"), pack.lines());
    }

    @Test
    void poolsWithUsageAndAutoscaleAndOnePoolsSettings() {
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/pool", """
                [{"pool":2,"pool_name":"vm-pool","size":3,"min_size":2,"pg_num":128,"pg_num_final":64,"pg_autoscale_mode":"on",
                  "bytes_used":442381631488,"percent_used":0.0369,"application_metadata":{"rbd":{}},"crush_rule_name":"replicated_rule",
                  "type":"replicated"},
                 {"pool":1,"pool_name":".mgr","size":3,"min_size":2,"pg_num":1,"pg_autoscale_mode":"on","bytes_used":3244032,
                  "percent_used":0,"application_metadata":{"mgr":{}},"crush_rule_name":"replicated_rule","type":"replicated"}]""");
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/pool/vm-pool/status", Map.of("verbose", "1"), """
                {"id":2,"name":"vm-pool","size":3,"min_size":2,"pg_num":128,"pg_autoscale_mode":"on","application":"rbd",
                 "crush_rule":"replicated_rule","nodelete":0,
                 "statistics":{"bytes_used":442381631488,"percent_used":0.0369,"stored":147460543829,"max_avail":3300000000000}}""");

        assertOk("""
                POOL     ID  SIZE  PGS      AUTOSCALE  USED              APPLICATION  RULE             TYPE
                vm-pool  2   3/2   128->64  on         412.0 GiB (3.7%)  rbd          replicated_rule  replicated
                .mgr     1   3/2   1        on         3.1 MiB (0.0%)    mgr          replicated_rule  replicated""",
                pack.call("proxmox_ceph_list", "{\"what\":\"pool\",\"node\":\"pve1\"}"));
        assertOk("""
                application: rbd
                crush_rule: replicated_rule
                id: 2
                min_size: 2
                name: vm-pool
                nodelete: 0
                pg_autoscale_mode: on
                pg_num: 128
                size: 3
                usage: 412.0 GiB used (3.7%), 137.3 GiB stored, 3.0 TiB available""",
                pack.call("proxmox_ceph_list", "{\"what\":\"pool\",\"node\":\"pve1\",\"pool\":\"vm-pool\"}"));
        assertEquals(Map.of("verbose", "1"), pack.last().query());
    }

    @Test
    void cephFileSystems() {
        pack.proxmox().respond("GET", "/nodes/pve1/ceph/fs", """
                [{"name":"cephfs","metadata_pool":"cephfs_metadata","data_pool":"cephfs_data"}]""");

        assertOk("""
                CEPHFS  METADATA POOL    DATA POOL
                cephfs  cephfs_metadata  cephfs_data""", pack.call("proxmox_ceph_list", "{\"what\":\"fs\",\"node\":\"pve1\"}"));
        pack.only("GET", "/nodes/pve1/ceph/fs");
    }

    @Test
    void listInputIsCheckedBeforeSending() {
        pack.invalid("proxmox_ceph_list", "{\"what\":\"pool\",\"node\":\"pve1\",\"pool\":\"a/b\"}", "pool: must be a Ceph pool name");
        pack.invalid("proxmox_ceph_list", "{\"what\":\"pool\",\"node\":\"pve1\",\"pool\":\"..\"}", "pool: must be a Ceph pool name");
        pack.invalid("proxmox_ceph_list", "{\"what\":\"mon\",\"node\":\"pve1\",\"pool\":\"rbd\"}", "pool is for what=pool");
        pack.invalid("proxmox_ceph_list", "{\"what\":\"pool\",\"node\":\"pve1\",\"osd\":1}", "osd is for what=osd");
        pack.invalid("proxmox_ceph_list", "{\"what\":\"osd\",\"node\":\"pve1\",\"osd\":-1}", "osd: must be an OSD number");
        pack.invalid("proxmox_ceph_list", "{\"what\":\"osd\",\"node\":\"a/b\"}", "node: must be a node name");
    }

    @Test
    void aNodeWithoutCephKeepsProxmoxsMessage() {
        pack.proxmox().fail("GET", "/nodes/pve1/ceph/osd", 500, "binary not installed: /usr/bin/ceph-mon", Map.of());

        String text = pack.error("proxmox_ceph_list", "{\"what\":\"osd\",\"node\":\"pve1\"}").text();
        assertTrue(text.startsWith("Proxmox API error 500: binary not installed: /usr/bin/ceph-mon"), text);
    }
}
