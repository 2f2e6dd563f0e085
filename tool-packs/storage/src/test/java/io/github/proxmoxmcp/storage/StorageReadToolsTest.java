package io.github.proxmoxmcp.storage;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** proxmox_storage_list, proxmox_storage_get and proxmox_storage_url_info. */
@MicronautTest
class StorageReadToolsTest implements MockProxmoxTest {

    static final String CLUSTER_STORAGES = """
            [{"id":"storage/pve2/local","storage":"local","node":"pve2","type":"storage","plugintype":"dir","status":"available",
              "disk":21474836480,"maxdisk":107374182400,"content":"iso,vztmpl,backup","shared":0},
             {"id":"storage/pve1/nas","storage":"nas","node":"pve1","type":"storage","plugintype":"nfs","status":"available",
              "disk":536870912000,"maxdisk":2199023255552,"content":"backup,iso","shared":1},
             {"id":"storage/pve1/local","storage":"local","node":"pve1","type":"storage","plugintype":"dir","status":"available",
              "disk":10737418240,"maxdisk":107374182400,"content":"iso,vztmpl,backup","shared":0},
             {"id":"storage/pve2/nas","storage":"nas","node":"pve2","type":"storage","plugintype":"nfs","status":"unknown",
              "content":"backup,iso","shared":1}]""";

    @Inject
    PackCalls pack;

    @Test
    void listIsClusterWideInOneRequest() {
        pack.proxmox().respond("GET", "/cluster/resources", CLUSTER_STORAGES);

        assertOk("""
                STORAGE  NODE  TYPE  SHARED  STATUS     USAGE                       CONTENT
                local    pve1  dir   no      available  10.0 GiB/100.0 GiB (10.0%)  iso,vztmpl,backup
                local    pve2  dir   no      available  20.0 GiB/100.0 GiB (20.0%)  iso,vztmpl,backup
                nas      pve1  nfs   yes     available  500.0 GiB/2.0 TiB (24.4%)   backup,iso
                nas      pve2  nfs   yes     unknown    -                           backup,iso""",
                pack.call("proxmox_storage_list", "{}"));
        assertRequest(pack.only("GET", "/cluster/resources"), Map.of("type", "storage"), Map.of());
    }

    @Test
    void listOfOneStorageAcrossTheCluster() {
        pack.proxmox().respond("GET", "/cluster/resources", CLUSTER_STORAGES);

        assertOk("""
                STORAGE  NODE  TYPE  SHARED  STATUS     USAGE                      CONTENT
                nas      pve1  nfs   yes     available  500.0 GiB/2.0 TiB (24.4%)  backup,iso
                nas      pve2  nfs   yes     unknown    -                          backup,iso""",
                pack.call("proxmox_storage_list", "{\"storage\":\"nas\"}"));
        assertOk("no storage named other", pack.call("proxmox_storage_list", "{\"storage\":\"other\"}"));
    }

    @Test
    void listOnOneNodeShowsWhatItSees() {
        pack.proxmox().respond("GET", "/nodes/pve1/storage", """
                [{"storage":"local-lvm","type":"lvmthin","content":"images,rootdir","active":1,"enabled":1,"shared":0,
                  "used":53687091200,"total":214748364800,"avail":161061273600},
                 {"storage":"cephfs","type":"cephfs","content":"iso","active":0,"enabled":0,"shared":1},
                 {"storage":"local","type":"dir","content":"iso,backup","active":1,"enabled":1,"shared":0,
                  "used":1073741824,"total":10737418240}]""");

        assertOk("""
                STORAGE    TYPE     SHARED  STATUS    USAGE                       CONTENT
                cephfs     cephfs   yes     disabled  -                           iso
                local      dir      no      active    1.0 GiB/10.0 GiB (10.0%)    iso,backup
                local-lvm  lvmthin  no      active    50.0 GiB/200.0 GiB (25.0%)  images,rootdir""",
                pack.call("proxmox_storage_list", "{\"node\":\"pve1\"}"));
        assertRequest(pack.only("GET", "/nodes/pve1/storage"), Map.of(), Map.of());
    }

    @Test
    void listOfOneStorageOnOneNodeReadsItsStatus() {
        pack.proxmox().respond("GET", "/nodes/pve1/storage/local-lvm/status", """
                {"type":"lvmthin","content":"images,rootdir","active":1,"enabled":1,"shared":0,
                 "used":53687091200,"total":214748364800,"avail":161061273600}""");

        assertOk("""
                local-lvm on pve1: lvmthin, active, local
                content: images,rootdir
                usage: 50.0 GiB/200.0 GiB (25.0%), 150.0 GiB free""",
                pack.call("proxmox_storage_list", "{\"node\":\"pve1\",\"storage\":\"local-lvm\"}"));
        pack.only("GET", "/nodes/pve1/storage/local-lvm/status");
    }

