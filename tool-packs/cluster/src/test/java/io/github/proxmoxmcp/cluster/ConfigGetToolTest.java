package io.github.proxmoxmcp.cluster;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** proxmox_cluster_config_get: every kind, listed and one entry. */
@MicronautTest
class ConfigGetToolTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    private String get(String json) {
        return pack.ok("proxmox_cluster_config_get", json).text();
    }

    @Test
    void poolsAreListedWithoutAPoolId() {
        pack.proxmox().respond("GET", "/pools", """
                [{"poolid":"lab"},{"poolid":"prod","comment":"Production"},{"poolid":"prod/db"}]""");

        assertEquals("""
                POOL     COMMENT
                lab      -
                prod     Production
                prod/db  -""", get("{\"kind\":\"pool\"}"));
        assertRequest(pack.only("GET", "/pools"), Map.of(), Map.of());
    }

    @Test
    void onePoolByQueryParameterWithItsMembers() {
        pack.proxmox().respond("GET", "/pools", """
                [{"poolid":"prod/db","comment":"Databases","members":[
                  {"id":"qemu/100","type":"qemu","node":"pve1","vmid":100,"name":"pg1","status":"running"},
                  {"id":"storage/pve1/local-lvm","type":"storage","node":"pve1","storage":"local-lvm","status":"available"}]}]""");

        assertEquals("""
                pool prod/db (Databases), 2 members:
                ID                      TYPE     NODE  NAME       STATUS
                qemu/100                qemu     pve1  pg1        running
                storage/pve1/local-lvm  storage  pve1  local-lvm  available""", get("{\"kind\":\"pool\",\"id\":\"prod/db\"}"));
        assertRequest(pack.only("GET", "/pools"), Map.of("poolid", "prod/db"), Map.of());
    }

    @Test
    void anEmptyPool() {
        pack.proxmox().respond("GET", "/pools", "[{\"poolid\":\"lab\",\"members\":[]}]");

        assertEquals("pool lab: no members", get("{\"kind\":\"pool\",\"id\":\"lab\"}"));
    }

    @Test
    void backupJobsShowScheduleNextRunSelectionAndRetention() {
        pack.proxmox().respond("GET", "/cluster/backup", """
                [{"id":"backup-1a2b3c4d-5e6f","type":"vzdump","schedule":"21:00","next-run":1710277200,"enabled":1,
                  "pool":"prod","storage":"pbs","mode":"snapshot","compress":"zstd","prune-backups":{"keep-daily":"7","keep-weekly":"4"}},
                 {"id":"weekly-all","type":"vzdump","schedule":"sat 02:00","enabled":0,"all":1,"exclude":"9000","storage":"nfs",
                  "mode":"stop","node":"pve2"},
                 {"id":"web","type":"vzdump","schedule":"*/6:00","vmid":"100,101","storage":"local","prune-backups":"keep-last=3"}]""");

        assertEquals("""
                ID                    SCHEDULE   NEXT RUN              ENABLED  SELECTION        NODE  STORAGE  MODE      RETENTION
                backup-1a2b3c4d-5e6f  21:00      2024-03-12 21:00:00Z  yes      pool prod        -     pbs      snapshot  keep-daily=7,keep-weekly=4
                weekly-all            sat 02:00  -                     no       all except 9000  pve2  nfs      stop      storage default
                web                   */6:00     -                     yes      vmid 100,101     -     local    snapshot  keep-last=3""",
                get("{\"kind\":\"backup\"}"));
        assertRequest(pack.only("GET", "/cluster/backup"), Map.of(), Map.of());
    }

    @Test
    void oneBackupJob() {
        pack.proxmox().respond("GET", "/cluster/backup/weekly-all", """
                {"id":"weekly-all","type":"vzdump","schedule":"sat 02:00","enabled":1,"all":1,"exclude":"9000","storage":"nfs",
                 "mode":"stop","notes-template":"{{guestname}}","prune-backups":{"keep-weekly":"8"}}""");

        assertEquals("""
                all: 1
                enabled: 1
                exclude: 9000
                id: weekly-all
                mode: stop
                notes-template: {{guestname}}
                prune-backups: {"keep-weekly":"8"}
                schedule: sat 02:00
                storage: nfs
                type: vzdump""", get("{\"kind\":\"backup\",\"id\":\"weekly-all\"}"));
        assertRequest(pack.only("GET", "/cluster/backup/weekly-all"), Map.of(), Map.of());
    }

    @Test
    void volumesABackupJobIncludes() {
        pack.proxmox().respond("GET", "/cluster/backup/web/included_volumes", """
                {"children":[
                  {"id":100,"name":"web1","type":"qemu","children":[
                    {"id":"scsi0","name":"local-lvm:vm-100-disk-0","included":true,"reason":"default"},
                    {"id":"scsi1","name":"local-lvm:vm-100-disk-1","included":false,"reason":"disabled"}]},
                  {"id":101,"name":"dns","type":"lxc","children":[
                    {"id":"rootfs","name":"local-lvm:subvol-101-disk-0","included":true,"reason":"default"}]},
                  {"id":999,"type":"unknown"}]}""");

        assertEquals("""
                backup job web includes:
                VMID  TYPE     NAME  VOLUME                              INCLUDED  REASON
                100   qemu     web1  scsi0 local-lvm:vm-100-disk-0       yes       default
                100   qemu     web1  scsi1 local-lvm:vm-100-disk-1       no        disabled
                101   lxc      dns   rootfs local-lvm:subvol-101-disk-0  yes       default
                999   unknown  -     -                                   -         -""",
                get("{\"kind\":\"backup\",\"id\":\"web\",\"volumes\":true}"));
        assertRequest(pack.only("GET", "/cluster/backup/web/included_volumes"), Map.of(), Map.of());
    }

    @Test
    void replicationJobsClusterWide() {
        pack.proxmox().respond("GET", "/cluster/replication", """
                [{"id":"101-0","type":"local","guest":101,"jobnum":0,"target":"pve3","disable":1,"comment":"paused"},
                 {"id":"100-0","type":"local","guest":100,"jobnum":0,"target":"pve2","schedule":"*/5","rate":50}]""");

        assertEquals("""
                ID     GUEST  TARGET  SCHEDULE  RATE  ENABLED  COMMENT
                100-0  100    pve2    */5       50    yes      -
                101-0  101    pve3    */15      -     no       paused""", get("{\"kind\":\"replication\"}"));
        assertRequest(pack.only("GET", "/cluster/replication"), Map.of(), Map.of());
    }

    @Test
    void oneReplicationJob() {
        pack.proxmox().respond("GET", "/cluster/replication/100-0", """
                {"id":"100-0","type":"local","guest":100,"jobnum":0,"target":"pve2","schedule":"*/5","digest":"9f2a"}""");

        assertEquals("""
                digest: 9f2a
                guest: 100
                id: 100-0
                jobnum: 0
                schedule: */5
                target: pve2
                type: local""", get("{\"kind\":\"replication\",\"id\":\"100-0\"}"));
    }

    @Test
    void realmSyncJobsWithLastAndNextRun() {
        pack.proxmox().respond("GET", "/cluster/jobs/realm-sync", """
                [{"id":"corp-nightly","realm":"corp","schedule":"daily","scope":"both","enabled":1,"last-run":1710201600,
                  "next-run":1710288000,"remove-vanished":"acl;entry"}]""");

        assertEquals("""
                ID            REALM  SCHEDULE  SCOPE  ENABLED  LAST RUN              NEXT RUN
                corp-nightly  corp   daily     both   yes      2024-03-12 00:00:00Z  2024-03-13 00:00:00Z""",
                get("{\"kind\":\"realm_sync\"}"));
        pack.proxmox().respond("GET", "/cluster/jobs/realm-sync/corp-nightly", "{\"realm\":\"corp\",\"schedule\":\"daily\"}");
        assertEquals("realm: corp\nschedule: daily", get("{\"kind\":\"realm_sync\",\"id\":\"corp-nightly\"}"));
        assertEquals("GET /cluster/jobs/realm-sync/corp-nightly", pack.last().line());
    }

    @Test
    void pciMappingsCheckedOnANode() {
        pack.proxmox().respond("GET", "/cluster/mapping/pci", """
                [{"id":"gpu","description":"RTX 4000","map":["node=pve1,path=0000:01:00.0,id=10de:1eb1",
                  "node=pve2,path=0000:02:00.0,id=10de:1eb1"],
                  "checks":[{"severity":"warning","message":"IOMMU group changed"}]}]""");

        assertEquals("""
                ID   DESCRIPTION  MAP
                gpu  RTX 4000     node=pve1,path=0000:01:00.0,id=10de:1eb1 | node=pve2,path=0000:02:00.0,id=10de:1eb1
                checks:
                  gpu: warning: IOMMU group changed""", get("{\"kind\":\"pci\",\"node\":\"pve1\"}"));
        assertRequest(pack.only("GET", "/cluster/mapping/pci"), Map.of("check-node", "pve1"), Map.of());
    }

    @Test
    void usbAndDirMappings() {
        pack.proxmox().respond("GET", "/cluster/mapping/usb", """
                [{"id":"dongle","description":"license key","map":["node=pve1,id=0529:0001"],
                  "error":{"severity":"error","message":"USB device not found"}}]""");
        pack.proxmox().respond("GET", "/cluster/mapping/dir", "[]");
        pack.proxmox().respond("GET", "/cluster/mapping/dir/share", "{\"description\":\"media\",\"map\":[\"node=pve1,path=/mnt/media\"]}");

        assertEquals("""
                ID      DESCRIPTION  MAP
                dongle  license key  node=pve1,id=0529:0001
                checks:
                  dongle: error: USB device not found""", get("{\"kind\":\"usb\"}"));
        assertEquals("no directory mappings", get("{\"kind\":\"dir\"}"));
        assertEquals("description: media\nmap: [\"node=pve1,path=/mnt/media\"]", get("{\"kind\":\"dir\",\"id\":\"share\"}"));
        assertEquals(java.util.List.of("GET /cluster/mapping/usb", "GET /cluster/mapping/dir", "GET /cluster/mapping/dir/share"),
                pack.lines());
    }

    @Test
    void metricServersNeverShowTheirToken() {
        pack.proxmox().respond("GET", "/cluster/metrics/server", """
                [{"id":"influx","type":"influxdb","server":"10.0.0.5","port":8086,"disable":0},
                 {"id":"graphite","type":"graphite","server":"10.0.0.6","port":2003,"disable":1}]""");
        pack.proxmox().respond("GET", "/cluster/metrics/server/influx", """
                {"type":"influxdb","server":"10.0.0.5","port":8086,"influxdbproto":"https","organization":"ops","bucket":"pve",
                 "token":"s3cr3t-influx-token","otel-headers":"eyJBdXRob3JpemF0aW9uIjoiQmVhcmVyIHgifQ=="}""");

        assertEquals("""
                ID        TYPE      SERVER    PORT  ENABLED
                graphite  graphite  10.0.0.6  2003  no
                influx    influxdb  10.0.0.5  8086  yes""", get("{\"kind\":\"metric_server\"}"));
        String one = get("{\"kind\":\"metric_server\",\"id\":\"influx\"}");
        assertEquals("""
                bucket: pve
                influxdbproto: https
                organization: ops
                otel-headers: (set, hidden)
                port: 8086
                server: 10.0.0.5
                token: (set, hidden)
                type: influxdb""", one);
    }

    @Test
    void anUnknownEntryIsAProxmoxNotFound() {
        pack.proxmox().fail("GET", "/cluster/replication/100-9", 500, "replication job '100-9' does not exist", Map.of());

        assertEquals("Proxmox API error 500: replication job '100-9' does not exist",
                pack.error("proxmox_cluster_config_get", "{\"kind\":\"replication\",\"id\":\"100-9\"}").text()
                        .lines().findFirst().orElseThrow());
    }

    @Test
    void permissionErrorExplainsThePrivilege() {
        pack.proxmox().fail("GET", "/cluster/backup", 403, "Permission check failed (/, Sys.Audit)", Map.of());

        String text = pack.error("proxmox_cluster_config_get", "{\"kind\":\"backup\"}").text();
        assertEquals("Proxmox API error 403: Permission check failed (/, Sys.Audit)", text.lines().findFirst().orElseThrow());
    }

    @Test
    void hostileOrMisshapenIdsSendNothing() {
        pack.invalid("proxmox_cluster_config_get", "{\"kind\":\"replication\",\"id\":\"../x\"}", "id: must be a replication job id");
        pack.invalid("proxmox_cluster_config_get", "{\"kind\":\"pci\",\"id\":\"a/b\"}", "id: must be a config key");
        pack.invalid("proxmox_cluster_config_get", "{\"kind\":\"metric_server\",\"id\":\"..\"}", "id: must be a config key");
        pack.invalid("proxmox_cluster_config_get", "{\"kind\":\"backup\",\"id\":\"a/b\"}", "id: must be a name without '/'");
        pack.invalid("proxmox_cluster_config_get", "{\"kind\":\"backup\",\"id\":\"" + "b".repeat(51) + "\"}", "at most 50");
        pack.invalid("proxmox_cluster_config_get", "{\"kind\":\"pool\",\"id\":\"prod/../x\"}", "id: must be a pool id");
        pack.invalid("proxmox_cluster_config_get", "{\"kind\":\"realm_sync\",\"id\":\"x y\"}", "id: must be a config key");
        pack.invalid("proxmox_cluster_config_get", "{\"kind\":\"dir\",\"node\":\"../x\"}", "node: must be a node name");
    }

    @Test
    void fieldsOfAnotherKindSendNothing() {
        pack.invalid("proxmox_cluster_config_get", "{\"kind\":\"backup\",\"node\":\"pve1\"}", "node checks a pci, usb or dir");
        pack.invalid("proxmox_cluster_config_get", "{\"kind\":\"pci\",\"id\":\"gpu\",\"node\":\"pve1\"}", "leave out id");
        pack.invalid("proxmox_cluster_config_get", "{\"kind\":\"replication\",\"id\":\"100-0\",\"volumes\":true}",
                "volumes needs kind=backup");
        pack.invalid("proxmox_cluster_config_get", "{\"kind\":\"backup\",\"volumes\":true}", "volumes needs kind=backup and the job's id");
        pack.invalid("proxmox_cluster_config_get", "{}", "kind");
    }
}
