package io.github.proxmoxmcp.cluster;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
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

/** proxmox_cluster_config_manage: every kind and action, and the checks made before anything is sent. */
@MicronautTest
class ConfigManageToolTest implements MockProxmoxTest {

    private static final String TOOL = "proxmox_cluster_config_manage";

    @Inject
    PackCalls pack;

    // backup jobs

    @Test
    void nightlyBackupOfAPoolWithRetention() {
        pack.proxmox().respond("POST", "/cluster/backup", "null");

        assertOk("backup job nightly created", pack.call(TOOL, """
                {"kind":"backup","action":"create","id":"nightly","set":{"schedule":"21:00","pool":"prod","storage":"pbs",
                 "mode":"snapshot","prune-backups":"keep-daily=7,keep-weekly=4","notes-template":"{{guestname}}",
                 "notification-mode":"notification-system"}}"""));
        assertEquals(List.of("id=nightly", "schedule=21:00", "pool=prod", "storage=pbs", "mode=snapshot",
                        "prune-backups=keep-daily=7,keep-weekly=4", "notes-template={{guestname}}",
                        "notification-mode=notification-system"),
                FormPairs.of(pack.only("POST", "/cluster/backup")));
    }

    @Test
    void backupJobIdIsGeneratedLikeTheWebInterfaces() {
        pack.proxmox().respond("POST", "/cluster/backup", "null");

        String text = pack.ok(TOOL, "{\"kind\":\"backup\",\"action\":\"create\",\"set\":{\"schedule\":\"sat 02:00\",\"all\":true,"
                + "\"exclude\":[9000,9001]}}").text();

        assertTrue(text.matches("backup job backup-[0-9a-f]{8}-[0-9a-f]{4} created"), text);
        String id = text.split(" ")[2];
        assertEquals(List.of("id=" + id, "schedule=sat 02:00", "all=1", "exclude=9000,9001"),
                FormPairs.of(pack.only("POST", "/cluster/backup")));
    }

    @Test
    void backupVmidListIsCommaJoinedAndExcludePathRepeated() {
        pack.proxmox().respond("POST", "/cluster/backup", "null");

        pack.ok(TOOL, """
                {"kind":"backup","action":"create","id":"web","set":{"schedule":"*/6:00","vmid":[100,101],
                 "exclude-path":["/tmp/*","/var/cache"],"enabled":false}}""");
        assertEquals(List.of("id=web", "schedule=*/6:00", "vmid=100,101", "exclude-path=/tmp/*", "exclude-path=/var/cache",
                "enabled=0"), FormPairs.of(pack.only("POST", "/cluster/backup")));
    }

    @Test
    void backupJobNeedsAScheduleAndOneSelection() {
        pack.invalid(TOOL, "{\"kind\":\"backup\",\"action\":\"create\",\"set\":{\"pool\":\"prod\"}}",
                "creating a backup job needs set.schedule");
        pack.invalid(TOOL, "{\"kind\":\"backup\",\"action\":\"create\",\"set\":{\"schedule\":\"21:00\"}}",
                "takes one of set.vmid, set.pool or set.all=true");
        pack.invalid(TOOL, "{\"kind\":\"backup\",\"action\":\"create\",\"set\":{\"schedule\":\"21:00\",\"pool\":\"a\",\"vmid\":\"100\"}}",
                "takes one of set.vmid, set.pool or set.all=true");
        pack.invalid(TOOL, "{\"kind\":\"backup\",\"action\":\"create\",\"set\":{\"schedule\":\"21:00\",\"pool\":\"a\",\"exclude\":\"100\"}}",
                "set.exclude goes with set.all");
        pack.invalid(TOOL, "{\"kind\":\"backup\",\"action\":\"create\",\"id\":\"bad id\",\"set\":{\"schedule\":\"21:00\",\"all\":1}}",
                "id: must be a config key");
        pack.invalid(TOOL, "{\"kind\":\"backup\",\"action\":\"create\",\"set\":{\"schedule\":\"21:00\",\"all\":1,\"starttime\":\"02:00\"}}",
                "set.starttime: not a key to create a backup job with; keys: all, bwlimit");
    }

    @Test
    void updateABackupJobAndRemoveAKey() {
        pack.proxmox().respond("PUT", "/cluster/backup/nightly", "null");

        assertOk("backup job nightly updated: set enabled, storage; removed comment", pack.call(TOOL, """
                {"kind":"backup","action":"update","id":"nightly","set":{"enabled":false,"storage":"pbs2"},"unset":["comment"]}"""));
        assertRequest(pack.only("PUT", "/cluster/backup/nightly"), Map.of(),
                Map.of("enabled", "0", "storage", "pbs2", "delete", "comment"));
    }