    @Test
    void configHidesEveryWriteOnlyValue() {
        pack.proxmox().respond("GET", "/storage/backup", """
                {"storage":"backup","type":"pbs","server":"10.0.0.9","datastore":"main","username":"pve@pbs",
                 "fingerprint":"aa:bb:cc","password":"leaked-if-shown","encryption-key":"{\\"kdf\\":null}","keyring":"k",
                 "master-pubkey":"m","content":"backup","digest":"0123abcd","prune-backups":"keep-last=3"}""");

        var result = pack.call("proxmox_storage_get", "{\"storage\":\"backup\"}");

        assertOk("""
                content: backup
                datastore: main
                digest: 0123abcd
                encryption-key: (hidden)
                fingerprint: (hidden)
                keyring: (hidden)
                master-pubkey: (hidden)
                password: (hidden)
                prune-backups: keep-last=3
                server: 10.0.0.9
                storage: backup
                type: pbs
                username: pve@pbs""", result);
        assertFalse(result.text().contains("leaked"));
        pack.only("GET", "/storage/backup");
    }

    @Test
    void configOfAllStoragesSaysWhereEachLives() {
        pack.proxmox().respond("GET", "/storage", """
                [{"storage":"nas","type":"nfs","server":"10.0.0.5","export":"/srv/pve","content":"iso,backup","digest":"d"},
                 {"storage":"local","type":"dir","path":"/var/lib/vz","content":"iso,vztmpl,backup","shared":0},
                 {"storage":"local-lvm","type":"lvmthin","vgname":"pve","thinpool":"data","content":"images,rootdir",
                  "nodes":"pve1,pve2"},
                 {"storage":"smb","type":"cifs","server":"files","share":"pve","subdir":"/iso","content":"iso","disable":1},
                 {"storage":"pbs","type":"pbs","server":"pbs.lan","datastore":"main","namespace":"lab","content":"backup"},
                 {"storage":"ceph","type":"rbd","pool":"vms","content":"images"},
                 {"storage":"san","type":"iscsi","portal":"10.0.0.7","target":"iqn.2024-01.lan:t1","content":"none"}]""");

        assertOk("""
                STORAGE    TYPE     SOURCE                       CONTENT            NODES      SHARED  DISABLED
                ceph       rbd      vms                          images             all        no      no
                local      dir      /var/lib/vz                  iso,vztmpl,backup  all        no      no
                local-lvm  lvmthin  pve/data                     images,rootdir     pve1,pve2  no      no
                nas        nfs      10.0.0.5:/srv/pve            iso,backup         all        no      no
                pbs        pbs      pbs.lan:main/lab             backup             all        no      no
                san        iscsi    10.0.0.7 iqn.2024-01.lan:t1  none               all        no      no
                smb        cifs     //files/pve/iso              iso                all        no      yes""",
                pack.call("proxmox_storage_get", "{}"));
        assertRequest(pack.only("GET", "/storage"), Map.of(), Map.of());
    }

    @Test
    void rrdSummarisesUsedAndTotalOnTheNodeGiven() {
        pack.proxmox().respond("GET", "/nodes/pve2/storage/local/rrddata", """
                [{"time":1710266400,"used":10737418240,"total":107374182400},
                 {"time":1710270000,"used":16106127360,"total":107374182400},
                 {"time":1710273600}]""");

        assertOk("""
                local on pve2, last day (average): 2 points, 2024-03-12 18:00:00Z to 2024-03-12 19:00:00Z
                METRIC  MIN        AVG        MAX        LAST
                used    10.0 GiB   12.5 GiB   15.0 GiB   15.0 GiB
                total   100.0 GiB  100.0 GiB  100.0 GiB  100.0 GiB""",
                pack.call("proxmox_storage_get", "{\"storage\":\"local\",\"view\":\"rrd\",\"node\":\"pve2\",\"timeframe\":\"day\"}"));
        assertRequest(pack.only("GET", "/nodes/pve2/storage/local/rrddata"), Map.of("timeframe", "day", "cf", "AVERAGE"), Map.of());
    }

