package io.github.proxmoxmcp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The everyday storage jobs end to end over stdio, a fresh simulated cluster per test. The seed has local (dir, per
 * node), local-lvm (thin pool, per node) and nfs-shared; db01 (VM 101) has six backups on nfs-shared, one protected.
 */
class StorageScenariosIT {

    private static final String DB_BACKUP = "nfs-shared:backup/vzdump-qemu-101-2025_12_";

    private SandboxSession session;

    @BeforeEach
    void start() {
        session = SandboxSession.start(9);
    }

    @AfterEach
    void stop() {
        session.close();
    }

    @Test
    void showStorageUsage() {
        assertEquals("""
                STORAGE     NODE  TYPE     SHARED  STATUS     USAGE                        CONTENT
                local       pve1  dir      no      available  16.8 GiB/94.0 GiB (17.8%)    backup,iso,vztmpl
                local       pve2  dir      no      available  14.5 GiB/94.0 GiB (15.4%)    backup,iso,vztmpl
                local       pve3  dir      no      available  14.5 GiB/94.0 GiB (15.4%)    backup,iso,vztmpl
                local-lvm   pve1  lvmthin  no      available  99.0 GiB/350.0 GiB (28.3%)   images,rootdir
                local-lvm   pve2  lvmthin  no      available  28.0 GiB/350.0 GiB (8.0%)    images,rootdir
                local-lvm   pve3  lvmthin  no      available  116.0 GiB/350.0 GiB (33.1%)  images,rootdir
                nfs-shared  pve1  nfs      yes     available  974.0 GiB/1.0 TiB (95.1%)    backup,images,iso
                nfs-shared  pve2  nfs      yes     available  974.0 GiB/1.0 TiB (95.1%)    backup,images,iso
                nfs-shared  pve3  nfs      yes     available  974.0 GiB/1.0 TiB (95.1%)    backup,images,iso""",
                session.ok("proxmox_storage_list", Map.of()));
        assertEquals("""
                nfs-shared on pve2: nfs, active, shared
                content: backup,images,iso
                usage: 974.0 GiB/1.0 TiB (95.1%), 50.0 GiB free""",
                session.ok("proxmox_storage_list", Map.of("node", "pve2", "storage", "nfs-shared")));
    }

    @Test
    void whichIsosAndTemplatesDoIHave() {
        assertEquals("""
                VOLID                                           CONTENT  FORMAT  SIZE       CREATED               VMID  PROTECTED  NOTES
                local:iso/debian-12.8.0-amd64-netinst.iso       iso      iso     631.0 MiB  2025-11-22 00:00:00Z  -     -          -
                local:iso/ubuntu-24.04.1-live-server-amd64.iso  iso      iso     2.6 GiB    2025-11-22 01:00:00Z  -     -          -""",
                session.ok("proxmox_storage_content_list", Map.of("storage", "local", "content", "iso")));
        assertEquals("""
                VOLID                                  CONTENT  FORMAT  SIZE       CREATED               VMID  PROTECTED  NOTES
                nfs-shared:iso/virtio-win-0.1.262.iso  iso      iso     692.7 MiB  2025-12-02 00:00:00Z  -     -          -""",
                session.ok("proxmox_storage_content_list", Map.of("storage", "nfs-shared", "content", "iso")));
        String templates = session.ok("proxmox_storage_content_list", Map.of("storage", "local", "content", "vztmpl", "node", "pve3"));
        assertEquals(4, templates.lines().count(), templates);
        assertTrue(templates.lines().anyMatch(l -> l.matches("local:vztmpl/debian-12-standard_12\\.7-1_amd64\\.tar\\.zst +vztmpl +tzst .*")),
                templates);
    }

    @Test
    void downloadAnIsoFromAUrlAndFindItInTheList() {
        String url = "https://cdimage.debian.org/debian-cd/current/amd64/iso-cd/debian-13.1.0-amd64-netinst.iso";
        String info = session.ok("proxmox_storage_url_info", Map.of("url", url, "node", "pve1"));
        assertTrue(info.startsWith("filename: debian-13.1.0-amd64-netinst.iso\nsize: "), info);
        assertTrue(info.endsWith("mimetype: application/x-iso9660-image"), info);
        String size = info.lines().filter(l -> l.startsWith("size: ")).findFirst().orElseThrow().substring(6);

        String downloaded = session.ok("proxmox_storage_upload", Map.of("storage", "local", "node", "pve1", "content", "iso",
                "url", url, "checksum", "0123456789abcdef".repeat(4), "checksum-algorithm", "sha256"));
        assertTrue(downloaded.startsWith("download of local:iso/debian-13.1.0-amd64-netinst.iso (" + size + ") on pve1: task OK"),
                downloaded);
        String isos = session.ok("proxmox_storage_content_list", Map.of("storage", "local", "node", "pve1", "content", "iso"));
        assertTrue(isos.lines().anyMatch(l -> l.startsWith("local:iso/debian-13.1.0-amd64-netinst.iso") && l.contains(size)), isos);
        assertFalse(session.ok("proxmox_storage_content_list", Map.of("storage", "local", "node", "pve2", "content", "iso"))
                .contains("debian-13"), "local is per node: pve2 does not have it");

        String again = session.failed("proxmox_storage_upload", Map.of("storage", "local", "node", "pve1", "content", "iso", "url", url));
        assertTrue(again.contains("refusing to override existing file '/var/lib/vz/template/iso/debian-13.1.0-amd64-netinst.iso'"),
                again);
    }

