package io.github.proxmoxmcp.sandbox;

import static io.github.proxmoxmcp.sandbox.SandboxTest.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Storage state: configuration, content and its attributes, prune, downloads and uploads, disks and scans. */
class StorageApiTest {

    private static final String DB_BACKUPS = "/nodes/pve1/storage/nfs-shared/content";

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

    private static String volume(String volid) {
        return "/" + Api.encode(volid);
    }

    @Test
    void anAddedStorageIsSeenByItsNodesOnlyAndARemovedOneByNone() {
        assertEquals(200, api.post("/storage", "storage", "nas-iso", "type", "nfs", "server", "192.168.1.5",
                "export", "/srv/iso", "content", "iso,vztmpl", "nodes", "pve1,pve2").status());
        assertEquals(List.of("local", "local-lvm", "nas-iso", "nfs-shared"), texts(api.get("/nodes/pve2/storage").data(), "storage"));
        assertEquals(List.of("local", "local-lvm", "nfs-shared"), texts(api.get("/nodes/pve3/storage").data(), "storage"));
        assertEquals("storage 'nas-iso' is not available on node 'pve3'",
                api.get("/nodes/pve3/storage/nas-iso/content").message().strip());
        JsonNode resources = api.get("/cluster/resources", "type", "storage").data();
        assertEquals(List.of("storage/pve1/nas-iso", "storage/pve2/nas-iso"),
                texts(resources, "id").stream().filter(id -> id.endsWith("/nas-iso")).toList());
        assertEquals("/mnt/pve/nas-iso", api.get("/storage/nas-iso").data().get("path").asString());

        assertEquals(200, api.put("/storage/nas-iso", "disable", "1").status());
        JsonNode disabled = api.get("/nodes/pve1/storage/nas-iso/status").data();
        assertEquals(0, disabled.get("active").asInt());
        assertFalse(texts(api.get("/nodes/pve1/storage", "enabled", "1").data(), "storage").contains("nas-iso"));

        assertEquals(200, api.delete("/storage/nas-iso").status());
        assertEquals("storage 'nas-iso' does not exist", api.get("/nodes/pve1/storage/nas-iso/status").message().strip());
        assertEquals(500, api.post("/storage", "storage", "local", "type", "dir", "path", "/srv").status());
    }

    @Test
    void contentIsListedByTypeForTheTypesTheStorageHolds() {
        assertEquals(List.of("local:iso/debian-12.8.0-amd64-netinst.iso", "local:iso/ubuntu-24.04.1-live-server-amd64.iso"),
                texts(api.get("/nodes/pve1/storage/local/content", "content", "iso").data(), "volid"));
        assertEquals(0, api.get("/nodes/pve1/storage/local-lvm/content", "content", "iso").data().size());
        assertEquals(200, api.put("/storage/local", "content", "backup,vztmpl").status());
        assertEquals(0, api.get("/nodes/pve1/storage/local/content", "content", "iso").data().size(),
                "files of a content type the storage no longer holds are not listed");
        JsonNode backups = api.get(DB_BACKUPS, "content", "backup", "vmid", "101").data();
        assertEquals(6, backups.size());
        JsonNode kept = backups.valueStream().filter(b -> b.path("protected").asInt() == 1).findFirst().orElseThrow();
        assertEquals("db01 before the PostgreSQL 16 upgrade", kept.get("notes").asString());
    }

