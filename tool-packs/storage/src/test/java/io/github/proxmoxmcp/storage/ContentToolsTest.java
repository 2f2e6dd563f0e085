package io.github.proxmoxmcp.storage;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static io.github.proxmoxmcp.core.testing.TaskIds.UPID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** proxmox_storage_content_list, proxmox_storage_content_get, proxmox_storage_content_manage, proxmox_storage_prune. */
@MicronautTest
class ContentToolsTest implements MockProxmoxTest {

    static final String CONTENT = """
            [{"volid":"local:iso/debian-12.iso","content":"iso","format":"iso","size":659554304,"ctime":1709251200},
             {"volid":"local:backup/vzdump-qemu-100-2024_03_10-02_00_01.vma.zst","content":"backup","format":"vma.zst",
              "size":2147483648,"ctime":1710036001,"vmid":100,"notes":"before upgrade","protected":1},
             {"volid":"local:backup/vzdump-qemu-100-2024_03_12-02_00_01.vma.zst","content":"backup","format":"vma.zst",
              "size":2254857830,"ctime":1710208801,"vmid":100,"notes":"nightly"},
             {"volid":"local:vztmpl/alpine-3.19-default_20240207_amd64.tar.xz","content":"vztmpl","format":"txz",
              "size":3145728,"ctime":1707300000},
             {"volid":"local:backup/vzdump-lxc-101-2024_03_11-02_00_01.tar.zst","content":"backup","format":"tar.zst",
              "size":104857600,"ctime":1710122401,"vmid":101}]""";

    @Inject
    PackCalls pack;

    @Test
    void contentIsGroupedByTypeWithBackupsNewestFirst() {
        pack.proxmox().respond("GET", "/nodes/pve1/storage/local/content", CONTENT);

        assertOk("""
                VOLID                                                     CONTENT  FORMAT   SIZE       CREATED               VMID  PROTECTED  NOTES
                local:backup/vzdump-qemu-100-2024_03_12-02_00_01.vma.zst  backup   vma.zst  2.1 GiB    2024-03-12 02:00:01Z  100   -          nightly
                local:backup/vzdump-lxc-101-2024_03_11-02_00_01.tar.zst   backup   tar.zst  100.0 MiB  2024-03-11 02:00:01Z  101   -          -
                local:backup/vzdump-qemu-100-2024_03_10-02_00_01.vma.zst  backup   vma.zst  2.0 GiB    2024-03-10 02:00:01Z  100   yes        before upgrade
                local:iso/debian-12.iso                                   iso      iso      629.0 MiB  2024-03-01 00:00:00Z  -     -          -
                local:vztmpl/alpine-3.19-default_20240207_amd64.tar.xz    vztmpl   txz      3.0 MiB    2024-02-07 10:00:00Z  -     -          -""",
                pack.call("proxmox_storage_content_list", "{\"node\":\"pve1\",\"storage\":\"local\"}"));
        assertRequest(pack.only("GET", "/nodes/pve1/storage/local/content"), Map.of(), Map.of());
    }

    @Test
    void contentFiltersAreSentAndTheListIsBounded() {
        pack.proxmox().respond("GET", "/nodes/pve1/storage/local/content", CONTENT);

        String text = pack.ok("proxmox_storage_content_list",
                "{\"node\":\"pve1\",\"storage\":\"local\",\"content\":\"backup\",\"vmid\":100,\"limit\":2}").text();

        assertEquals("… 3 more (raise limit or filter)", text.lines().toList().getLast());
        assertEquals(4, text.lines().count());
        assertRequest(pack.only("GET", "/nodes/pve1/storage/local/content"), Map.of("content", "backup", "vmid", "100"), Map.of());
    }

    @Test
    void importContentIsNamedAsProxmoxNamesIt() {
        pack.proxmox().respond("GET", "/nodes/pve1/storage/local/content", "[]");

        assertOk("nothing of content import on local",
                pack.call("proxmox_storage_content_list", "{\"node\":\"pve1\",\"storage\":\"local\",\"content\":\"import\"}"));
        assertRequest(pack.only("GET", "/nodes/pve1/storage/local/content"), Map.of("content", "import"), Map.of());
    }

    @Test
    void withoutNodeTheStorageIsReadWhereItIsAvailable() {
        pack.proxmox().respond("GET", "/cluster/resources", StorageReadToolsTest.CLUSTER_STORAGES);
        pack.proxmox().respond("GET", "/nodes/pve1/storage/nas/content", "[]");

        assertOk("nothing on nas", pack.call("proxmox_storage_content_list", "{\"storage\":\"nas\"}"));
        assertEquals(List.of("GET /cluster/resources", "GET /nodes/pve1/storage/nas/content"), pack.lines());
    }