    @Test
    void deleteABackupJob() {
        pack.proxmox().respond("DELETE", "/cluster/backup/nightly", "null");

        assertOk("backup job nightly deleted", pack.call(TOOL, "{\"kind\":\"backup\",\"action\":\"delete\",\"id\":\"nightly\",\"confirm\":true}"));
        assertRequest(pack.only("DELETE", "/cluster/backup/nightly"), Map.of(), Map.of());
    }

    @Test
    void unknownBackupJobIsTheProxmoxError() {
        pack.proxmox().fail("PUT", "/cluster/backup/nope", 500, "no such vzdump job", Map.of());

        assertEquals("Proxmox API error 500: no such vzdump job",
                pack.error(TOOL, "{\"kind\":\"backup\",\"action\":\"update\",\"id\":\"nope\",\"set\":{\"enabled\":true}}").text()
                        .lines().findFirst().orElseThrow());
    }

    // replication jobs

    @Test
    void replicateAVmToAnotherNode() {
        pack.proxmox().respond("POST", "/cluster/replication", "null");

        assertOk("replication job 100-0 created", pack.call(TOOL, """
                {"kind":"replication","action":"create","id":"100-0","set":{"target":"pve2","schedule":"*/15","rate":12.5}}"""));
        assertEquals(List.of("id=100-0", "type=local", "target=pve2", "schedule=*/15", "rate=12.5"),
                FormPairs.of(pack.only("POST", "/cluster/replication")));
    }

    @Test
    void aBareVmidTakesTheGuestsNextJobNumber() {
        pack.proxmox().respond("GET", "/cluster/replication", """
                [{"id":"100-0","guest":100,"jobnum":0,"target":"pve2"},{"id":"100-1","guest":100,"jobnum":1,"target":"pve3"},
                 {"id":"101-2","guest":101,"jobnum":2,"target":"pve3"}]""");
        pack.proxmox().respond("POST", "/cluster/replication", "null");

        assertOk("replication job 100-2 created", pack.call(TOOL,
                "{\"kind\":\"replication\",\"action\":\"create\",\"id\":\"100\",\"set\":{\"target\":\"pve4\"}}"));
        assertEquals(List.of("GET /cluster/replication", "POST /cluster/replication"), pack.lines());
        assertEquals(List.of("id=100-2", "type=local", "target=pve4"), FormPairs.of(pack.last()));
    }

    @Test
    void replicationNeedsATargetAndCannotChangeIt() {
        pack.invalid(TOOL, "{\"kind\":\"replication\",\"action\":\"create\",\"id\":\"100-0\",\"set\":{\"schedule\":\"*/5\"}}",
                "creating a replication job needs set.target");
        pack.invalid(TOOL, "{\"kind\":\"replication\",\"action\":\"update\",\"id\":\"100-0\",\"set\":{\"target\":\"pve3\"}}",
                "set.target: not a key to update a replication job with; keys: comment, disable, rate, schedule");
    }

    @Test
    void pauseAReplicationJob() {
        pack.proxmox().respond("PUT", "/cluster/replication/100-0", "null");

        assertOk("replication job 100-0 updated: set disable", pack.call(TOOL,
                "{\"kind\":\"replication\",\"action\":\"update\",\"id\":\"100-0\",\"set\":{\"disable\":true}}"));
        assertRequest(pack.only("PUT", "/cluster/replication/100-0"), Map.of(), Map.of("disable", "1"));
    }

    @Test
    void deletingAReplicationJobMarksItForRemoval() {
        pack.proxmox().respond("DELETE", "/cluster/replication/100-0", "null");

        assertOk("replication job 100-0 marked for removal: its next run deletes the replication snapshots and keeps the "
                + "target's copy", pack.call(TOOL,
                "{\"kind\":\"replication\",\"action\":\"delete\",\"id\":\"100-0\",\"set\":{\"keep\":true},\"confirm\":true}"));
        assertRequest(pack.only("DELETE", "/cluster/replication/100-0"), Map.of("keep", "1"), Map.of());
    }