    @Test
    void notesAndProtectionAreBackupAttributesAndProtectionBlocksDeletion() {
        String backup = api.get("/nodes/pve1/storage/local/content", "content", "backup").data().get(0).get("volid").asString();
        String path = "/nodes/pve1/storage/local/content" + volume(backup);
        assertEquals(200, api.put(path, "notes", "keep until July", "protected", "1").status());
        JsonNode attributes = api.get(path).data();
        assertEquals("keep until July", attributes.get("notes").asString());
        assertEquals(1, attributes.get("protected").asInt());
        assertEquals("/var/lib/vz/dump/" + backup.substring(backup.indexOf('/') + 1), attributes.get("path").asString());

        String refused = api.run("DELETE", path);
        assertEquals("cannot remove protected volume '" + backup + "' on storage 'local'", refused);
        assertEquals(200, api.put(path, "protected", "0").status());
        Api.Response delete = api.delete(path);
        assertTrue(delete.data().asString().contains(":imgdel:100@local:"), delete.raw());
        assertEquals("OK", api.await(delete.data().asString()));
        assertEquals(500, api.get(path).status());

        Api.Response iso = api.put("/nodes/pve1/storage/local/content" + volume("local:iso/debian-12.8.0-amd64-netinst.iso"),
                "notes", "x");
        assertEquals("only backups support attribute 'notes'", iso.message().strip());
        Api.Response inUse = api.delete("/nodes/pve1/storage/local-lvm/content" + volume("local-lvm:vm-100-disk-0"));
        assertEquals("unable to delete volume 'local-lvm:vm-100-disk-0' - volume is still in use by VM 100 (scsi0)",
                inUse.message().strip());
    }

    @Test
    void pruneMarksPerGuestNewestFirstAndRemovesOnlyWhatItMarked() {
        JsonNode preview = api.get("/nodes/pve1/storage/nfs-shared/prunebackups", "vmid", "101", "prune-backups", "keep-last=2").data();
        assertEquals(List.of("keep", "keep", "remove", "remove", "remove", "protected"), texts(preview, "mark"));
        assertEquals("qemu", preview.get(0).get("type").asString());
        assertEquals(List.of("keep", "keep", "keep", "remove", "remove", "protected"), texts(api.get(
                "/nodes/pve1/storage/nfs-shared/prunebackups", "vmid", "101", "prune-backups", "keep-daily=3,keep-weekly=2").data(), "mark"),
                "the week of the last three days is covered already: weekly keeps come from earlier weeks");
        assertEquals(List.of("keep", "keep", "keep", "keep", "keep", "protected"),
                texts(api.get("/nodes/pve1/storage/nfs-shared/prunebackups", "vmid", "101").data(), "mark"),
                "the storage's own retention, keep-daily=7,keep-weekly=4, is the default");
        assertEquals(400, api.get("/nodes/pve1/storage/nfs-shared/prunebackups", "prune-backups", "keep-often=2").status());

        assertEquals("OK", api.run("DELETE", "/nodes/pve1/storage/nfs-shared/prunebackups", "vmid", "101",
                "prune-backups", "keep-last=2"));
        assertEquals(3, api.get(DB_BACKUPS, "content", "backup", "vmid", "101").data().size());
        assertEquals(1, api.get(DB_BACKUPS, "content", "backup", "vmid", "103").data().size(), "other guests are untouched");
    }

    @Test
    void aDownloadAddsTheFileWhenItsTaskEnds() {
        String url = "https://cdimage.debian.org/debian-cd/current/amd64/iso-cd/debian-13.1.0-amd64-netinst.iso";
        JsonNode metadata = api.get("/nodes/pve1/query-url-metadata", "url", url).data();
        assertEquals("debian-13.1.0-amd64-netinst.iso", metadata.get("filename").asString());
        assertEquals("application/x-iso9660-image", metadata.get("mimetype").asString());
        Api.Response started = api.post("/nodes/pve1/storage/local/download-url", "url", url, "content", "iso",
                "filename", "debian-13.1.0-amd64-netinst.iso", "checksum", "ab".repeat(32), "checksum-algorithm", "sha256");
        assertTrue(started.data().asString().contains(":download:debian-13.1.0-amd64-netinst.iso:"), started.raw());
        assertEquals("OK", api.await(started.data().asString()));
        JsonNode isos = api.get("/nodes/pve1/storage/local/content", "content", "iso").data();
        JsonNode added = isos.valueStream().filter(v -> v.get("volid").asString().equals("local:iso/debian-13.1.0-amd64-netinst.iso"))
                .findFirst().orElseThrow();
        assertEquals(metadata.get("size").asLong(), added.get("size").asLong());
        assertEquals(0, api.get("/nodes/pve2/storage/local/content", "content", "iso").data().valueStream()
                .filter(v -> v.get("volid").asString().contains("debian-13")).count(), "local is per node");

        assertEquals("refusing to override existing file '/var/lib/vz/template/iso/debian-13.1.0-amd64-netinst.iso'",
                api.post("/nodes/pve1/storage/local/download-url", "url", url, "content", "iso",
                        "filename", "debian-13.1.0-amd64-netinst.iso").message().strip());
        assertEquals(400, api.post("/nodes/pve1/storage/local/download-url", "url", url, "content", "iso", "filename", "x.tar").status());
        assertEquals("storage 'local-lvm' is not a file-based storage: it cannot hold iso files", api.post(
                "/nodes/pve1/storage/local-lvm/download-url", "url", url, "content", "iso", "filename", "a.iso").message().strip());
        assertTrue(api.get("/nodes/pve1/query-url-metadata", "url", "https://mirror.invalid/a.iso").message()
                .contains("Can't connect to mirror.invalid:443"));
    }