    @Test
    void volumeAttributesTakeTheStorageFromTheVolumeId() {
        pack.proxmox().respond("GET", "/nodes/pve1/storage/local/content/local%3Abackup%2Fvzdump-qemu-100.vma.zst", """
                {"path":"/var/lib/vz/dump/vzdump-qemu-100.vma.zst","size":2147483648,"used":2147483648,"format":"vma.zst",
                 "notes":"before upgrade\\nsecond line","protected":1}""");

        assertOk("""
                local:backup/vzdump-qemu-100.vma.zst
                format: vma.zst
                notes: before upgrade\\nsecond line
                path: /var/lib/vz/dump/vzdump-qemu-100.vma.zst
                protected: 1
                size: 2147483648
                used: 2147483648""",
                pack.call("proxmox_storage_content_get", "{\"view\":\"volume\",\"node\":\"pve1\",\"volume\":\"local:backup/vzdump-qemu-100.vma.zst\"}"));
        pack.only("GET", "/nodes/pve1/storage/local/content/local%3Abackup%2Fvzdump-qemu-100.vma.zst");
    }

    @Test
    void filesOfAPbsBackupStartAtTheRoot() {
        String volume = "pbs:backup/vm/100/2024-03-12T02:00:01Z";
        pack.proxmox().respond("GET", "/nodes/pve1/storage/pbs/file-restore/list", """
                [{"filepath":"ZHJpdmUtc2NzaTAuaW1nLmZpZHg=","text":"drive-scsi0.img.fidx","type":"v","leaf":0,"size":34359738368},
                 {"filepath":"aW5kZXguanNvbi5ibG9i","text":"index.json.blob","type":"f","leaf":1,"size":512,"mtime":1710208801}]""");

        assertOk("""
                TYPE  NAME                  SIZE      MODIFIED              FILEPATH
                v     drive-scsi0.img.fidx  32.0 GiB  -                     ZHJpdmUtc2NzaTAuaW1nLmZpZHg=
                f     index.json.blob       512 B     2024-03-12 02:00:01Z  aW5kZXguanNvbi5ibG9i""",
                pack.call("proxmox_storage_content_get", "{\"view\":\"files\",\"node\":\"pve1\",\"volume\":\"" + volume + "\"}"));
        assertRequest(pack.only("GET", "/nodes/pve1/storage/pbs/file-restore/list"), Map.of("volume", volume, "filepath", "/"), Map.of());

        pack.proxmox().reset();
        pack.proxmox().respond("GET", "/nodes/pve1/storage/pbs/file-restore/list", "[]");
        assertOk("no entries", pack.call("proxmox_storage_content_get",
                "{\"view\":\"files\",\"node\":\"pve1\",\"volume\":\"" + volume + "\",\"filepath\":\"ZHJpdmU=\"}"));
        assertEquals(Map.of("volume", volume, "filepath", "ZHJpdmU="), pack.last().query());
    }

    @Test
    void importMetadataShowsHowTheGuestWouldBeCreated() {
        pack.proxmox().respond("GET", "/nodes/pve1/storage/esxi/import-metadata", """
                {"type":"vm","source":"esxi","create-args":{"name":"web","memory":4096},"disks":{"scsi0":"esxi:ha-datacenter/ds1/web/web.vmdk"},
                 "warnings":[{"type":"guest-is-running"}]}""");

        assertOk("""
                esxi:ha-datacenter/ds1/web/web.vmx imports as:
                create-args: {"name":"web","memory":4096}
                disks: {"scsi0":"esxi:ha-datacenter/ds1/web/web.vmdk"}
                source: esxi
                type: vm
                warnings: [{"type":"guest-is-running"}]""",
                pack.call("proxmox_storage_content_get", "{\"view\":\"import\",\"node\":\"pve1\",\"volume\":\"esxi:ha-datacenter/ds1/web/web.vmx\"}"));
        assertRequest(pack.only("GET", "/nodes/pve1/storage/esxi/import-metadata"),
                Map.of("volume", "esxi:ha-datacenter/ds1/web/web.vmx"), Map.of());
    }