    @Test
    void forcedReplicationDeleteSkipsCleanup() {
        pack.proxmox().respond("DELETE", "/cluster/replication/100-0", "null");

        assertOk("replication job 100-0 removed from the configuration without cleanup", pack.call(TOOL,
                "{\"kind\":\"replication\",\"action\":\"delete\",\"id\":\"100-0\",\"set\":{\"force\":true},\"confirm\":true}"));
        assertRequest(pack.only("DELETE", "/cluster/replication/100-0"), Map.of("force", "1"), Map.of());
        pack.proxmox().reset();
        pack.proxmox().respond("DELETE", "/cluster/replication/100-1", "null");
        assertOk("replication job 100-1 marked for removal: its next run deletes the replication snapshots and the target's copy",
                pack.call(TOOL, "{\"kind\":\"replication\",\"action\":\"delete\",\"id\":\"100-1\",\"confirm\":true}"));
        assertRequest(pack.only("DELETE", "/cluster/replication/100-1"), Map.of(), Map.of());
    }

    // realm-sync jobs

    @Test
    void realmSyncJobCreatePostsToItsId() {
        pack.proxmox().respond("POST", "/cluster/jobs/realm-sync/corp-nightly", "null");

        assertOk("realm-sync job corp-nightly created", pack.call(TOOL, """
                {"kind":"realm_sync","action":"create","id":"corp-nightly","set":{"realm":"corp","schedule":"daily",
                 "scope":"both","enable-new":true,"remove-vanished":"acl;entry"}}"""));
        assertEquals(List.of("realm=corp", "schedule=daily", "scope=both", "enable-new=1", "remove-vanished=acl;entry"),
                FormPairs.of(pack.only("POST", "/cluster/jobs/realm-sync/corp-nightly")));
    }

    @Test
    void realmSyncUpdateKeepsTheScheduleItMustResend() {
        pack.proxmox().respond("GET", "/cluster/jobs/realm-sync/corp-nightly",
                "{\"id\":\"corp-nightly\",\"realm\":\"corp\",\"schedule\":\"daily\",\"enabled\":1}");
        pack.proxmox().respond("PUT", "/cluster/jobs/realm-sync/corp-nightly", "null");

        assertOk("realm-sync job corp-nightly updated: set enabled; removed comment", pack.call(TOOL,
                "{\"kind\":\"realm_sync\",\"action\":\"update\",\"id\":\"corp-nightly\",\"set\":{\"enabled\":false},\"unset\":[\"comment\"]}"));
        assertEquals(List.of("GET /cluster/jobs/realm-sync/corp-nightly", "PUT /cluster/jobs/realm-sync/corp-nightly"), pack.lines());
        assertRequest(pack.last(), Map.of(), Map.of("enabled", "0", "schedule", "daily", "delete", "comment"));
    }

    @Test
    void realmSyncUpdateWithTheScheduleGivenReadsNothing() {
        pack.proxmox().respond("PUT", "/cluster/jobs/realm-sync/corp-nightly", "null");

        pack.ok(TOOL, "{\"kind\":\"realm_sync\",\"action\":\"update\",\"id\":\"corp-nightly\",\"set\":{\"schedule\":\"weekly\"}}");
        assertRequest(pack.only("PUT", "/cluster/jobs/realm-sync/corp-nightly"), Map.of(), Map.of("schedule", "weekly"));
    }

    @Test
    void deleteARealmSyncJob() {
        pack.proxmox().respond("DELETE", "/cluster/jobs/realm-sync/corp-nightly", "null");

        assertOk("realm-sync job corp-nightly deleted", pack.call(TOOL,
                "{\"kind\":\"realm_sync\",\"action\":\"delete\",\"id\":\"corp-nightly\",\"confirm\":true}"));
        assertRequest(pack.only("DELETE", "/cluster/jobs/realm-sync/corp-nightly"), Map.of(), Map.of());
    }

    // resource mappings

    @Test
    void pciMappingWithOneMapPairPerNode() {
        pack.proxmox().respond("POST", "/cluster/mapping/pci", "null");

        assertOk("PCI mapping gpu created", pack.call(TOOL, """
                {"kind":"pci","action":"create","id":"gpu","set":{"map":["node=pve1,path=0000:01:00.0,id=10de:1eb1",
                 "node=pve2,path=0000:02:00.0,id=10de:1eb1"],"description":"RTX 4000","mdev":true}}"""));
        assertEquals(List.of("id=gpu", "map=node=pve1,path=0000:01:00.0,id=10de:1eb1", "map=node=pve2,path=0000:02:00.0,id=10de:1eb1",
                "description=RTX 4000", "mdev=1"), FormPairs.of(pack.only("POST", "/cluster/mapping/pci")));
    }

