package io.github.proxmoxmcp.cluster;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertError;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** proxmox_cluster_options_set and proxmox_cluster_pool_manage. */
@MicronautTest
class PoolAndOptionsToolsTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    @Test
    void optionsSetAndUnsetInOneRequestWithoutEchoingValues() {
        pack.proxmox().respond("PUT", "/cluster/options", "null");

        assertOk("datacenter options updated: set http_proxy, keyboard, max_workers, migration; removed console",
                pack.call("proxmox_cluster_options_set", """
                        {"set":{"keyboard":"de","migration":"type=insecure,network=10.1.0.0/24","max_workers":8,
                                "http_proxy":"http://u:pw@proxy:3128"},"unset":["console"]}"""));
        assertRequest(pack.only("PUT", "/cluster/options"), Map.of(), Map.of("keyboard", "de",
                "migration", "type=insecure,network=10.1.0.0/24", "max_workers", "8", "http_proxy", "http://u:pw@proxy:3128",
                "delete", "console"));
    }

    @Test
    void optionsBooleansGoAsOneAndZero() {
        pack.proxmox().respond("PUT", "/cluster/options", "null");

        pack.ok("proxmox_cluster_options_set", "{\"set\":{\"migration_unsecure\":false}}");
        assertRequest(pack.only("PUT", "/cluster/options"), Map.of(), Map.of("migration_unsecure", "0"));
    }

    @Test
    void optionsRefusedByProxmoxShowTheFieldErrors() {
        pack.proxmox().fail("PUT", "/cluster/options", 400, "Parameter verification failed.",
                Map.of("keyboard", "value 'xx' does not have a value in the enumeration 'de, de-ch, ...'"));

        assertEquals("""
                Proxmox API error 400: Parameter verification failed.
                  keyboard: value 'xx' does not have a value in the enumeration 'de, de-ch, ...'""",
                pack.error("proxmox_cluster_options_set", "{\"set\":{\"keyboard\":\"xx\"}}").text());
    }

    @Test
    void unknownOrConflictingOptionsSendNothing() {
        pack.invalid("proxmox_cluster_options_set", "{\"set\":{\"keybord\":\"de\"}}", "set: keybord is not a datacenter option; options: bwlimit");
        pack.invalid("proxmox_cluster_options_set", "{\"unset\":[\"delete\"]}", "unset: delete is not a datacenter option");
        pack.invalid("proxmox_cluster_options_set", "{\"set\":{\"keyboard\":\"de\"},\"unset\":[\"keyboard\"]}",
                "keyboard is both in set and in unset");
        pack.invalid("proxmox_cluster_options_set", "{\"set\":{\"migration\":{\"type\":\"secure\"}}}",
                "set.migration takes one value, not a list or an object");
        pack.invalid("proxmox_cluster_options_set", "{}", "give set or unset");
    }

    @Test
    void createAPool() {
        pack.proxmox().respond("POST", "/pools", "null");

        assertOk("pool prod created", pack.call("proxmox_cluster_pool_manage",
                "{\"action\":\"create\",\"poolid\":\"prod\",\"comment\":\"Production\"}"));
        assertRequest(pack.only("POST", "/pools"), Map.of(), Map.of("poolid", "prod", "comment", "Production"));
    }

    @Test
    void createANestedPoolAndAddAGuestInOneCall() {
        pack.proxmox().respond("POST", "/pools", "null");
        pack.proxmox().respond("PUT", "/pools", "null");

        assertOk("pool prod/db created with guests 100", pack.call("proxmox_cluster_pool_manage",
                "{\"action\":\"create\",\"poolid\":\"prod/db\",\"vms\":[100]}"));
        assertEquals(List.of("POST /pools", "PUT /pools"), pack.lines());
        assertRequest(pack.request(0), Map.of(), Map.of("poolid", "prod/db"));
        assertRequest(pack.request(1), Map.of(), Map.of("poolid", "prod/db", "vms", "100"));
    }

    @Test
    void createdPoolWhoseMembersFailSaysBoth() {
        pack.proxmox().respond("POST", "/pools", "null");
        pack.proxmox().fail("PUT", "/pools", 500, "VM 100 belongs already to pool 'lab' and 'allow-move' is not set", Map.of());

        assertError("pool prod created, but adding guests 100 failed: Proxmox API error 500: VM 100 belongs already to pool "
                        + "'lab' and 'allow-move' is not set",
                pack.call("proxmox_cluster_pool_manage", "{\"action\":\"create\",\"poolid\":\"prod\",\"vms\":[100]}"));
    }

    @Test
    void addGuestsAndStorageMovingGuestsFromTheirPool() {
        pack.proxmox().respond("PUT", "/pools", "null");

        assertOk("pool prod: added guests 100,101 and storage local-lvm", pack.call("proxmox_cluster_pool_manage",
                "{\"action\":\"update\",\"poolid\":\"prod\",\"vms\":[100,101],\"storage\":[\"local-lvm\"],\"allow-move\":true}"));
        assertRequest(pack.only("PUT", "/pools"), Map.of(),
                Map.of("poolid", "prod", "vms", "100,101", "storage", "local-lvm", "allow-move", "1"));
    }

    @Test
    void removeMembersIsProxmoxsDeleteFlag() {
        pack.proxmox().respond("PUT", "/pools", "null");

        assertOk("pool prod: removed guests 101", pack.call("proxmox_cluster_pool_manage",
                "{\"action\":\"update\",\"poolid\":\"prod\",\"vms\":[101],\"remove\":true}"));
        assertRequest(pack.only("PUT", "/pools"), Map.of(), Map.of("poolid", "prod", "vms", "101", "delete", "1"));
    }

    @Test
    void commentOnly() {
        pack.proxmox().respond("PUT", "/pools", "null");

        assertOk("pool prod: comment set", pack.call("proxmox_cluster_pool_manage",
                "{\"action\":\"update\",\"poolid\":\"prod\",\"comment\":\"Web tier\"}"));
        assertRequest(pack.only("PUT", "/pools"), Map.of(), Map.of("poolid", "prod", "comment", "Web tier"));
    }

    @Test
    void deleteAnEmptyPoolByQueryParameter() {
        pack.proxmox().respond("GET", "/pools", Map.of("poolid", "lab"), "[{\"poolid\":\"lab\",\"members\":[]}]");
        pack.proxmox().respond("GET", "/pools", "[{\"poolid\":\"lab\"},{\"poolid\":\"prod\"}]");
        pack.proxmox().respond("DELETE", "/pools", "null");

        assertOk("pool lab deleted", pack.call("proxmox_cluster_pool_manage",
                "{\"action\":\"delete\",\"poolid\":\"lab\",\"confirm\":true}"));
        assertEquals(List.of("DELETE /pools", "GET /pools", "GET /pools"), pack.lines().stream().sorted().toList());
        assertRequest(pack.last(), Map.of("poolid", "lab"), Map.of());
    }

    @Test
    void deleteIsRefusedWhileThePoolHasMembers() {
        pack.proxmox().respond("GET", "/pools", Map.of("poolid", "prod"), """
                [{"poolid":"prod","members":[{"id":"qemu/100","type":"qemu","vmid":100,"node":"pve1"},
                  {"id":"storage/pve1/local","type":"storage","storage":"local","node":"pve1"}]}]""");
        pack.proxmox().respond("GET", "/pools", "[{\"poolid\":\"prod\"}]");

        assertError("pool prod is not empty (qemu/100, storage/pve1/local): remove its members first, or call again with "
                + "remove: true to take them out. Nothing was changed.", pack.call("proxmox_cluster_pool_manage",
                "{\"action\":\"delete\",\"poolid\":\"prod\",\"confirm\":true}"));
        assertEquals(List.of("GET /pools", "GET /pools"), pack.lines());
    }

    @Test
    void deleteWithRemoveTakesTheMembersOutFirst() {
        pack.proxmox().respond("GET", "/pools", Map.of("poolid", "prod"), """
                [{"poolid":"prod","members":[{"id":"qemu/100","type":"qemu","vmid":100,"node":"pve1"},
                  {"id":"lxc/105","type":"lxc","vmid":105,"node":"pve2"},
                  {"id":"storage/pve1/local","type":"storage","storage":"local","node":"pve1"}]}]""");
        pack.proxmox().respond("GET", "/pools", "[{\"poolid\":\"prod\"}]");
        pack.proxmox().respond("PUT", "/pools", "null");
        pack.proxmox().respond("DELETE", "/pools", "null");

        assertOk("pool prod deleted after taking out qemu/100, lxc/105, storage/pve1/local", pack.call("proxmox_cluster_pool_manage",
                "{\"action\":\"delete\",\"poolid\":\"prod\",\"remove\":true,\"confirm\":true}"));
        var requests = pack.proxmox().requests();
        assertEquals(List.of("PUT /pools", "DELETE /pools"), requests.subList(2, 4).stream().map(r -> r.line()).toList());
        assertRequest(requests.get(2), Map.of(), Map.of("poolid", "prod", "vms", "100,105", "storage", "local", "delete", "1"));
        assertRequest(requests.get(3), Map.of("poolid", "prod"), Map.of());
    }

    @Test
    void subPoolsAreNeverDeletedForTheCaller() {
        pack.proxmox().respond("GET", "/pools", Map.of("poolid", "prod"), "[{\"poolid\":\"prod\",\"members\":[]}]");
        pack.proxmox().respond("GET", "/pools", "[{\"poolid\":\"prod\"},{\"poolid\":\"prod/db\"},{\"poolid\":\"production\"}]");

        assertError("pool prod has sub-pools (prod/db): delete them first. Nothing was changed.",
                pack.call("proxmox_cluster_pool_manage", "{\"action\":\"delete\",\"poolid\":\"prod\",\"remove\":true,\"confirm\":true}"));
        assertEquals(List.of("GET /pools", "GET /pools"), pack.lines());
    }

    @Test
    void deleteNeedsConfirm() {
        pack.refusedWithoutConfirm("proxmox_cluster_pool_manage", "{\"action\":\"delete\",\"poolid\":\"prod\"}");
    }

    @Test
    void duplicatePoolIsTheProxmoxError() {
        pack.proxmox().fail("POST", "/pools", 500, "create pool failed: pool 'prod' already exists", Map.of());

        assertEquals("Proxmox API error 500: create pool failed: pool 'prod' already exists",
                pack.error("proxmox_cluster_pool_manage", "{\"action\":\"create\",\"poolid\":\"prod\"}").text());
    }

    @Test
    void badPoolInputSendsNothing() {
        pack.invalid("proxmox_cluster_pool_manage", "{\"action\":\"create\",\"poolid\":\"../x\"}", "poolid: must be a pool id");
        pack.invalid("proxmox_cluster_pool_manage", "{\"action\":\"create\",\"poolid\":\"a/b/c/d\"}", "poolid: must be a pool id");
        pack.invalid("proxmox_cluster_pool_manage", "{\"action\":\"update\",\"poolid\":\"p\",\"storage\":[\"a/b\"]}",
                "must be a storage id");
        pack.invalid("proxmox_cluster_pool_manage", "{\"action\":\"update\",\"poolid\":\"p\",\"vms\":[1000000000]}", "must be a VMID");
        pack.invalid("proxmox_cluster_pool_manage", "{\"action\":\"update\",\"poolid\":\"p\"}", "give comment, vms or storage");
        pack.invalid("proxmox_cluster_pool_manage", "{\"action\":\"update\",\"poolid\":\"p\",\"remove\":true,\"comment\":\"x\"}",
                "remove needs the vms or storage");
        pack.invalid("proxmox_cluster_pool_manage", "{\"action\":\"create\",\"poolid\":\"p\",\"remove\":true}",
                "remove is for action=update or delete");
        pack.invalid("proxmox_cluster_pool_manage", "{\"action\":\"delete\",\"poolid\":\"p\",\"vms\":[100],\"confirm\":true}",
                "action=delete takes only poolid, remove and confirm");
        pack.invalid("proxmox_cluster_pool_manage", "{\"action\":\"create\"}", "poolid");
        pack.invalid("proxmox_cluster_pool_manage", "{\"action\":\"update\",\"poolid\":\"p\",\"comment\":\"\"}",
                "comment: Proxmox reads an empty value as no value");
    }
}
