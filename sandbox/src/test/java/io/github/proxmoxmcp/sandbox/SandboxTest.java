package io.github.proxmoxmcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SandboxTest {

    static final SandboxOptions OPTIONS = new SandboxOptions(7, Instant.parse("2025-06-01T12:00:00Z"), Duration.ofMillis(40));

    Sandbox sandbox;
    Api api;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(OPTIONS);
        api = new Api(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.path(field).asString()));
        return out;
    }

    // ---- authentication ----

    @Test
    void theTokenIsAcceptedAndAnythingElseIs401() {
        assertTrue(sandbox.url().matches("http://127\\.0\\.0\\.1:\\d+"));
        assertEquals("root@pam!sandbox", sandbox.tokenId());
        assertTrue(sandbox.tokenSecret().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        assertEquals(200, api.get("/version").status());
        assertEquals("9.1", api.get("/version").data().get("release").asString());

        Api wrong = new Api(sandbox, "Authorization", "PVEAPIToken=root@pam!sandbox=00000000-0000-0000-0000-000000000000");
        Api.Response denied = wrong.get("/nodes");
        assertEquals(401, denied.status());
        assertEquals("authentication failure", denied.message());
        assertEquals(401, new Api(sandbox, "X-None", "1").get("/version").status());
    }

    @Test
    void aTicketWorksWithTheCsrfTokenOnWrites() {
        Api anonymous = new Api(sandbox, "X-None", "1");
        assertEquals(401, anonymous.post("/access/ticket", "username", "root@pam", "password", "wrong").status());
        Api.Response login = anonymous.post("/access/ticket", "username", "root", "realm", "pam", "password", sandbox.password());
        assertEquals(200, login.status(), login.raw());
        String ticket = login.data().get("ticket").asString();
        String csrf = login.data().get("CSRFPreventionToken").asString();
        assertTrue(ticket.startsWith("PVE:root@pam:"));
        assertEquals("root@pam", login.data().get("username").asString());

        Api cookieOnly = new Api(sandbox, "Cookie", "PVEAuthCookie=" + Api.encode(ticket));
        assertEquals(200, cookieOnly.get("/nodes").status());
        Api.Response noCsrf = cookieOnly.post("/nodes/pve1/qemu/102/status/start");
        assertEquals(401, noCsrf.status());
        assertEquals("Permission denied - invalid csrf token", noCsrf.message());

        Api withCsrf = new Api(sandbox, "Cookie", "PVEAuthCookie=" + Api.encode(ticket), "CSRFPreventionToken", csrf);
        Api.Response start = withCsrf.post("/nodes/pve1/qemu/102/status/start");
        assertEquals(200, start.status(), start.raw());
        assertTrue(start.data().asString().endsWith(":qmstart:102:root@pam:"), start.data().asString());
    }

    // ---- reads ----

    @Test
    void clusterResourcesFilterByType() {
        JsonNode vms = api.get("/cluster/resources", "type", "vm").data();
        assertEquals(8, vms.size());
        JsonNode web = vms.get(0);
        assertEquals("qemu/100", web.get("id").asString());
        assertEquals("qemu", web.get("type").asString());
        assertEquals("web01", web.get("name").asString());
        assertEquals("pve1", web.get("node").asString());
        assertEquals("running", web.get("status").asString());
        assertEquals("prod;web", web.get("tags").asString());
        assertEquals("production", web.get("pool").asString());
        assertTrue(web.get("maxmem").asLong() == 4096L * 1024 * 1024);
        assertTrue(texts(vms, "id").contains("lxc/103"));
        JsonNode template = vms.get(7);
        assertEquals(9000, template.get("vmid").asInt());
        assertEquals(1, template.get("template").asInt());

        assertEquals(List.of("node/pve1", "node/pve2", "node/pve3"), texts(api.get("/cluster/resources", "type", "node").data(), "id"));
        JsonNode storages = api.get("/cluster/resources", "type", "storage").data();
        assertEquals(9, storages.size());
        assertTrue(texts(storages, "id").contains("storage/pve2/nfs-shared"));

        Api.Response bad = api.get("/cluster/resources", "type", "disk");
        assertEquals(400, bad.status());
        assertTrue(bad.body().get("errors").get("type").asString().contains("enumeration"));
    }

    @Test
    void nodeReadsHaveTheRealShapes() {
        JsonNode nodes = api.get("/nodes").data();
        assertEquals(List.of("pve1", "pve2", "pve3"), texts(nodes, "node"));
        assertEquals("online", nodes.get(0).get("status").asString());
        JsonNode status = api.get("/nodes/pve1/status").data();
        assertEquals(16, status.get("cpuinfo").get("cpus").asInt());
        assertTrue(status.get("memory").get("total").asLong() > status.get("memory").get("used").asLong());
        assertTrue(status.get("pveversion").asString().startsWith("pve-manager/9.1"));
        assertEquals(3, status.get("loadavg").size());
        assertTrue(texts(api.get("/nodes/pve1/services").data(), "service").contains("pveproxy"));
        JsonNode syslog = api.get("/nodes/pve1/syslog", "limit", "5").data();
        assertEquals(5, syslog.size());
        assertEquals(1, syslog.get(0).get("n").asInt());
        assertTrue(api.get("/nodes/pve1/journal", "lastentries", "3").data().size() >= 3);
        assertTrue(texts(api.get("/nodes/pve1/network").data(), "iface").contains("vmbr0"));
        assertEquals("192.168.1.11/24", api.get("/nodes/pve1/network/vmbr0").data().get("cidr").asString());
        assertEquals(List.of("vmbr0", "vmbr1"), texts(api.get("/nodes/pve1/network", "type", "bridge").data(), "iface"));
        assertEquals("sandbox.lan", api.get("/nodes/pve1/dns").data().get("search").asString());
        assertTrue(api.get("/nodes/pve1/hosts").data().get("data").asString().contains("pve2.sandbox.lan"));
        assertEquals(Instant.parse("2025-06-01T12:00:00Z").getEpochSecond(), api.get("/nodes/pve1/time").data().get("time").asLong());
        assertTrue(texts(api.get("/nodes/pve1/apt/versions").data(), "Package").contains("pve-manager"));
        assertTrue(api.get("/nodes/pve1/apt/update").data().size() > 0);
        assertEquals("notfound", api.get("/nodes/pve1/subscription").data().get("status").asString());
        JsonNode rrd = api.get("/nodes/pve1/rrddata", "timeframe", "hour").data();
        assertEquals(70, rrd.size());
        assertTrue(rrd.get(0).has("memused"));
        assertEquals(400, api.get("/nodes/pve1/rrddata").status());
        assertEquals(0, api.get("/nodes/pve1/replication").data().size());
        assertTrue(api.get("/nodes/pve1/report").data().asString().contains("web01"));
        assertTrue(api.get("/nodes/pve1/tasks").data().size() > 0);
    }

    @Test
    void guestReadsHaveTheRealShapes() {
        JsonNode current = api.get("/nodes/pve1/qemu/100/status/current").data();
        assertEquals("running", current.get("status").asString());
        assertEquals("running", current.get("qmpstatus").asString());
        assertEquals(1, current.get("agent").asInt());
        assertTrue(current.get("uptime").asLong() > 0);
        JsonNode config = api.get("/nodes/pve1/qemu/100/config").data();
        assertEquals("local-lvm:vm-100-disk-0,iothread=1,size=32G", config.get("scsi0").asString());
        assertEquals(2, config.get("cores").asInt());
        assertEquals(40, config.get("digest").asString().length());
        JsonNode lxc = api.get("/nodes/pve2/lxc/103/config").data();
        assertEquals("dns01", lxc.get("hostname").asString());
        assertEquals("running", api.get("/nodes/pve2/lxc/103/status/current").data().get("status").asString());
        assertEquals(List.of("pre-upgrade", "current"), texts(api.get("/nodes/pve1/qemu/100/snapshot").data(), "name"));
        assertEquals(70, api.get("/nodes/pve1/qemu/100/rrddata", "timeframe", "day").data().size());
        assertTrue(api.get("/nodes/pve1/qemu/9000/cloudinit/dump", "type", "user").data().asString().contains("user: debian"));
        assertTrue(api.get("/nodes/pve1/qemu/9000/cloudinit/dump", "type", "network").data().asString().contains("dhcp4"));
        assertEquals(1, api.get("/nodes/pve1/qemu/100/feature", "feature", "snapshot").data().get("hasFeature").asInt());
        assertTrue(api.get("/nodes/pve1/qemu/100/pending").data().size() > 5);
        assertEquals(List.of(100, 102, 9000), api.get("/nodes/pve1/qemu").data().valueStream().map(n -> n.get("vmid").asInt()).toList());

        Api.Response missing = api.get("/nodes/pve1/qemu/123/config");
        assertEquals(500, missing.status());
        assertEquals("Configuration file 'nodes/pve1/qemu-server/123.conf' does not exist", missing.message());
    }

    @Test
    void storageContentListsIsosTemplatesBackupsAndDisks() {
        JsonNode templates = api.get("/nodes/pve1/storage/local/content", "content", "vztmpl").data();
        assertTrue(texts(templates, "volid").contains("local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst"));
        JsonNode backups = api.get("/nodes/pve1/storage/local/content", "content", "backup").data();
        assertEquals(1, backups.size());
        assertEquals(100, backups.get(0).get("vmid").asInt());
        JsonNode disks = api.get("/nodes/pve1/storage/local-lvm/content", "vmid", "9000").data();
        assertEquals(List.of("local-lvm:base-9000-disk-0", "local-lvm:vm-9000-cloudinit"), texts(disks, "volid"));
        JsonNode storages = api.get("/nodes/pve1/storage").data();
        assertEquals(List.of("local", "local-lvm", "nfs-shared"), texts(storages, "storage"));
        assertEquals(List.of("local", "nfs-shared"), texts(api.get("/nodes/pve1/storage", "content", "iso").data(), "storage"));
        Api.Response volume = api.get("/nodes/pve1/storage/local/content/" + Api.encode("local:iso/debian-12.8.0-amd64-netinst.iso"));
        assertEquals(200, volume.status(), volume.raw());
        assertEquals("iso", volume.data().get("format").asString());
    }

    // ---- lifecycle ----

    @Test
    void startAndStopChangeTheStatusThroughTasks() {
        Api.Response start = api.post("/nodes/pve1/qemu/102/status/start");
        String upid = start.data().asString();
        assertTrue(upid.matches("UPID:pve1:[0-9A-F]{8}:[0-9A-F]{8}:[0-9A-F]{8}:qmstart:102:root@pam!sandbox:"), upid);
        JsonNode running = api.get("/nodes/pve1/tasks/" + Api.encode(upid) + "/status").data();
        assertEquals("running", running.get("status").asString());
        assertEquals("OK", api.await(upid));
        assertEquals("running", api.get("/nodes/pve1/qemu/102/status/current").data().get("status").asString());
        JsonNode log = api.get("/nodes/pve1/tasks/" + Api.encode(upid) + "/log").data();
        assertEquals("TASK OK", log.get(log.size() - 1).get("t").asString());
        assertEquals(upid, api.get("/nodes/pve1/tasks", "vmid", "102").data().get(0).get("upid").asString());

        Api.Response again = api.post("/nodes/pve1/qemu/102/status/start");
        assertEquals(500, again.status());
        assertEquals("VM 102 already running", again.message());

        assertEquals("OK", api.run("POST", "/nodes/pve1/qemu/102/status/suspend"));
        assertEquals("paused", api.get("/nodes/pve1/qemu/102/status/current").data().get("qmpstatus").asString());
        assertEquals("OK", api.run("POST", "/nodes/pve1/qemu/102/status/resume"));
        assertEquals("OK", api.run("POST", "/nodes/pve1/qemu/102/status/shutdown"));
        assertEquals("stopped", api.get("/nodes/pve1/qemu/102/status/current").data().get("status").asString());
        assertEquals("OK", api.run("POST", "/nodes/pve2/lxc/103/status/stop"));
        assertEquals("stopped", api.get("/nodes/pve2/lxc/103/status/current").data().get("status").asString());
        assertEquals("CT 103 not running", api.post("/nodes/pve2/lxc/103/status/reboot").message());
    }

    @Test
    void aVmWithAMissingPciDeviceFailsToStart() {
        String upid = api.post("/nodes/pve3/qemu/105/status/start").data().asString();
        assertEquals("no PCI device found for '0000:41:00.0'", api.await(upid));
        JsonNode log = api.get("/nodes/pve3/tasks/" + Api.encode(upid) + "/log").data();
        assertEquals("TASK ERROR: no PCI device found for '0000:41:00.0'", log.get(log.size() - 1).get("t").asString());
        assertEquals("stopped", api.get("/nodes/pve3/qemu/105/status/current").data().get("status").asString());
        assertEquals(1, api.get("/nodes/pve3/tasks", "errors", "1", "source", "all", "vmid", "105").data().size() - 1);
    }

    @Test
    void cloneFromTheTemplateTakesTheNextFreeId() {
        String newid = api.get("/cluster/nextid").data().asString();
        assertEquals("107", newid);
        assertEquals("OK", api.run("POST", "/nodes/pve1/qemu/9000/clone", "newid", newid, "name", "app01", "full", "1"));
        JsonNode config = api.get("/nodes/pve1/qemu/107/config").data();
        assertEquals("app01", config.get("name").asString());
        assertEquals("local-lvm:vm-107-disk-0,size=3G", config.get("scsi0").asString());
        assertEquals("local-lvm:vm-107-cloudinit,media=cdrom", config.get("ide2").asString());
        assertEquals("debian", config.get("ciuser").asString());
        assertEquals("1", config.get("agent").asString());
        assertFalse(config.has("template"));
        assertNotEquals(api.get("/nodes/pve1/qemu/9000/config").data().get("net0").asString(), config.get("net0").asString());
        assertEquals("108", api.get("/cluster/nextid").data().asString());
        assertTrue(texts(api.get("/cluster/resources", "type", "vm").data(), "id").contains("qemu/107"));

        Api.Response taken = api.post("/nodes/pve1/qemu/9000/clone", "newid", "100");
        assertEquals(500, taken.status());
        assertEquals(400, api.get("/cluster/nextid", "vmid", "100").status());
    }

    @Test
    void aFullCloneOntoAFullStorageFails() {
        String upid = api.post("/nodes/pve1/qemu/102/clone", "newid", "120", "storage", "nfs-shared").data().asString();
        String exit = api.await(upid);
        assertTrue(exit.startsWith("clone failed: not enough free space on storage 'nfs-shared'"), exit);
        assertEquals(500, api.get("/nodes/pve1/qemu/120/config").status());
    }

    @Test
    void aStaleDigestIsRefusedAndDeleteRemovesKeys() {
        String digest = api.get("/nodes/pve1/qemu/102/config").data().get("digest").asString();
        Api.Response update = api.put("/nodes/pve1/qemu/102/config", "memory", "4096", "delete", "tags", "digest", digest);
        assertEquals(200, update.status(), update.raw());
        JsonNode config = api.get("/nodes/pve1/qemu/102/config").data();
        assertEquals("4096", config.get("memory").asString());
        assertFalse(config.has("tags"));
        assertNotEquals(digest, config.get("digest").asString());

        Api.Response stale = api.put("/nodes/pve1/qemu/102/config", "cores", "8", "digest", digest);
        assertEquals(500, stale.status());
        assertEquals("detected modified configuration - file changed by other user? Try again.", stale.message());

        // A running VM keeps non-hotpluggable changes pending until it restarts.
        assertEquals("OK", api.await(api.post("/nodes/pve1/qemu/100/config", "cores", "4", "description", "web").data().asString()));
        assertEquals(2, api.get("/nodes/pve1/qemu/100/config", "current", "1").data().get("cores").asInt());
        assertEquals(4, api.get("/nodes/pve1/qemu/100/config").data().get("cores").asInt());
        JsonNode cores = api.get("/nodes/pve1/qemu/100/pending").data().valueStream()
                .filter(n -> n.get("key").asString().equals("cores")).findFirst().orElseThrow();
        assertEquals(4, cores.get("pending").asInt());
        assertEquals("OK", api.run("POST", "/nodes/pve1/qemu/100/status/reboot"));
        assertEquals(4, api.get("/nodes/pve1/qemu/100/config", "current", "1").data().get("cores").asInt());

        assertEquals("OK", api.run("PUT", "/nodes/pve1/qemu/102/resize", "disk", "sata0", "size", "+16G"));
        assertEquals("local-lvm:vm-102-disk-1,size=80G", api.get("/nodes/pve1/qemu/102/config").data().get("sata0").asString());
        assertEquals("OK", api.run("POST", "/nodes/pve1/qemu/100/move_disk", "disk", "scsi0", "storage", "nfs-shared"));
        JsonNode moved = api.get("/nodes/pve1/qemu/100/config").data();
        assertEquals("nfs-shared:100/vm-100-disk-0.qcow2,iothread=1,size=32G", moved.get("scsi0").asString());
        assertEquals("local-lvm:vm-100-disk-0", moved.get("unused0").asString());
    }

    @Test
    void snapshotsCanBeTakenRolledBackAndDeleted() {
        assertEquals("OK", api.run("POST", "/nodes/pve1/qemu/102/snapshot", "snapname", "before", "description", "clean"));
        JsonNode list = api.get("/nodes/pve1/qemu/102/snapshot").data();
        assertEquals(List.of("before", "current"), texts(list, "name"));
        assertEquals("before", list.get(1).get("parent").asString());
        assertEquals(200, api.put("/nodes/pve1/qemu/102/config", "cores", "12").status());
        assertEquals("OK", api.run("POST", "/nodes/pve1/qemu/102/snapshot/before/rollback"));
        assertEquals(4, api.get("/nodes/pve1/qemu/102/config").data().get("cores").asInt());
        assertEquals(500, api.post("/nodes/pve1/qemu/102/snapshot", "snapname", "before").status());
        assertEquals("OK", api.run("DELETE", "/nodes/pve1/qemu/102/snapshot/before"));
        assertEquals(List.of("current"), texts(api.get("/nodes/pve1/qemu/102/snapshot").data(), "name"));
        assertEquals("snapshot 'before' does not exist", api.delete("/nodes/pve1/qemu/102/snapshot/before").message());
    }

    @Test
    void migrationMovesTheGuest() {
        Api.Response offline = api.post("/nodes/pve2/qemu/101/migrate", "target", "pve1");
        assertEquals("can't migrate running VM without --online", offline.message());
        assertEquals("OK", api.run("POST", "/nodes/pve2/qemu/101/migrate", "target", "pve1", "online", "1"));
        assertEquals("running", api.get("/nodes/pve1/qemu/101/status/current").data().get("status").asString());
        assertEquals(500, api.get("/nodes/pve2/qemu/101/status/current").status());
        JsonNode db = api.get("/cluster/resources", "type", "vm").data().valueStream()
                .filter(n -> n.get("vmid").asInt() == 101).findFirst().orElseThrow();
        assertEquals("pve1", db.get("node").asString());
        assertEquals("OK", api.run("POST", "/nodes/pve2/lxc/103/migrate", "target", "pve3", "restart", "1"));
        assertEquals("dns01", api.get("/nodes/pve3/lxc/103/config").data().get("hostname").asString());
    }

    @Test
    void deleteIsRefusedWhileRunning() {
        Api.Response refused = api.delete("/nodes/pve1/qemu/100");
        assertEquals(500, refused.status());
        assertEquals("VM 100 is running - destroy failed", refused.message());
        assertEquals("OK", api.run("DELETE", "/nodes/pve1/qemu/102", "purge", "1"));
        assertEquals(500, api.get("/nodes/pve1/qemu/102/config").status());
    }

    @Test
    void backupAndRestore() {
        assertEquals("OK", api.run("POST", "/nodes/pve2/vzdump", "vmid", "103", "storage", "nfs-shared", "mode", "snapshot"));
        JsonNode backups = api.get("/nodes/pve1/storage/nfs-shared/content", "content", "backup", "vmid", "103").data();
        assertEquals(2, backups.size());
        String volid = backups.get(1).get("volid").asString();
        assertTrue(volid.startsWith("nfs-shared:backup/vzdump-lxc-103-2025_06_01-12_00_"), volid);
        assertEquals("OK", api.run("POST", "/nodes/pve1/lxc", "vmid", "150", "ostemplate", volid, "restore", "1",
                "storage", "local-lvm"));
        JsonNode restored = api.get("/nodes/pve1/lxc/150/config").data();
        assertEquals("dns01", restored.get("hostname").asString());
        assertEquals("local-lvm:vm-150-disk-0,size=8G", restored.get("rootfs").asString());

        assertEquals("OK", api.run("POST", "/nodes/pve3/qemu", "vmid", "200", "name", "fresh", "memory", "1024",
                "scsi0", "local-lvm:10", "net0", "virtio,bridge=vmbr0", "start", "1"));
        JsonNode fresh = api.get("/nodes/pve3/qemu/200/config").data();
        assertEquals("local-lvm:vm-200-disk-0,size=10G", fresh.get("scsi0").asString());
        assertTrue(fresh.get("net0").asString().matches("virtio=BC:24:11:[0-9A-F:]{8},bridge=vmbr0"), fresh.get("net0").asString());
        assertEquals("running", api.get("/nodes/pve3/qemu/200/status/current").data().get("status").asString());
        assertEquals("OK", api.run("POST", "/nodes/pve1/lxc", "vmid", "201", "ostemplate",
                "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst", "hostname", "ct201", "rootfs", "local-lvm:8"));
        assertEquals("local-lvm:vm-201-disk-0,size=8G", api.get("/nodes/pve1/lxc/201/config").data().get("rootfs").asString());
    }

    @Test
    void theGuestAgentAnswersForRunningVmsWithTheAgent() {
        assertEquals(200, api.post("/nodes/pve1/qemu/100/agent/ping").status());
        assertEquals("debian", api.get("/nodes/pve1/qemu/100/agent/get-osinfo").data().get("result").get("id").asString());
        assertEquals("eth0", api.get("/nodes/pve1/qemu/100/agent/network-get-interfaces").data().get("result").get(1).get("name").asString());
        assertEquals("/", api.get("/nodes/pve1/qemu/100/agent/get-fsinfo").data().get("result").get(0).get("mountpoint").asString());
        String pid = api.post("/nodes/pve1/qemu/100/agent/exec", "command", "hostname").data().get("pid").asString();
        JsonNode exec = api.get("/nodes/pve1/qemu/100/agent/exec-status", "pid", pid).data();
        assertEquals(1, exec.get("exited").asInt());
        assertEquals(0, exec.get("exitcode").asInt());
        assertEquals("web01\n", exec.get("out-data").asString());
        String uname = api.post("/nodes/pve1/qemu/100/agent/exec", "command", "uname", "command", "-a").data().get("pid").asString();
        assertTrue(api.get("/nodes/pve1/qemu/100/agent/exec-status", "pid", uname).data().get("out-data").asString().startsWith("Linux web01 "));
        assertEquals("web01\n", api.get("/nodes/pve1/qemu/100/agent/file-read", "file", "/etc/hostname").data().get("content").asString());

        assertEquals("VM 102 is not running", api.post("/nodes/pve1/qemu/102/agent/ping").message());
        assertEquals("QEMU guest agent is not running", api.get("/nodes/pve2/qemu/106/agent/get-osinfo").message());
    }

    // ---- wire protocol ----

    @Test
    void unknownOrMissingParametersAre400WithAnErrorsMap() {
        Api.Response unknown = api.post("/nodes/pve1/qemu/102/status/start", "bogus", "1");
        assertEquals(400, unknown.status());
        assertEquals("Parameter verification failed.", unknown.message());
        assertEquals("property is not defined in schema and the schema does not allow additional properties",
                unknown.body().get("errors").get("bogus").asString());
        assertTrue(unknown.body().get("data").isNull());
        Api.Response missing = api.post("/nodes/pve1/qemu/102/snapshot");
        assertEquals("property is missing and it is not optional", missing.body().get("errors").get("snapname").asString());
        Api.Response badType = api.get("/nodes/pve1/qemu/abc/config");
        assertEquals(400, badType.status());
        assertTrue(badType.body().get("errors").has("vmid"));
        assertEquals(400, api.put("/nodes/pve1/qemu/102/config", "cores", "many").status());
    }

    @Test
    void unmodelledPathsAre501() {
        Api.Response response = api.get("/nodes/pve1/frobnicate");
        assertEquals(501, response.status());
        assertEquals("Method 'GET /nodes/pve1/frobnicate' not implemented", response.message());
        assertEquals(501, api.send("DELETE", "/nodes/pve1/qemu/102", "purge=1").status());
    }

    @Test
    void anOfflineNodeAnswers595AndItsGuestsAreUnknown() {
        sandbox.setNodeOnline("pve3", false);
        assertEquals("offline", api.get("/nodes").data().get(2).get("status").asString());
        assertEquals(595, api.get("/nodes/pve3/status").status());
        JsonNode build = api.get("/cluster/resources", "type", "vm").data().valueStream()
                .filter(n -> n.get("vmid").asInt() == 104).findFirst().orElseThrow();
        assertEquals("unknown", build.get("status").asString());
        Api.Response migrate = api.post("/nodes/pve1/qemu/102/migrate", "target", "pve3");
        assertEquals("migration aborted: target node 'pve3' is not reachable", api.await(migrate.data().asString()));
        sandbox.setNodeOnline("pve3", true);
        assertEquals(200, api.get("/nodes/pve3/status").status());
    }

    @Test
    void theSameSeedAndClockGiveTheSameAnswers() {
        try (Sandbox twin = Sandbox.start(OPTIONS)) {
            Api other = new Api(twin);
            assertEquals(sandbox.tokenSecret(), twin.tokenSecret());
            assertEquals(sandbox.password(), twin.password());
            for (String path : List.of("/cluster/resources", "/nodes/pve1/qemu/100/config", "/nodes/pve1/status",
                    "/nodes/pve2/tasks", "/nodes/pve1/qemu/100/rrddata?timeframe=hour")) {
                String[] parts = path.split("\\?");
                String[] query = parts.length > 1 ? parts[1].split("=") : new String[0];
                assertEquals(api.get(parts[0], query).raw(), other.get(parts[0], query).raw(), path);
            }
            String a = api.post("/nodes/pve1/qemu/102/status/start").data().asString();
            String b = other.post("/nodes/pve1/qemu/102/status/start").data().asString();
            assertEquals(a, b);
            assertEquals(api.await(a), other.await(b));
            assertEquals(api.get("/nodes/pve1/tasks/" + Api.encode(a) + "/status").raw(),
                    other.get("/nodes/pve1/tasks/" + Api.encode(b) + "/status").raw());
        }
        try (Sandbox different = Sandbox.start(new SandboxOptions(8, OPTIONS.fixedClock(), null))) {
            assertNotEquals(sandbox.tokenSecret(), different.tokenSecret());
        }
    }

    // ---- log ranges and cursors; what Proxmox fills in or hides in a guest's config ----

    private static final String MAC = "[0-9A-F]{2}(:[0-9A-F]{2}){5}";

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.isObject() ? item.path("t").asString() : item.asString()));
        return out;
    }

    @Test
    void syslogPagesFromStartAndCountsTheWholeRange() {
        Api.Response first = api.get("/nodes/pve1/syslog", "limit", "5");
        long total = first.body().get("total").asLong();
        assertEquals(5, first.data().size());
        assertTrue(total > 5);

        Api.Response tail = api.get("/nodes/pve1/syslog", "start", String.valueOf(total - 2), "limit", "5");
        assertEquals(2, tail.data().size());
        assertEquals(total, tail.data().get(1).get("n").asLong());
        assertEquals(total, tail.body().get("total").asLong());
    }

    @Test
    void syslogHonoursSinceAndUntil() {
        long sinceTotal = api.get("/nodes/pve1/syslog", "since", "2025-06-01 11:00").body().get("total").asLong();
        long untilTotal = api.get("/nodes/pve1/syslog", "until", "2025-06-01 11:00").body().get("total").asLong();
        long all = api.get("/nodes/pve1/syslog").body().get("total").asLong();
        assertTrue(sinceTotal > 0 && untilTotal > 0, sinceTotal + " / " + untilTotal);
        assertEquals(all, sinceTotal + untilTotal);
        for (String line : strings(api.get("/nodes/pve1/syslog", "since", "2025-06-01 11:00", "limit", "500").data())) {
            assertTrue(Instant.parse(line.substring(0, line.indexOf(' '))).isAfter(Instant.parse("2025-06-01T11:00:00Z")), line);
        }

        Api.Response none = api.get("/nodes/pve1/syslog", "until", "2020-01-01");
        assertEquals(0, none.body().get("total").asLong());
        assertEquals(List.of("no content"), strings(none.data()));
        assertEquals(400, api.get("/nodes/pve1/syslog", "since", "yesterday").status());
    }

    @Test
    void journalFramesItsEntriesWithCursorsThatPageBothWays() {
        List<String> last = strings(api.get("/nodes/pve1/journal", "lastentries", "3").data());
        assertEquals(5, last.size());
        assertTrue(last.getFirst().startsWith("s=") && last.getLast().startsWith("s="), last.toString());

        List<String> before = strings(api.get("/nodes/pve1/journal", "endcursor", last.getFirst(), "lastentries", "2").data());
        assertEquals(4, before.size());
        assertNotEquals(last.get(1), before.get(2));
        assertEquals(last, strings(api.get("/nodes/pve1/journal", "startcursor", before.getLast()).data()));
        assertEquals(List.of(), strings(api.get("/nodes/pve1/journal", "startcursor", last.getLast()).data()));

        long now = Instant.parse("2025-06-01T12:00:00Z").getEpochSecond();
        List<String> recent = strings(api.get("/nodes/pve1/journal", "since", String.valueOf(now - 300)).data());
        assertTrue(recent.size() >= 3 && recent.size() <= 6, recent.toString());
        assertEquals(400, api.get("/nodes/pve1/journal", "since", "1", "lastentries", "2").status());
        assertEquals(500, api.get("/nodes/pve1/journal", "endcursor", "nonsense").status());
    }

    @Test
    void aNicSetWithoutMacGetsOneAndAGivenMacIsKept() {
        assertEquals("OK", api.run("POST", "/nodes/pve3/qemu", "vmid", "200", "memory", "1024",
                "net0", "virtio,bridge=vmbr0", "net1", "e1000=BC:24:11:00:00:01,bridge=vmbr1"));
        JsonNode created = api.get("/nodes/pve3/qemu/200/config").data();
        assertTrue(created.get("net0").asString().matches("virtio=" + MAC + ",bridge=vmbr0"), created.get("net0").asString());
        assertEquals("e1000=BC:24:11:00:00:01,bridge=vmbr1", created.get("net1").asString());

        assertEquals("OK", api.run("POST", "/nodes/pve3/qemu/200/config", "net2", "virtio,bridge=vmbr0,tag=20"));
        assertTrue(api.get("/nodes/pve3/qemu/200/config").data().get("net2").asString()
                .matches("virtio=" + MAC + ",bridge=vmbr0,tag=20"));
        assertEquals(200, api.put("/nodes/pve2/lxc/103/config", "net1", "name=eth1,bridge=vmbr0,ip=dhcp").status());
        assertTrue(api.get("/nodes/pve2/lxc/103/config").data().get("net1").asString()
                .matches("name=eth1,bridge=vmbr0,ip=dhcp,hwaddr=" + MAC));
    }

    @Test
    void theCloudInitPasswordReadsBackMasked() {
        assertEquals("OK", api.run("POST", "/nodes/pve1/qemu/100/config", "cipassword", "s3cret-pw"));
        assertEquals("**********", api.get("/nodes/pve1/qemu/100/config").data().get("cipassword").asString());
        assertTrue(api.get("/nodes/pve1/qemu/100/pending").raw().contains("\"**********\""));
        assertFalse(api.get("/nodes/pve1/qemu/100/pending").raw().contains("s3cret-pw"));
    }

    @Test
    void aRunningQ35VmReportsAVersionedQ35Machine() {
        assertEquals("OK", api.run("POST", "/nodes/pve3/qemu", "vmid", "201", "memory", "512", "machine", "q35", "start", "1"));
        assertEquals("pc-q35-10.1+pve0", api.get("/nodes/pve3/qemu/201/status/current").data().get("running-machine").asString());
        assertEquals("OK", api.run("POST", "/nodes/pve1/qemu/102/status/start"));
        assertEquals("pc-q35-9.2+pve1", api.get("/nodes/pve1/qemu/102/status/current").data().get("running-machine").asString());
    }
}
