package io.github.proxmoxmcp.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The small cluster every domain starts with, the same run to run under one seed and clock. */
class SeedCollectionsTest {

    private static final List<String> READS = List.of("/cluster/firewall/rules", "/cluster/firewall/aliases",
            "/cluster/firewall/ipset/trusted", "/cluster/firewall/groups/webserver", "/nodes/pve1/qemu/100/firewall/rules",
            "/nodes/pve1/qemu/100/firewall/options", "/cluster/sdn/zones", "/cluster/sdn/vnets/labnet/subnets",
            "/access/users?full=1", "/access/groups", "/access/roles", "/access/acl", "/access/users/automation@pve/token",
            "/cluster/ha/resources", "/cluster/ha/status/current", "/pools/production", "/cluster/backup",
            "/cluster/replication", "/cluster/ceph/status", "/nodes/pve1/ceph/osd", "/nodes/pve1/ceph/pool",
            "/cluster/acme/account/default", "/cluster/acme/plugins", "/nodes/pve1/certificates/info",
            "/cluster/notifications/targets", "/cluster/notifications/matchers", "/cluster/mapping/pci", "/cluster/metrics/server");

    private static List<String> answers(Sandbox sandbox) {
        Api api = new Api(sandbox);
        List<String> out = new ArrayList<>();
        for (String path : READS) {
            String[] parts = path.split("\\?");
            Api.Response r = parts.length > 1 ? api.get(parts[0], parts[1].split("=")) : api.get(path);
            assertEquals(200, r.status(), path + ": " + r.raw());
            out.add(r.raw());
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 9})
    void sameSeedAndClockGiveTheSameAnswers(int pve) {
        SandboxOptions options = SandboxTest.OPTIONS.withPveMajor(pve);
        List<String> first;
        try (Sandbox sandbox = Sandbox.start(options)) {
            first = answers(sandbox);
        }
        try (Sandbox sandbox = Sandbox.start(options)) {
            assertEquals(first, answers(sandbox));
        }
        try (Sandbox sandbox = Sandbox.start(new SandboxOptions(8, options.fixedClock(), options.taskDuration(), pve))) {
            assertNotEquals(first, answers(sandbox), "another seed, other generated values");
        }
    }

    @Test
    void aDomainSeedsTheSameDataWhenItIsFirstUsedLate() {
        List<String> paths = List.of("/access/users", "/nodes/pve1/certificates/info", "/cluster/acme/account/default",
                "/cluster/ha/status/current", "/pools/production");
        List<String> early = new ArrayList<>();
        try (Sandbox sandbox = Sandbox.start(SandboxTest.OPTIONS)) {
            Api api = new Api(sandbox);
            paths.forEach(p -> early.add(api.get(p).raw()));
        }
        try (Sandbox sandbox = Sandbox.start(SandboxTest.OPTIONS)) {
            Api api = new Api(sandbox);
            assertEquals("OK", api.run("POST", "/nodes/pve1/qemu/102/status/start"));
            assertEquals("OK", api.run("POST", "/nodes/pve1/qemu/102/status/stop"));
            List<String> late = new ArrayList<>();
            paths.forEach(p -> late.add(api.get(p).raw()));
            assertEquals(early.subList(0, 3), late.subList(0, 3), "seed data is dated from the start, not from first use");
        }
    }