    @Test
    void pciMappingUpdateAndDelete() {
        pack.proxmox().respond("PUT", "/cluster/mapping/pci/gpu", "null");
        pack.proxmox().respond("DELETE", "/cluster/mapping/pci/gpu", "null");

        assertOk("PCI mapping gpu updated: set live-migration-capable; removed description", pack.call(TOOL,
                "{\"kind\":\"pci\",\"action\":\"update\",\"id\":\"gpu\",\"set\":{\"live-migration-capable\":true},\"unset\":[\"description\"]}"));
        assertOk("PCI mapping gpu deleted", pack.call(TOOL, "{\"kind\":\"pci\",\"action\":\"delete\",\"id\":\"gpu\",\"confirm\":true}"));
        assertEquals(List.of("PUT /cluster/mapping/pci/gpu", "DELETE /cluster/mapping/pci/gpu"), pack.lines());
        assertRequest(pack.request(0), Map.of(), Map.of("live-migration-capable", "1", "delete", "description"));
    }

    @Test
    void usbMappingUpdateResendsTheCurrentMap() {
        pack.proxmox().respond("GET", "/cluster/mapping/usb/dongle", """
                {"description":"license","map":["node=pve1,id=0529:0001","node=pve2,id=0529:0001"],"digest":"77aa"}""");
        pack.proxmox().respond("PUT", "/cluster/mapping/usb/dongle", "null");

        assertOk("USB mapping dongle updated: set description", pack.call(TOOL,
                "{\"kind\":\"usb\",\"action\":\"update\",\"id\":\"dongle\",\"set\":{\"description\":\"license key\"}}"));
        assertEquals(List.of("description=license key", "map=node=pve1,id=0529:0001", "map=node=pve2,id=0529:0001"),
                FormPairs.of(pack.last()));
    }

    @Test
    void dirMappingFromOneMapString() {
        pack.proxmox().respond("POST", "/cluster/mapping/dir", "null");
        pack.proxmox().respond("DELETE", "/cluster/mapping/dir/share", "null");

        pack.ok(TOOL, "{\"kind\":\"dir\",\"action\":\"create\",\"id\":\"share\",\"set\":{\"map\":\"node=pve1,path=/mnt/media\"}}");
        pack.ok(TOOL, "{\"kind\":\"dir\",\"action\":\"delete\",\"id\":\"share\",\"confirm\":true}");
        assertEquals(List.of("id=share", "map=node=pve1,path=/mnt/media"), FormPairs.of(pack.request(0)));
        assertEquals("DELETE /cluster/mapping/dir/share", pack.last().line());
    }

    // metric servers

    @Test
    void metricServerTokenIsSentButNeverEchoed() {
        pack.proxmox().respond("POST", "/cluster/metrics/server/influx", "null");

        String text = pack.ok(TOOL, """
                {"kind":"metric_server","action":"create","id":"influx","set":{"type":"influxdb","server":"10.0.0.5","port":8086,
                 "influxdbproto":"https","organization":"ops","bucket":"pve","token":"s3cr3t-influx-token"}}""").text();

        assertEquals("metric server influx created", text);
        assertEquals(List.of("type=influxdb", "server=10.0.0.5", "port=8086", "influxdbproto=https", "organization=ops", "bucket=pve",
                "token=s3cr3t-influx-token"), FormPairs.of(pack.only("POST", "/cluster/metrics/server/influx")));
    }

    @Test
    void metricServerUpdateKeepsServerAndPort() {
        pack.proxmox().respond("GET", "/cluster/metrics/server/influx", """
                {"type":"influxdb","server":"10.0.0.5","port":8086,"token":"s3cr3t-influx-token"}""");
        pack.proxmox().respond("PUT", "/cluster/metrics/server/influx", "null");

        assertOk("metric server influx updated: set token", pack.call(TOOL,
                "{\"kind\":\"metric_server\",\"action\":\"update\",\"id\":\"influx\",\"set\":{\"token\":\"n3w-t0ken\"}}"));
        assertRequest(pack.last(), Map.of(), Map.of("token", "n3w-t0ken", "port", "8086", "server", "10.0.0.5"));
    }

    @Test
    void metricServerRefusedByProxmoxShowsTheFieldError() {
        pack.proxmox().fail("POST", "/cluster/metrics/server/graphite", 400, "Parameter verification failed.",
                Map.of("port", "value must have a maximum value of 65536"));

        assertEquals("""
                Proxmox API error 400: Parameter verification failed.
                  port: value must have a maximum value of 65536""", pack.error(TOOL, """
                {"kind":"metric_server","action":"create","id":"graphite","set":{"type":"graphite","server":"g","port":70000}}""").text());
    }

