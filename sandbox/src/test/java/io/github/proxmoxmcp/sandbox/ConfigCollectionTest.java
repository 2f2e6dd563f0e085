package io.github.proxmoxmcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The collection engine's conventions and Proxmox's answers, on both PVE versions. */
class ConfigCollectionTest {

    private Sandbox sandbox;
    private Api api;

    private void start(int pve) {
        sandbox = Sandbox.start(SandboxTest.OPTIONS.withPveMajor(pve));
        api = new Api(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static String errors(Api.Response response) {
        return response.body().get("errors").toString();
    }

    private void assertFailure(int status, String message, Api.Response response) {
        assertEquals(status, response.status(), response.raw());
        assertEquals(message, response.message());
    }

    // ---- list, create, read, update, remove ----

    @ParameterizedTest
    @ValueSource(ints = {8, 9})
    void listsFilterCreateReadsBackAndDuplicatesAreRefused(int pve) {
        start(pve);
        assertEquals(List.of("local", "local-lvm", "nfs-shared"), SandboxTest.texts(api.get("/storage").data(), "storage"));
        assertEquals(List.of("nfs-shared"), SandboxTest.texts(api.get("/storage", "type", "nfs").data(), "storage"));

        Api.Response created = api.post("/storage", "storage", "backup2", "type", "dir", "path", "/srv/backup",
                "content", "iso,backup", "password", "hunter22");
        assertEquals("{\"data\":{\"storage\":\"backup2\",\"type\":\"dir\"}}", created.raw());
        JsonNode read = api.get("/storage/backup2").data();
        assertEquals("backup,iso", read.get("content").asString());
        assertEquals("/srv/backup", read.get("path").asString());
        assertFalse(read.has("password"), "write-only fields are never read back");
        assertEquals(List.of("backup2", "local", "local-lvm", "nfs-shared"), SandboxTest.texts(api.get("/storage").data(), "storage"));

        assertFailure(500, "create storage failed: storage ID 'backup2' already defined",
                api.post("/storage", "storage", "backup2", "type", "dir", "path", "/x"));
        assertFailure(500, "storage 'nope' does not exist", api.get("/storage/nope"));
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 9})
    void badParametersGetTheErrorsMap(int pve) {
        start(pve);
        Api.Response missing = api.post("/storage", "storage", "x1");
        assertFailure(400, "Parameter verification failed.", missing);
        assertEquals("{\"type\":\"property is missing and it is not optional\"}", errors(missing));
        assertEquals("{\"bogus\":\"property is not defined in schema and the schema does not allow additional properties\"}",
                errors(api.post("/storage", "storage", "x1", "type", "dir", "path", "/x", "bogus", "1")));
        assertEquals("{\"type\":\"value 'tape' does not have a value in the enumeration 'btrfs, cephfs, cifs, dir, esxi, iscsi, "
                        + "iscsidirect, lvm, lvmthin, nfs, pbs, rbd, zfs, zfspool'\"}",
                errors(api.post("/storage", "storage", "x1", "type", "tape")));
        assertEquals("{\"storage\":\"invalid format - storage ID '1x' contains illegal characters\\n\"}",
                errors(api.post("/storage", "storage", "1x", "type", "dir", "path", "/x")));
        assertEquals("{\"disable\":\"type check ('boolean') failed - got 'maybe'\"}",
                errors(api.post("/storage", "storage", "x1", "type", "dir", "path", "/x", "disable", "maybe")));
        assertEquals("{\"port\":\"value must have a maximum value of 65535\"}",
                errors(api.post("/storage", "storage", "p1", "type", "pbs", "server", "h", "datastore", "d", "port", "70000")));
        assertEquals("{\"storage\":\"invalid format - storage ID '1x' contains illegal characters\\n\"}",
                errors(api.get("/storage/1x")), "path variables are checked like parameters");
        assertEquals("{\"name\":\"value may only be 64 characters long\"}",
                errors(api.post("/cluster/firewall/aliases", "name", "a".repeat(65), "cidr", "10.0.0.1")));
        assertEquals("{\"name\":\"value does not match the regex pattern\"}",
                errors(api.post("/cluster/firewall/aliases", "name", "-x", "cidr", "10.0.0.1")));
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 9})
    void typedSectionsCheckTheOptionsOfTheirType(int pve) {
        start(pve);
        assertFailure(500, "missing value for required option 'export'",
                api.post("/storage", "storage", "n2", "type", "nfs", "server", "10.0.0.9"));
        assertFailure(500, "unexpected property 'thinpool'",
                api.post("/storage", "storage", "n2", "type", "nfs", "server", "10.0.0.9", "export", "/e", "thinpool", "data"));
        assertEquals(200, api.post("/storage", "storage", "n2", "type", "nfs", "server", "10.0.0.9", "export", "/e").status());
        JsonNode nfs = api.get("/storage/n2").data();
        assertEquals("/mnt/pve/n2", nfs.get("path").asString());
        assertEquals(1, nfs.get("shared").asInt());
        assertEquals("images,rootdir", nfs.get("content").asString());
        assertFailure(500, "unexpected property 'krbd'", api.put("/storage/n2", "krbd", "1"));
        assertEquals("{\"server\":\"property is not defined in schema and the schema does not allow additional properties\"}",
                errors(api.put("/storage/n2", "server", "10.0.0.10")), "fixed options are set on create only");
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 9})
    void updateDeletesKeysAndChecksTheDigest(int pve) {
        start(pve);
        String digest = api.get("/storage/local").data().get("digest").asString();
        assertEquals(40, digest.length());
        assertEquals(200, api.put("/storage/local", "digest", digest, "disable", "1", "nodes", "pve1,pve2").status());
        JsonNode local = api.get("/storage/local").data();
        assertEquals(1, local.get("disable").asInt());
        assertNotEquals(digest, local.get("digest").asString(), "every write changes the digest");
        assertEquals(local.get("digest").asString(), api.get("/storage").data().get(0).get("digest").asString());

        assertFailure(500, "update storage failed: detected modified configuration - file changed by other user? Try again.",
                api.put("/storage/local", "digest", digest, "disable", "0"));
        assertEquals(200, api.put("/storage/local", "delete", "disable,nodes").status());
        local = api.get("/storage/local").data();
        assertFalse(local.has("disable"));
        assertFalse(local.has("nodes"));
        assertFailure(500, "update storage failed: unable to delete required option 'path'", api.put("/storage/local", "delete", "path"));
        assertFailure(500, "update storage failed: no such option 'bogus'", api.put("/storage/local", "delete", "bogus"));
        assertFailure(500, "update storage failed: cannot set and delete property 'disable' at the same time!",
                api.put("/storage/local", "delete", "disable", "disable", "1"));
        assertFailure(500, "update storage failed: storage 'nope' does not exist", api.put("/storage/nope", "disable", "1"));
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 9})
    void removeDeletesAndAMissingIdIsRefusedWhereProxmoxRefusesIt(int pve) {
        start(pve);
        assertEquals(200, api.post("/storage", "storage", "tmp", "type", "dir", "path", "/tmp/x").status());
        assertEquals("{\"data\":null}", api.delete("/storage/tmp").raw());
        assertFailure(500, "storage 'tmp' does not exist", api.get("/storage/tmp"));
        assertFailure(500, "delete storage failed: storage 'tmp' does not exist", api.delete("/storage/tmp"));
        // pve-firewall removes an alias without looking whether it exists
        assertEquals("{\"data\":null}", api.delete("/cluster/firewall/aliases/never-was").raw());
    }

    // ---- ordered collections: firewall rules ----

    @ParameterizedTest
    @ValueSource(ints = {8, 9})
    void rulesAreAddressedByPositionCreatedAtTheTopAndMoved(int pve) {
        start(pve);
        String path = "/cluster/firewall/rules";
        List<String> before = SandboxTest.texts(api.get(path).data(), "comment");
        assertEquals(200, api.post(path, "type", "in", "action", "ACCEPT", "proto", "udp", "dport", "53", "comment", "dns",
                "pos", "3").status());
        JsonNode rules = api.get(path).data();
        assertEquals(before.size() + 1, rules.size());
        JsonNode top = rules.get(0);
        assertEquals("dns", top.get("comment").asString(), "create puts the rule at the top whatever 'pos' says");
        assertEquals(0, top.get("pos").asInt());
        assertEquals(0, top.get("enable").asInt(), "enable is stored as 0 when not given");
        assertEquals(top.get("digest").asString(), rules.get(1).get("digest").asString());
        assertEquals("dns", api.get(path + "/0").data().get("comment").asString());

        assertEquals(200, api.put(path + "/0", "moveto", "1").status());
        assertEquals("dns", api.get(path + "/0").data().get("comment").asString(), "moving one down keeps the place");
        assertEquals(200, api.put(path + "/0", "moveto", "2").status());
        assertEquals("dns", api.get(path + "/1").data().get("comment").asString());
        assertEquals(200, api.put(path + "/1", "moveto", "99").status());
        assertEquals("dns", api.get(path + "/" + before.size()).data().get("comment").asString());

        assertFailure(500, "no rule at position 42", api.get(path + "/42"));
        assertFailure(500, "no rule at position 42", api.put(path + "/42", "enable", "1"));
        assertEquals("{\"delete\":\"unable to delete required property 'type'\"}", errors(api.put(path + "/0", "delete", "type")));
        assertEquals("{\"delete\":\"no such property ('bogus')\"}", errors(api.put(path + "/0", "delete", "bogus")));
        assertEquals("{\"action\":\"unknown action 'ALLOW'\"}", errors(api.post(path, "type", "in", "action", "ALLOW")));
        assertEquals("{\"source\":\"no such ipset 'nope'\"}", errors(api.post(path, "type", "in", "action", "DROP", "source", "+nope")));

        String digest = api.get(path).data().get(0).get("digest").asString();
        assertEquals(200, api.put(path + "/0", "comment", "").status());
        assertFalse(api.get(path + "/0").data().has("comment"), "an empty value removes the key");
        assertFailure(500, "detected modified configuration - file changed by other user? Try again.",
                api.delete(path + "/0", "digest", digest));
        int count = api.get(path).data().size();
        assertEquals(200, api.delete(path + "/0").status());
        assertEquals(count - 1, api.get(path).data().size());
    }

    // ---- nested collections ----

    @ParameterizedTest
    @ValueSource(ints = {8, 9})
    void nestedCollectionsNeedTheirParent(int pve) {
        start(pve);
        assertEquals(List.of("10.8.0.0/24", "192.168.1.0/24", "192.168.1.66"),
                SandboxTest.texts(api.get("/cluster/firewall/ipset/trusted").data(), "cidr"));
        assertEquals(200, api.post("/cluster/firewall/ipset/trusted", "cidr", "10.9.0.0/24", "comment", "new").status());
        assertEquals("10.9.0.0/24", api.get("/cluster/firewall/ipset/trusted").data().get(0).get("cidr").asString());
        assertEquals("{\"cidr\":\"address '10.9.0.0/24' already exists\"}",
                errors(api.post("/cluster/firewall/ipset/trusted", "cidr", "10.9.0.0/24")));
        assertFailure(500, "no such IPSet 'nope'", api.get("/cluster/firewall/ipset/nope"));
        assertFailure(500, "no such IPSet 'nope'", api.post("/cluster/firewall/ipset/nope", "cidr", "10.0.0.1"));
        assertFailure(500, "IPSet 'trusted' is not empty", api.delete("/cluster/firewall/ipset/trusted"));
        assertEquals(200, api.delete("/cluster/firewall/ipset/trusted", "force", "1").status());
        assertFailure(500, "no such IPSet 'trusted'", api.get("/cluster/firewall/ipset/trusted"));

        assertFailure(500, "sdn vnet 'nope' does not exist", api.get("/cluster/sdn/vnets/nope/subnets"));
        assertFailure(500, "no such user ('ghost@pve')", api.get("/access/users/ghost@pve/token"));
    }

    // ---- pending-then-apply collections: SDN ----

    @ParameterizedTest
    @ValueSource(ints = {8, 9})
    void sdnWritesStayPendingUntilApplied(int pve) {
        start(pve);
        String zones = "/cluster/sdn/zones";
        assertEquals(Api.json("[{\"dhcp\":\"dnsmasq\",\"ipam\":\"pve\",\"nodes\":\"pve1,pve2,pve3\",\"type\":\"simple\",\"zone\":\"lab\","
                + "\"digest\":null}]"), api.get(zones, "pending", "1").data());
        assertEquals(200, api.post(zones, "zone", "office", "type", "vlan", "bridge", "vmbr0").status());
        assertEquals(200, api.put(zones + "/lab", "mtu", "1450", "delete", "dhcp").status());

        assertEquals(List.of("lab", "office"), SandboxTest.texts(api.get(zones).data(), "zone"), "reads show what was written");
        assertEquals(List.of("lab"), SandboxTest.texts(api.get(zones, "running", "1").data(), "zone"));
        JsonNode pending = api.get(zones, "pending", "1").data();
        assertEquals(Api.json("{\"dhcp\":\"dnsmasq\",\"ipam\":\"pve\",\"nodes\":\"pve1,pve2,pve3\",\"pending\":{\"dhcp\":\"deleted\",\"mtu\":1450},"
                + "\"state\":\"changed\",\"type\":\"simple\",\"zone\":\"lab\",\"digest\":null}"), pending.get(0));
        assertEquals(Api.json("{\"pending\":{\"bridge\":\"vmbr0\"},\"state\":\"new\",\"type\":\"vlan\",\"zone\":\"office\",\"digest\":null}"),
                pending.get(1));
        assertEquals("new", api.get(zones + "/office", "pending", "1").data().get("state").asString());

        String upid = api.put("/cluster/sdn").data().asString();
        assertTrue(upid.matches("UPID:pve1:[0-9A-F]{8}:[0-9A-F]{8}:[0-9A-F]{8}:reloadnetworkall::root@pam!sandbox:"), upid);
        assertEquals("OK", api.await(upid));
        assertEquals(List.of("lab", "office"), SandboxTest.texts(api.get(zones, "running", "1").data(), "zone"));
        assertFalse(api.get(zones, "pending", "1").data().get(0).has("state"));

        assertEquals(200, api.delete(zones + "/office").status());
        assertEquals(List.of("lab"), SandboxTest.texts(api.get(zones).data(), "zone"));
        assertEquals("deleted", api.get(zones, "pending", "1").data().get(1).get("state").asString());
        assertFailure(500, "delete sdn zone object failed: zone lab is used by vnet labnet at "
                + "/usr/share/perl5/PVE/Network/SDN/Zones/Plugin.pm line 148.", api.delete(zones + "/lab"));
        assertFailure(500, "create sdn zone object failed: sdn zone object ID 'lab' already defined",
                api.post(zones, "zone", "lab", "type", "simple"));
        assertFailure(500, "update sdn zone object failed: sdn 'nope' does not exist", api.put(zones + "/nope", "mtu", "1400"));
    }

    // ---- writes that are tasks ----

    @ParameterizedTest
    @ValueSource(ints = {8, 9})
    void cephPoolWritesAreTasksAppliedWhenTheyEnd(int pve) {
        start(pve);
        Api.Response created = api.post("/nodes/pve2/ceph/pool", "name", "bulk", "size", "2", "pg_num", "64");
        String upid = created.data().asString();
        assertTrue(upid.matches("UPID:pve2:[0-9A-F]{8}:[0-9A-F]{8}:[0-9A-F]{8}:cephcreatepool:bulk:root@pam!sandbox:"), upid);
        assertEquals("OK", api.await(upid));
        JsonNode bulk = api.get("/nodes/pve1/ceph/pool/bulk").data();
        assertEquals(2, bulk.get("size").asInt());
        assertEquals(64, bulk.get("pg_num").asInt());
        assertEquals(5, bulk.get("id").asInt());
        assertFailure(500, "pool 'bulk' already exists", api.post("/nodes/pve1/ceph/pool", "name", "bulk"));
        assertEquals("OK", api.run("DELETE", "/nodes/pve1/ceph/pool/bulk"));
        assertFailure(500, "pool 'bulk' does not exist", api.get("/nodes/pve1/ceph/pool/bulk"));
    }

    // ---- secrets ----

    @ParameterizedTest
    @ValueSource(ints = {8, 9})
    void secretsAreWriteOnly(int pve) {
        start(pve);
        assertEquals(200, api.post("/cluster/notifications/endpoints/gotify", "name", "push", "server", "https://g.example",
                "token", "s3cr3t").status());
        Api.Response read = api.get("/cluster/notifications/endpoints/gotify/push");
        assertFalse(read.raw().contains("s3cr3t"), read.raw());
        assertFalse(api.get("/cluster/notifications/endpoints/gotify").raw().contains("sandbox-gotify"));
        assertFalse(api.get("/cluster/notifications/endpoints/smtp").raw().contains("password"));
        assertFailure(400, "Cannot create 'push', an entity with the same name already exists",
                api.post("/cluster/notifications/matchers", "name", "push"));
        assertFailure(404, "endpoint 'nope' not found", api.get("/cluster/notifications/endpoints/gotify/nope"));
    }
}