    @Test
    void anUploadIsCheckedAgainstItsChecksum() throws Exception {
        byte[] file = "a tiny ISO".getBytes(StandardCharsets.UTF_8);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        Api.Response upload = api.upload("/nodes/pve2/storage/nfs-shared/upload", "tools.iso", file,
                "content", "iso", "checksum-algorithm", "sha256", "checksum", sha256);
        assertEquals(200, upload.status(), upload.raw());
        assertEquals("OK", api.await(upload.data().asString()));
        JsonNode isos = api.get("/nodes/pve3/storage/nfs-shared/content", "content", "iso").data();
        assertTrue(texts(isos, "volid").contains("nfs-shared:iso/tools.iso"), "shared storage: every node sees it");

        Api.Response wrong = api.upload("/nodes/pve2/storage/nfs-shared/upload", "other.iso", file,
                "content", "iso", "checksum-algorithm", "sha256", "checksum", "00".repeat(32));
        assertEquals("checksum mismatch: got '" + sha256 + "' != expect '" + "00".repeat(32) + "'", api.await(wrong.data().asString()));
        assertFalse(texts(api.get("/nodes/pve3/storage/nfs-shared/content", "content", "iso").data(), "volid")
                .contains("nfs-shared:iso/other.iso"));
    }

    @Test
    void disksListSmartAndWhatIsMadeOnThem() {
        JsonNode disks = api.get("/nodes/pve1/disks/list").data();
        assertEquals(List.of("/dev/sda", "/dev/sdb", "/dev/sdc"), texts(disks, "devpath"));
        assertEquals("partitions", disks.get(0).get("used").asString());
        assertFalse(disks.get(1).has("used"));
        assertEquals(List.of("/dev/sdb", "/dev/sdc"), texts(api.get("/nodes/pve1/disks/list", "type", "unused").data(), "devpath"));
        JsonNode failing = api.get("/nodes/pve3/disks/smart", "disk", "/dev/sdb").data();
        assertEquals("FAILED", failing.get("health").asString());
        assertEquals("1184", failing.get("attributes").get(0).get("raw").asString());
        assertEquals("text", api.get("/nodes/pve2/disks/smart", "disk", "/dev/nvme0n1").data().get("type").asString());
        assertEquals("no such block device '/dev/sdz'", api.get("/nodes/pve1/disks/smart", "disk", "/dev/sdz").message().strip());

        assertEquals("mirror needs at least 2 disks", api.post("/nodes/pve1/disks/zfs", "name", "tank", "devices", "/dev/sdb",
                "raidlevel", "mirror").message().strip());
        assertEquals("OK", api.run("POST", "/nodes/pve1/disks/zfs", "name", "tank", "devices", "/dev/sdb,/dev/sdc",
                "raidlevel", "mirror", "add_storage", "1"));
        assertEquals(List.of("tank"), texts(api.get("/nodes/pve1/disks/zfs").data(), "name"));
        assertEquals("mirror-0", api.get("/nodes/pve1/disks/zfs/tank").data().get("children").get(0).get("children").get(0)
                .get("name").asString());
        assertEquals("ZFS", api.get("/nodes/pve1/disks/list").data().get(1).get("used").asString());
        JsonNode tank = api.get("/storage/tank").data();
        assertEquals("zfspool", tank.get("type").asString());
        assertEquals("pve1", tank.get("nodes").asString());
        assertEquals(List.of("tank"), texts(api.get("/nodes/pve1/scan/zfs").data(), "pool"));
        assertEquals("device '/dev/sdb' is already in use", api.post("/nodes/pve1/disks/lvm", "name", "vg2", "device", "/dev/sdb")
                .message().strip());

        assertEquals("OK", api.run("DELETE", "/nodes/pve1/disks/zfs/tank", "cleanup-config", "1", "cleanup-disks", "1"));
        assertEquals(0, api.get("/nodes/pve1/disks/zfs").data().size());
        assertEquals(500, api.get("/storage/tank").status());
        assertEquals(2, api.get("/nodes/pve1/disks/list", "type", "unused").data().size());
    }