    @Test
    void rrdWithoutNodeUsesTheFirstNodeWhereTheStorageIsAvailable() {
        pack.proxmox().respond("GET", "/cluster/resources", CLUSTER_STORAGES);
        pack.proxmox().respond("GET", "/nodes/pve1/storage/nas/rrddata", "[]");

        assertOk("no RRD data for nas on pve1 over the last hour",
                pack.call("proxmox_storage_get", "{\"storage\":\"nas\",\"view\":\"rrd\"}"));
        assertEquals(List.of("GET /cluster/resources", "GET /nodes/pve1/storage/nas/rrddata"), pack.lines());
        assertEquals(Map.of("timeframe", "hour", "cf", "AVERAGE"), pack.request(1).query());
    }

    @Test
    void aStorageAvailableNowhereIsNotFound() {
        pack.proxmox().respond("GET", "/cluster/resources", CLUSTER_STORAGES);

        assertEquals("Not found: storage gone is not available on any node (see proxmox_storage_list); give node",
                pack.error("proxmox_storage_get", "{\"storage\":\"gone\",\"view\":\"rrd\"}").text().lines().findFirst().orElseThrow());
    }

    @Test
    void urlInfoShowsWhatTheNodeFinds() {
        pack.proxmox().respond("GET", "/nodes/pve1/query-url-metadata", """
                {"filename":"debian-12.5.0-amd64-netinst.iso","size":659554304,"mimetype":"application/x-iso9660-image"}""");

        assertOk("""
                filename: debian-12.5.0-amd64-netinst.iso
                size: 629.0 MiB
                mimetype: application/x-iso9660-image""",
                pack.call("proxmox_storage_url_info", "{\"node\":\"pve1\",\"url\":\"https://deb.example/debian.iso\"}"));
        assertRequest(pack.only("GET", "/nodes/pve1/query-url-metadata"), Map.of("url", "https://deb.example/debian.iso"), Map.of());
    }

    @Test
    void aProxmoxRefusalKeepsItsStatusAndMessage() {
        pack.proxmox().fail("GET", "/storage/nas", 403, "Permission check failed (/storage/nas, Datastore.Allocate)", Map.of());

        assertEquals("Proxmox API error 403: Permission check failed (/storage/nas, Datastore.Allocate)",
                pack.error("proxmox_storage_get", "{\"storage\":\"nas\"}").text().lines().findFirst().orElseThrow());
        pack.proxmox().fail("GET", "/nodes/pve1/storage/nas/status", 500, "storage 'nas' does not exist", Map.of());
        assertEquals("Proxmox API error 500: storage 'nas' does not exist",
                pack.error("proxmox_storage_list", "{\"node\":\"pve1\",\"storage\":\"nas\"}").text().lines().findFirst().orElseThrow());
    }

    @Test
    void badInputSendsNothing() {
        pack.invalid("proxmox_storage_list", "{\"node\":\"../x\"}", "node: must be a node name");
        pack.invalid("proxmox_storage_list", "{\"node\":\"pve1\",\"storage\":\"a/b\"}", "storage: must be a storage id");
        pack.invalid("proxmox_storage_get", "{\"storage\":\"../../access\"}", "storage: must be a storage id");
        pack.invalid("proxmox_storage_get", "{\"view\":\"rrd\"}", "storage is required for view=rrd");
        pack.invalid("proxmox_storage_get", "{\"storage\":\"local\",\"timeframe\":\"day\"}", "node and timeframe are for view=rrd");
        pack.invalid("proxmox_storage_get", "{\"storage\":\"local\",\"view\":\"rrd\",\"timeframe\":\"decade\"}", "Expected one of [hour");
        pack.invalid("proxmox_storage_url_info", "{\"node\":\"pve1\",\"url\":\"file:///etc/passwd\"}",
                "url must be an http:// or https:// URL");
        pack.invalid("proxmox_storage_url_info", "{\"node\":\"a/b\",\"url\":\"https://x/y.iso\"}", "node: must be a node name");
    }

    @Test
    void resultsWithoutRowsSaySo() {
        pack.proxmox().respond("GET", "/storage", "[]");
        pack.proxmox().respond("GET", "/nodes/pve1/storage", "[]");

        assertOk("no storage configured", pack.call("proxmox_storage_get", "{}"));
        assertOk("no storage on pve1", pack.call("proxmox_storage_list", "{\"node\":\"pve1\"}"));
        assertError("Not found: storage local is not available on any node (see proxmox_storage_list); give node\n"
                        + "Check the node, VMID or name: list them first with the matching *_list tool.",
                callWithNoStorages());
    }

    private io.github.proxmoxmcp.core.spi.ToolResult callWithNoStorages() {
        pack.proxmox().reset();
        pack.proxmox().respond("GET", "/cluster/resources", "[]");
        return pack.call("proxmox_storage_get", "{\"storage\":\"local\",\"view\":\"rrd\"}");
    }
}