    @Test
    void prunePreviewCountsTheMarksAndRemovesNothing() {
        pack.proxmox().respond("GET", "/nodes/pve1/storage/local/prunebackups", """
                [{"volid":"local:backup/vzdump-qemu-100-2024_03_10-02_00_01.vma.zst","vmid":100,"type":"qemu","ctime":1710036001,"mark":"protected"},
                 {"volid":"local:backup/vzdump-qemu-100-2024_03_12-02_00_01.vma.zst","vmid":100,"type":"qemu","ctime":1710208801,"mark":"keep"},
                 {"volid":"local:backup/vzdump-qemu-100-2024_03_11-02_00_01.vma.zst","vmid":100,"type":"qemu","ctime":1710122401,"mark":"remove"}]""");

        assertOk("""
                prune preview on local, nothing removed: 1 keep, 1 protected, 1 remove
                VOLID                                                     VMID  TYPE  CREATED               MARK
                local:backup/vzdump-qemu-100-2024_03_12-02_00_01.vma.zst  100   qemu  2024-03-12 02:00:01Z  keep
                local:backup/vzdump-qemu-100-2024_03_11-02_00_01.vma.zst  100   qemu  2024-03-11 02:00:01Z  remove
                local:backup/vzdump-qemu-100-2024_03_10-02_00_01.vma.zst  100   qemu  2024-03-10 02:00:01Z  protected""",
                pack.call("proxmox_storage_content_get",
                        "{\"view\":\"prune\",\"node\":\"pve1\",\"storage\":\"local\",\"vmid\":100,\"prune-backups\":\"keep-last=1\"}"));
        assertRequest(pack.only("GET", "/nodes/pve1/storage/local/prunebackups"),
                Map.of("vmid", "100", "prune-backups", "keep-last=1"), Map.of());
    }

    @Test
    void contentGetChecksWhatEachViewTakes() {
        pack.invalid("proxmox_storage_content_get", "{\"view\":\"volume\",\"node\":\"pve1\"}", "volume is required for view=volume");
        pack.invalid("proxmox_storage_content_get", "{\"view\":\"import\",\"node\":\"pve1\"}", "volume is required for view=import");
        pack.invalid("proxmox_storage_content_get", "{\"view\":\"prune\",\"node\":\"pve1\",\"volume\":\"local:iso/a.iso\"}",
                "view=prune takes storage, not volume");
        pack.invalid("proxmox_storage_content_get", "{\"view\":\"prune\",\"node\":\"pve1\"}", "storage is required for view=prune");
        pack.invalid("proxmox_storage_content_get", "{\"view\":\"volume\",\"node\":\"pve1\",\"volume\":\"local:iso/a.iso\",\"vmid\":100}",
                "vmid and prune-backups are for view=prune");
        pack.invalid("proxmox_storage_content_get", "{\"view\":\"volume\",\"node\":\"pve1\",\"volume\":\"local:iso/a.iso\",\"filepath\":\"/\"}",
                "filepath is for view=files");
        pack.invalid("proxmox_storage_content_get",
                "{\"view\":\"volume\",\"node\":\"pve1\",\"storage\":\"nas\",\"volume\":\"local:iso/a.iso\"}",
                "volume local:iso/a.iso is on storage local, not nas");
        pack.invalid("proxmox_storage_content_get", "{\"view\":\"prune\",\"node\":\"pve1\",\"storage\":\"local\",\"prune-backups\":\"3\"}",
                "prune-backups must be keep-all=1 or keep-last");
    }

    @Test
    void hostileIdentifiersSendNothing() {
        pack.invalid("proxmox_storage_content_list", "{\"node\":\"pve1\",\"storage\":\"../x\"}", "storage: must be a storage id");
        pack.invalid("proxmox_storage_content_list", "{\"node\":\"a/b\",\"storage\":\"local\"}", "node: must be a node name");
        pack.invalid("proxmox_storage_content_list", "{\"node\":\"pve1\",\"storage\":\"local\",\"vmid\":42}", "vmid: must be a VMID");
        pack.invalid("proxmox_storage_content_get", "{\"view\":\"volume\",\"node\":\"pve1\",\"volume\":\"local:../../../etc/passwd\"}",
                "volume: must be a volume id");
        pack.invalid("proxmox_storage_content_get", "{\"view\":\"volume\",\"node\":\"pve1\",\"volume\":\"iso/a.iso\"}",
                "volume: must be a volume id");
        pack.invalid("proxmox_storage_content_manage",
                "{\"action\":\"delete\",\"node\":\"pve1\",\"volume\":\"local:iso//a.iso\",\"confirm\":true}", "volume: must be a volume id");
        pack.invalid("proxmox_storage_prune", "{\"storage\":\"a/b\",\"node\":\"pve1\",\"confirm\":true}", "storage: must be a storage id");
    }