    @Test
    void lvmThinPoolsAndDirectoriesOnAnUnusedDisk() {
        assertEquals(List.of("data"), texts(api.get("/nodes/pve2/disks/lvmthin").data(), "lv"));
        assertEquals("OK", api.run("POST", "/nodes/pve2/disks/lvmthin", "name", "fast", "device", "/dev/sdb", "add_storage", "1"));
        assertEquals(List.of("data", "fast"), texts(api.get("/nodes/pve2/disks/lvmthin").data(), "lv"));
        assertEquals(List.of("pve", "fast"), texts(api.get("/nodes/pve2/disks/lvm").data().get("children"), "name"));
        assertEquals(List.of("fast"), texts(api.get("/nodes/pve2/scan/lvmthin", "vg", "fast").data(), "lv"));
        assertTrue(texts(api.get("/nodes/pve2/storage").data(), "storage").contains("fast"));
        assertEquals("volume group 'pve' still has logical volumes", api.delete("/nodes/pve2/disks/lvm/pve").message().strip());
        assertEquals("OK", api.run("DELETE", "/nodes/pve2/disks/lvmthin/fast", "volume-group", "fast", "cleanup-config", "1"));
        assertFalse(texts(api.get("/nodes/pve2/storage").data(), "storage").contains("fast"));

        assertEquals("OK", api.run("POST", "/nodes/pve3/disks/directory", "name", "archive", "device", "/dev/sdb",
                "filesystem", "xfs", "add_storage", "1"));
        JsonNode mount = api.get("/nodes/pve3/disks/directory").data().get(0);
        assertEquals("/mnt/pve/archive", mount.get("path").asString());
        assertEquals("xfs", mount.get("type").asString());
        assertEquals("/mnt/pve/archive", api.get("/storage/archive").data().get("path").asString());
    }

    @Test
    void scansFindWhatCanBeAdded() {
        assertEquals(List.of("/srv/pve", "/srv/iso", "/srv/backup"),
                texts(api.get("/nodes/pve1/scan/nfs", "server", "192.168.1.5").data(), "path"));
        assertEquals(List.of("pve", "iso", "backup"), texts(api.get("/nodes/pve1/scan/cifs", "server", "nas").data(), "share"));
        assertEquals(List.of("datastore1", "offsite"), texts(api.get("/nodes/pve1/scan/pbs", "server", "pbs.lan",
                "username", "root@pam", "password", "secret").data(), "store"));
        assertEquals("10.0.0.9:3260", api.get("/nodes/pve1/scan/iscsi", "portal", "10.0.0.9").data().get(0).get("portal").asString());
        assertEquals(List.of("pve"), texts(api.get("/nodes/pve1/scan/lvm").data(), "vg"));
        assertEquals("command '/sbin/showmount --no-headers --exports nas.invalid' failed: exit code 1",
                api.get("/nodes/pve1/scan/nfs", "server", "nas.invalid").message().strip());
    }
}