    @Test
    void metricServerDelete() {
        pack.proxmox().respond("DELETE", "/cluster/metrics/server/influx", "null");

        assertOk("metric server influx deleted", pack.call(TOOL,
                "{\"kind\":\"metric_server\",\"action\":\"delete\",\"id\":\"influx\",\"confirm\":true}"));
        assertRequest(pack.only("DELETE", "/cluster/metrics/server/influx"), Map.of(), Map.of());
    }

    @Test
    void updateWhoseRequiredKeyTheEntryLacksChangesNothing() {
        pack.proxmox().respond("GET", "/cluster/metrics/server/odd", "{\"type\":\"graphite\",\"server\":\"g\"}");

        assertError("updating metric server odd needs set.port (the current entry has none). Nothing was changed.",
                pack.call(TOOL, "{\"kind\":\"metric_server\",\"action\":\"update\",\"id\":\"odd\",\"set\":{\"mtu\":1400}}"));
        assertEquals(List.of("GET /cluster/metrics/server/odd"), pack.lines());
    }

    // checks before anything is sent

    @Test
    void deletesNeedConfirm() {
        for (String kind : List.of("backup", "replication", "realm_sync", "pci", "usb", "dir", "metric_server")) {
            String id = kind.equals("replication") ? "100-0" : "x1";
            pack.refusedWithoutConfirm(TOOL, "{\"kind\":\"" + kind + "\",\"action\":\"delete\",\"id\":\"" + id + "\"}");
        }
    }

    @Test
    void hostileIdsSendNothing() {
        pack.invalid(TOOL, "{\"kind\":\"replication\",\"action\":\"update\",\"id\":\"../x\",\"set\":{\"rate\":1}}",
                "id: must be a replication job id");
        pack.invalid(TOOL, "{\"kind\":\"replication\",\"action\":\"create\",\"id\":\"100-0/../../x\",\"set\":{\"target\":\"pve2\"}}",
                "id: must be a replication job id");
        pack.invalid(TOOL, "{\"kind\":\"pci\",\"action\":\"delete\",\"id\":\"a/b\",\"confirm\":true}", "id: must be a config key");
        pack.invalid(TOOL, "{\"kind\":\"backup\",\"action\":\"update\",\"id\":\"a/b\",\"set\":{\"enabled\":1}}", "id: must be a name");
        pack.invalid(TOOL, "{\"kind\":\"metric_server\",\"action\":\"create\",\"id\":\"..\",\"set\":{\"type\":\"graphite\","
                + "\"server\":\"g\",\"port\":2003}}", "id: must be a config key");
        pack.invalid(TOOL, "{\"kind\":\"realm_sync\",\"action\":\"delete\",\"confirm\":true}", "id is required");
    }

    @Test
    void malformedSetOrUnsetSendsNothing() {
        pack.invalid(TOOL, "{\"kind\":\"pci\",\"action\":\"update\",\"id\":\"gpu\",\"set\":{\"description\":[\"a\",\"b\"]}}",
                "set.description takes one value");
        pack.invalid(TOOL, "{\"kind\":\"pci\",\"action\":\"update\",\"id\":\"gpu\",\"set\":{\"description\":\"\"}}",
                "set.description has no value");
        pack.invalid(TOOL, "{\"kind\":\"usb\",\"action\":\"update\",\"id\":\"dongle\",\"unset\":[\"map\"]}",
                "unset: map cannot be removed from a USB mapping; removable: description");
        pack.invalid(TOOL, "{\"kind\":\"pci\",\"action\":\"update\",\"id\":\"gpu\",\"set\":{\"mdev\":1},\"unset\":[\"mdev\"]}",
                "mdev is both in set and in unset");
        pack.invalid(TOOL, "{\"kind\":\"pci\",\"action\":\"create\",\"id\":\"gpu\",\"set\":{\"map\":\"x\"},\"unset\":[\"mdev\"]}",
                "unset is for action=update");
        pack.invalid(TOOL, "{\"kind\":\"pci\",\"action\":\"delete\",\"id\":\"gpu\",\"set\":{\"keep\":1},\"confirm\":true}",
                "deleting a PCI mapping takes no set");
        pack.invalid(TOOL, "{\"kind\":\"pci\",\"action\":\"update\",\"id\":\"gpu\"}", "give set or unset");
        pack.invalid(TOOL, "{\"kind\":\"dir\",\"action\":\"create\",\"id\":\"share\"}", "creating a directory mapping needs set.map");
        pack.invalid(TOOL, "{\"kind\":\"storage\",\"action\":\"create\",\"id\":\"x\"}", "storage");
    }
}
