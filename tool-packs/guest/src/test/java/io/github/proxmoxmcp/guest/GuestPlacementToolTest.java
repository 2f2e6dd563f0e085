package io.github.proxmoxmcp.guest;

import static io.github.proxmoxmcp.core.testing.PackAssertions.NOT_FOUND_HINT;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.TaskIds.encoded;
import static io.github.proxmoxmcp.core.testing.TaskIds.quoted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Creates and restores without node (and without PROXMOX_DEFAULT_NODE) go to the online node with the most free memory. */
@MicronautTest
class GuestPlacementToolTest implements MockProxmoxTest {

    private static final String CHOSEN = "node pve2 chosen: the online node with the most free memory (12.0 GiB)\n";

    /** All of /cluster/resources: the nodes and a guest (VMID 100 on pve1, where memory is short). */
    private static final String CLUSTER = """
            [{"id":"node/pve1","node":"pve1","type":"node","status":"online","mem":6442450944,"maxmem":8589934592},
             {"id":"qemu/100","vmid":100,"node":"pve1","type":"qemu","status":"running","mem":1073741824,"maxmem":2147483648},
             {"id":"node/pve2","node":"pve2","type":"node","status":"online","mem":4294967296,"maxmem":17179869184},
             {"id":"storage/pve2/local","storage":"local","node":"pve2","type":"storage","status":"available"}]""";

    @Inject
    PackCalls pack;

    @BeforeEach
    void nodes() {
        // pve3 has the most free memory but is offline
        pack.proxmox().respond("GET", "/cluster/resources", Map.of("type", "node"), """
                [{"id":"node/pve1","node":"pve1","type":"node","status":"online","mem":6442450944,"maxmem":8589934592},
                 {"id":"node/pve2","node":"pve2","type":"node","status":"online","mem":4294967296,"maxmem":17179869184},
                 {"id":"node/pve3","node":"pve3","type":"node","status":"offline","maxmem":68719476736}]""");
    }

    @Test
    void createVmWithoutNodeSaysWhichNodeItChose() {
        pack.proxmox().respond("GET", "/cluster/nextid", "130");
        String upid = pack.finishedTask("pve2", "qmcreate", 130);
        pack.proxmox().respond("POST", "/nodes/pve2/qemu", quoted(upid));

        assertOk(CHOSEN + "creation of VM 130 on pve2: task OK (" + upid + ")",
                pack.call("proxmox_guest_create_vm", "{\"name\":\"web\"}"));
        assertEquals(List.of("GET /cluster/resources", "GET /cluster/nextid", "POST /nodes/pve2/qemu",
                "GET /nodes/pve2/tasks/" + encoded(upid) + "/status"), pack.lines());
        assertEquals(Map.of("type", "node"), pack.request(0).query());
        assertEquals(Map.of("vmid", "130", "name", "web", "net0", "virtio,bridge=vmbr0"), pack.request(2).form());
    }

    @Test
    void createCtWithoutNodeSaysWhichNodeItChose() {
        assertPlacedOnPve2("proxmox_guest_create_ct",
                "{\"vmid\":140,\"ostemplate\":\"local:vztmpl/debian-12.tar.zst\",\"storage\":\"local-lvm\"}",
                "lxc", "vzcreate", 140, "creation of CT 140");
    }

    @Test
    void restoreWithoutNodeOfANewVmidGoesWhereMostMemoryIsFree() {
        pack.proxmox().respond("GET", "/cluster/resources", CLUSTER);

        assertPlacedOnPve2("proxmox_guest_restore", "{\"vmid\":200,\"type\":\"qemu\",\"archive\":\"pbs:backup/vm/100/x\"}",
                "qemu", "qmrestore", 200, "restore of VM 200");
        assertEquals(Map.of(), pack.request(0).query());
        assertEquals(Map.of("vmid", "200", "archive", "pbs:backup/vm/100/x"), pack.request(1).form());
    }

    @Test
    void restoreWithoutNodeOverAnExistingGuestRunsWhereTheGuestIs() {
        pack.proxmox().respond("GET", "/cluster/resources", CLUSTER);
        String upid = pack.finishedTask("pve1", "qmrestore", 100);
        pack.proxmox().respond("POST", "/nodes/pve1/qemu", quoted(upid));

        assertOk("node pve1 chosen: VMID 100 is there\nrestore of VM 100 on pve1: task OK (" + upid + ")",
                pack.call("proxmox_guest_restore", "{\"vmid\":100,\"type\":\"qemu\",\"archive\":\"pbs:backup/vm/100/x\","
                        + "\"force\":true,\"confirm\":true}"));
        assertEquals(List.of("GET /cluster/resources", "POST /nodes/pve1/qemu",
                "GET /nodes/pve1/tasks/" + encoded(upid) + "/status"), pack.lines());
        assertEquals(Map.of("vmid", "100", "archive", "pbs:backup/vm/100/x", "force", "1"), pack.request(1).form());
    }

    /** The call's text names the chosen node, then the task's outcome; one lookup, the create, its status poll. */
    private void assertPlacedOnPve2(String tool, String json, String type, String taskType, int vmid, String what) {
        String upid = pack.finishedTask("pve2", taskType, vmid);
        pack.proxmox().respond("POST", "/nodes/pve2/" + type, quoted(upid));

        assertOk(CHOSEN + what + " on pve2: task OK (" + upid + ")", pack.call(tool, json));
        assertEquals(List.of("GET /cluster/resources", "POST /nodes/pve2/" + type,
                "GET /nodes/pve2/tasks/" + encoded(upid) + "/status"), pack.lines());
    }

    @Test
    void noOnlineNodeIsANotFoundAndCreatesNothing() {
        pack.proxmox().reset();
        pack.proxmox().respond("GET", "/cluster/resources", Map.of("type", "node"),
                "[{\"id\":\"node/pve1\",\"node\":\"pve1\",\"type\":\"node\",\"status\":\"offline\"}]");

        assertError("Not found: no node is online to place the guest on (see proxmox_node_list)\n" + NOT_FOUND_HINT,
                pack.call("proxmox_guest_create_vm", "{\"vmid\":130}"));
        assertEquals(List.of("GET /cluster/resources"), pack.lines());
    }
}
