package io.github.proxmoxmcp.core.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.github.proxmoxmcp.core.testing.PackHarness;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
class WireEncodingTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    private ProbeClient client() {
        return pack.bean(ProbeClient.class);
    }

    @Test
    void pathSegmentsArePercentEncoded() {
        pack.proxmox().respond("GET", "/nodes/pve1/storage/local/content/local%3Aiso%2Fa%20b.iso", "{}");
        client().volume("pve1", "local", "local:iso/a b.iso").block();
        var request = pack.request(0);
        assertEquals("GET", request.method());
        assertEquals("/nodes/pve1/storage/local/content/local%3Aiso%2Fa%20b.iso", request.path());
    }

    @Test
    void queryMapAndBooleans() {
        pack.proxmox().respond("GET", "/nodes/pve1/tasks", "[]");
        client().tasks("pve1", Params.create().put("errors", true).put("limit", 5).put("vmid", null).put("userfilter",
                "a@pve").map()).block();
        var request = pack.request(0);
        assertEquals(Map.of("errors", "1", "limit", "5", "userfilter", "a@pve"), request.query());
    }

    @Test
    void formBody() {
        pack.proxmox().respond("POST", "/nodes/pve1/qemu", "\"UPID:pve1:0001:0002:65000000:qmcreate:100:root@pam:\"");
        client().create("pve1", Params.create().put("vmid", 100).put("onboot", false).put("net0",
                "virtio,bridge=vmbr0,firewall=1").map()).block();
        var request = pack.request(0);
        assertEquals("POST", request.method());
        assertEquals(Map.of("vmid", "100", "onboot", "0", "net0", "virtio,bridge=vmbr0,firewall=1"), request.form());
        assertEquals("PVEAPIToken=" + PackHarness.TOKEN_ID + "=" + PackHarness.TOKEN_SECRET, request.headers().get("authorization"));
    }

    @Test
    void cidrAndUserInPath() {
        pack.proxmox().respond("PUT", "/cluster/firewall/ipset/lan/10.0.0.0%2F24", "null");
        client().updateCidr("lan", "10.0.0.0/24", Params.create().put("nomatch", true).map()).block();
        pack.proxmox().respond("DELETE", "/access/users/john%40pve", "null");
        client().deleteUser("john@pve", Params.create().put("force", true).map()).block();
        var requests = pack.proxmox().requests();
        assertEquals("/cluster/firewall/ipset/lan/10.0.0.0%2F24", requests.get(0).path());
        assertEquals("/access/users/john%40pve", requests.get(1).path());
        assertEquals(Map.of("force", "1"), requests.get(1).query());
        assertEquals("", requests.get(1).body());
    }

    @Test
    void emptyQueryMapSendsNoQuery() {
        pack.proxmox().respond("GET", "/nodes/pve1/tasks", "[]");
        client().tasks("pve1", Params.create().put("vmid", null).map()).block();
        var request = pack.request(0);
        assertEquals("/nodes/pve1/tasks", request.path());
        assertEquals(Map.of(), request.query());
    }

    @Test
    void queryValuesWithReservedCharactersArriveIntact() {
        pack.proxmox().respond("GET", "/nodes/pve1/tasks", "[]");
        String awkward = "a b&c=d+e,f/g?h#i%j;ü";
        client().tasks("pve1", Params.create().put("typefilter", awkward).put("errors", false).map()).block();
        assertEquals(Map.of("typefilter", awkward, "errors", "0"), pack.request(0).query());
    }

    @Test
    void formValuesWithReservedCharactersArriveIntact() {
        pack.proxmox().respond("PUT", "/nodes/pve1/qemu/100/config", "null");
        String description = "web & db = 1+1, 100% \"ok\"\nsecond line ü";
        client().updateConfig("pve1", 100, Params.create()
                .put("description", description)
                .put("onboot", true)
                .put("protection", false)
                .put("cores", 2.0)
                .delete(List.of("net1", "ide2"))
                .map()).block();
        var request = pack.request(0);
        assertEquals("PUT", request.method());
        assertEquals(Map.of("description", description, "onboot", "1", "protection", "0", "cores", "2", "delete", "net1,ide2"),
                request.form());
        assertTrue(request.headers().get("content-type").startsWith("application/x-www-form-urlencoded"),
                request.headers().toString());
        assertTrue(request.body().contains("%2B"), request.body());
        assertTrue(request.body().contains("%26"), request.body());
        assertEquals(Map.of(), request.query());
    }

    @Test
    void arrayParametersGoAsOnePairPerElement() {
        pack.proxmox().respond("POST", "/cluster/mapping/dir", "null");
        client().createDirMapping(Params.create().put("id", "share")
                .putEach("map", List.of("node=pve1,path=/mnt/a b", "node=pve2,path=/mnt/x&y=z+1")).form()).block();
        assertEquals("id=share&map=node%3Dpve1%2Cpath%3D%2Fmnt%2Fa+b&map=node%3Dpve2%2Cpath%3D%2Fmnt%2Fx%26y%3Dz%2B1",
                pack.request(0).body());
    }

    @Test
    void postWithAnEmptyFormSendsAnEmptyBody() {
        pack.proxmox().respond("POST", "/nodes/pve1/qemu/100/status/start", "\"UPID:pve1:0001:0002:65000000:qmstart:100:root@pam:\"");
        PveResponse response = client().start("pve1", 100, Params.create().put("skiplock", null).map()).block();
        assertEquals("UPID:pve1:0001:0002:65000000:qmstart:100:root@pam:", response.string());
        var request = pack.request(0);
        assertEquals("POST /nodes/pve1/qemu/100/status/start", request.line());
        assertEquals("", request.body());
        assertEquals(Map.of(), request.form());
    }

    @Test
    void deleteParametersGoInTheQueryStringWithNoBody() {
        pack.proxmox().respond("DELETE", "/nodes/pve1/qemu/100", "\"UPID:pve1:0001:0002:65000000:qmdestroy:100:root@pam:\"");
        client().destroy("pve1", 100, Params.create().put("purge", true).put("destroy-unreferenced-disks", true)
                .put("skiplock", null).map()).block();
        var request = pack.request(0);
        assertEquals("DELETE /nodes/pve1/qemu/100", request.line());
        assertEquals(Map.of("purge", "1", "destroy-unreferenced-disks", "1"), request.query());
        assertEquals("", request.body());
        assertEquals(Map.of(), request.form());
        assertFalse(request.headers().containsKey("content-type"), request.headers().toString());
    }

    @Test
    void upidWithATokenUserIsOnePathSegment() {
        String upid = "UPID:pve1:00001234:00ABCDEF:65000000:vzdump::root@pam!mcp:";
        String encoded = "UPID%3Apve1%3A00001234%3A00ABCDEF%3A65000000%3Avzdump%3A%3Aroot%40pam%21mcp%3A";
        pack.proxmox().respond("GET", "/nodes/pve1/tasks/" + encoded + "/status", "{\"status\":\"running\"}");
        PveResponse response = client().taskStatus("pve1", upid).block();
        assertEquals("running", Json.text(response.data(), "status"));
        assertEquals("/nodes/pve1/tasks/" + encoded + "/status", pack.request(0).path());
    }
}