    @Test
    void aBelievableSmallCluster() {
        try (Sandbox sandbox = Sandbox.start(SandboxTest.OPTIONS)) {
            Api api = new Api(sandbox);
            assertEquals(List.of("SSH from trusted networks", "Web UI", "", "node exporter (not rolled out yet)"),
                    SandboxTest.texts(api.get("/cluster/firewall/rules").data(), "comment"));
            assertEquals(List.of("mgmt-net", "monitoring"), SandboxTest.texts(api.get("/cluster/firewall/aliases").data(), "name"));
            assertEquals(List.of("webserver"), SandboxTest.texts(api.get("/cluster/firewall/groups").data(), "group"));
            assertEquals(List.of("group", "in", "out"), SandboxTest.texts(api.get("/nodes/pve1/qemu/100/firewall/rules").data(), "type"));
            assertEquals(1, api.get("/cluster/firewall/options").data().get("enable").asInt());
            assertEquals(1, api.get("/nodes/pve1/firewall/options").data().get("enable").asInt());

            JsonNode subnet = api.get("/cluster/sdn/vnets/labnet/subnets/lab-10.10.10.0-24").data();
            assertEquals("10.10.10.0/24", subnet.get("cidr").asString());
            assertEquals("10.10.10.1", subnet.get("gateway").asString());
            assertEquals("[{\"start-address\":\"10.10.10.100\",\"end-address\":\"10.10.10.200\"}]", subnet.get("dhcp-range").toString());
            assertEquals("lab", api.get("/cluster/sdn/vnets/labnet").data().get("zone").asString());

            JsonNode alice = api.get("/access/users/alice@pve").data();
            assertEquals("[\"admins\"]", alice.get("groups").toString());
            assertEquals("VM.Audit,VM.Console,VM.GuestAgent.Audit,VM.PowerMgmt",
                    find(api.get("/access/roles").data(), "roleid", "VMOperator").get("privs").asString());
            assertEquals(0, find(api.get("/access/roles").data(), "roleid", "VMOperator").get("special").asInt());
            assertEquals(5, api.get("/access/acl").data().size());
            assertEquals("terraform", api.get("/access/users/automation@pve/token").data().get(0).get("tokenid").asString());

            assertEquals(List.of("vm:100", "vm:101"), SandboxTest.texts(api.get("/cluster/ha/resources").data(), "sid"));
            assertEquals(List.of("qemu/100", "qemu/101", "storage/pve1/nfs-shared"),
                    SandboxTest.texts(api.get("/pools/production").data().get("members"), "id"));
            assertEquals(List.of("backup-prod-nightly", "backup-weekly-all"), SandboxTest.texts(api.get("/cluster/backup").data(), "id"));
            assertEquals(List.of("103-0"), SandboxTest.texts(api.get("/cluster/replication").data(), "id"));

            JsonNode ceph = api.get("/cluster/ceph/status").data();
            assertEquals("HEALTH_OK", ceph.get("health").get("status").asString());
            assertEquals(6, ceph.get("osdmap").get("num_up_osds").asInt());
            assertEquals(List.of("pve1", "pve2", "pve3"), SandboxTest.texts(api.get("/nodes/pve1/ceph/mon").data(), "name"));
            assertEquals(List.of("active", "standby", "standby"), SandboxTest.texts(api.get("/nodes/pve1/ceph/mgr").data(), "state"));
            assertEquals(List.of(".mgr", "vm-pool", "cephfs_data", "cephfs_metadata"),
                    SandboxTest.texts(api.get("/nodes/pve1/ceph/pool").data(), "pool_name"));
            assertEquals("cephfs", api.get("/nodes/pve1/ceph/fs").data().get(0).get("name").asString());
            assertEquals(3, api.get("/nodes/pve1/ceph/osd").data().get("root").get("children").get(0).get("children").size());
            sandbox.setNodeOnline("pve3", false);
            assertEquals("HEALTH_WARN", api.get("/cluster/ceph/status").data().get("health").get("status").asString());

            assertEquals("valid", api.get("/cluster/acme/account/default").data().get("account").get("status").asString());
            assertEquals("cf", find(api.get("/cluster/acme/plugins").data(), "plugin", "cloudflare").get("api").asString());
            assertEquals(List.of("pve-root-ca.pem", "pve-ssl.pem", "pveproxy-ssl.pem"),
                    SandboxTest.texts(api.get("/nodes/pve1/certificates/info").data(), "filename"));
            assertEquals(List.of("pve-root-ca.pem", "pve-ssl.pem"),
                    SandboxTest.texts(api.get("/nodes/pve2/certificates/info").data(), "filename"));
            assertEquals(List.of("mail-to-root", "gotify-ops", "smtp-relay"),
                    SandboxTest.texts(api.get("/cluster/notifications/targets").data(), "name"));
            assertEquals("[\"gotify-ops\",\"smtp-relay\"]",
                    find(api.get("/cluster/notifications/matchers").data(), "name", "errors-to-gotify").get("target").toString());
        }
    }

    @Test
    void anAcmeOrderReplacesTheNodeCertificate() {
        try (Sandbox sandbox = Sandbox.start(SandboxTest.OPTIONS)) {
            Api api = new Api(sandbox);
            assertEquals(200, api.put("/nodes/pve2/config", "acmedomain0", "pve2.lab.example.com").status());
            assertTrue(api.post("/nodes/pve2/certificates/acme/certificate").data().asString().contains(":acmenewcert::"));
            String upid = api.post("/nodes/pve2/certificates/acme/certificate").data().asString();
            assertEquals("OK", api.await(upid));
            JsonNode certs = api.get("/nodes/pve2/certificates/info").data();
            assertEquals("/C=US/O=Let's Encrypt/CN=R11", certs.get(2).get("issuer").asString());
            assertEquals("OK", api.run("DELETE", "/nodes/pve2/certificates/acme/certificate"));
            assertEquals(2, api.get("/nodes/pve2/certificates/info").data().size());
        }
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.path(field).asString())) {
                return item;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }
}