    @Test
    void addAnNfsStorageFromAScan() {
        assertEquals("""
                PATH         OPTIONS
                /srv/pve     192.168.1.0/24
                /srv/iso     192.168.1.0/24
                /srv/backup  192.168.1.0/24""",
                session.ok("proxmox_storage_scan", Map.of("type", "nfs", "server", "192.168.1.5", "node", "pve1")));
        assertEquals("storage nas-iso (nfs) created", session.ok("proxmox_storage_manage", Map.of("action", "create",
                "storage", "nas-iso", "type", "nfs", "settings", Map.of("server", "192.168.1.5", "export", "/srv/iso",
                        "content", "iso,vztmpl", "nodes", "pve1,pve2"))));
        String listed = session.ok("proxmox_storage_list", Map.of());
        assertTrue(listed.contains("nas-iso     pve1  nfs      yes     available  0 B/512.0 GiB (0.0%)"), listed);
        assertEquals(2, listed.lines().filter(l -> l.startsWith("nas-iso ")).count(), "only the nodes it is configured for");
        String config = session.ok("proxmox_storage_get", Map.of("storage", "nas-iso"));
        assertTrue(config.contains("export: /srv/iso"), config);
        assertTrue(config.contains("path: /mnt/pve/nas-iso"), config);

        String duplicate = session.failed("proxmox_storage_manage", Map.of("action", "create", "storage", "nas-iso", "type", "nfs",
                "settings", Map.of("server", "192.168.1.5", "export", "/srv/iso")));
        assertTrue(duplicate.contains("storage ID 'nas-iso' already defined"), duplicate);
    }

    @Test
    void removeOldBackupsAfterADryLook() {
        String preview = session.ok("proxmox_storage_content_get", Map.of("view", "prune", "storage", "nfs-shared", "vmid", 101,
                "prune-backups", "keep-last=2"));
        assertTrue(preview.startsWith("prune preview on nfs-shared, nothing removed: 2 keep, 1 protected, 3 remove\n"), preview);
        assertEquals(6, backupsOf101().lines().count() - 1, "the preview removed nothing");

        String pruned = session.ok("proxmox_storage_prune", Map.of("storage", "nfs-shared", "vmid", 101, "prune-backups", "keep-last=2",
                "confirm", true));
        assertTrue(pruned.startsWith("prune of VMID 101 backups on nfs-shared: task OK"), pruned);
        String left = backupsOf101();
        assertEquals(3, left.lines().count() - 1, left);
        assertTrue(left.contains(DB_BACKUP + "31-") && left.contains(DB_BACKUP + "30-") && left.contains(DB_BACKUP + "01-"), left);
    }

    @Test
    void removeOneOldBackupOnceItsProtectionIsLifted() {
        String volume = DB_BACKUP + "01-02_02_34.vma.zst";
        String refused = session.failed("proxmox_storage_content_manage", Map.of("action", "delete", "volume", volume, "confirm", true));
        assertTrue(refused.contains("cannot remove protected volume '" + volume + "' on storage 'nfs-shared'"), refused);
        assertEquals(volume + " updated", session.ok("proxmox_storage_content_manage",
                Map.of("action", "update", "volume", volume, "protected", false)));
        String removed = session.ok("proxmox_storage_content_manage", Map.of("action", "delete", "volume", volume, "confirm", true));
        assertTrue(removed.startsWith("deletion of " + volume + ": task OK"), removed);
        assertFalse(backupsOf101().contains(volume));
    }

    @Test
    void findAFailingDiskAndBuildAMirrorOnTwoNewOnes() {
        String disks = session.ok("proxmox_storage_disk_list", Map.of("node", "pve3"));
        assertTrue(disks.contains("/dev/sdb  hdd   1.8 TiB    ST2000DM008-2FR102  ZFL1ABCD      unused      FAILED"), disks);
        assertTrue(session.ok("proxmox_storage_disk_smart", Map.of("node", "pve3", "disk", "/dev/sdb"))
                .contains("  5  Reallocated_Sector_Ct   3      3      10      1184  FAILING_NOW"));

        String created = session.ok("proxmox_storage_disk_manage", Map.of("action", "create", "node", "pve1", "type", "zfs",
                "name", "tank", "devices", java.util.List.of("/dev/sdb", "/dev/sdc"), "raidlevel", "mirror", "add_storage", true));
        assertTrue(created.startsWith("creation of zfs tank on pve1: task OK"), created);
        String pools = session.ok("proxmox_storage_disk_list", Map.of("node", "pve1", "view", "zfs"));
        assertTrue(pools.lines().skip(1).anyMatch(l -> l.startsWith("tank  ONLINE  3.5 TiB")), pools);
        assertTrue(session.ok("proxmox_storage_list", Map.of("node", "pve1")).contains("tank        zfspool"));
        assertFalse(session.ok("proxmox_storage_list", Map.of("node", "pve2")).contains("tank"));
    }

    private String backupsOf101() {
        return session.ok("proxmox_storage_content_list", Map.of("storage", "nfs-shared", "content", "backup", "vmid", 101));
    }
}