    @Test
    void updateSetsNotesAndProtection() {
        pack.proxmox().respond("PUT", "/nodes/pve1/storage/local/content/local%3Abackup%2Fvzdump-qemu-100.vma.zst", "null");

        assertOk("local:backup/vzdump-qemu-100.vma.zst updated", pack.call("proxmox_storage_content_manage", """
                {"action":"update","node":"pve1","volume":"local:backup/vzdump-qemu-100.vma.zst","notes":"keep: audit","protected":true}"""));
        assertRequest(pack.only("PUT", "/nodes/pve1/storage/local/content/local%3Abackup%2Fvzdump-qemu-100.vma.zst"), Map.of(),
                Map.of("notes", "keep: audit", "protected", "1"));
    }

    @Test
    void deleteNeedsConfirmAndWaitsOnTheTask() {
        String path = "/nodes/pve1/storage/local/content/local%3Aiso%2Fold.iso";
        pack.refusedWithoutConfirm("proxmox_storage_content_manage", "{\"action\":\"delete\",\"node\":\"pve1\",\"volume\":\"local:iso/old.iso\"}");

        pack.taskEndsOk("DELETE", path);
        assertOk("deletion of local:iso/old.iso: task OK (" + UPID + ")", pack.call("proxmox_storage_content_manage",
                "{\"action\":\"delete\",\"node\":\"pve1\",\"volume\":\"local:iso/old.iso\",\"confirm\":true}"));
        assertRequest(pack.startedAndAwaited("DELETE", path), Map.of(), Map.of());
    }

    @Test
    void manageChecksWhatEachActionTakes() {
        pack.invalid("proxmox_storage_content_manage", "{\"action\":\"update\",\"node\":\"pve1\",\"volume\":\"local:iso/a.iso\"}",
                "action=update needs notes or protected");
        pack.invalid("proxmox_storage_content_manage",
                "{\"action\":\"delete\",\"node\":\"pve1\",\"volume\":\"local:iso/a.iso\",\"notes\":\"x\",\"confirm\":true}",
                "notes and protected are for action=update");
    }

    @Test
    void aProtectedBackupCannotBeDeleted() {
        pack.proxmox().fail("DELETE", "/nodes/pve1/storage/local/content/local%3Abackup%2Fb.vma.zst", 500,
                "backup 'local:backup/b.vma.zst' is protected", Map.of());

        assertEquals("Proxmox API error 500: backup 'local:backup/b.vma.zst' is protected", pack.error("proxmox_storage_content_manage",
                "{\"action\":\"delete\",\"node\":\"pve1\",\"volume\":\"local:backup/b.vma.zst\",\"confirm\":true}").text());
    }

    @Test
    void pruneNeedsConfirmAndSendsTheRetention() {
        pack.refusedWithoutConfirm("proxmox_storage_prune", "{\"storage\":\"local\",\"node\":\"pve1\",\"vmid\":100}");

        pack.taskEndsOk("DELETE", "/nodes/pve1/storage/local/prunebackups");
        assertOk("prune of VMID 100 backups on local: task OK (" + UPID + ")", pack.call("proxmox_storage_prune",
                "{\"storage\":\"local\",\"node\":\"pve1\",\"vmid\":100,\"prune-backups\":\"keep-last=2,keep-weekly=1\",\"confirm\":true}"));
        assertRequest(pack.startedAndAwaited("DELETE", "/nodes/pve1/storage/local/prunebackups"),
                Map.of("vmid", "100", "prune-backups", "keep-last=2,keep-weekly=1"), Map.of());
    }

    @Test
    void pruneOfAWholeStorageUsesItsOwnRetention() {
        pack.taskEndsOk("DELETE", "/nodes/pve1/storage/local/prunebackups");

        assertOk("prune of backups on local: task OK (" + UPID + ")",
                pack.call("proxmox_storage_prune", "{\"storage\":\"local\",\"node\":\"pve1\",\"confirm\":true}"));
        assertRequest(pack.startedAndAwaited("DELETE", "/nodes/pve1/storage/local/prunebackups"), Map.of(), Map.of());
        pack.proxmox().reset();
        pack.invalid("proxmox_storage_prune", "{\"storage\":\"local\",\"node\":\"pve1\",\"prune-backups\":\"keep-last=-1\",\"confirm\":true}",
                "prune-backups must be");
    }
}
