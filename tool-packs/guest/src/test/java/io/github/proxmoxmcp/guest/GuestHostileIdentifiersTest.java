package io.github.proxmoxmcp.guest;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Identifiers that would leave their path segment are refused with the field's name, and nothing is sent. */
@MicronautTest
class GuestHostileIdentifiersTest implements MockProxmoxTest {

    private static final String NODE_ERROR = "node: must be a node name: letters, digits and inner '-', e.g. pve1; got ";

    @Inject
    PackCalls pack;

    @ParameterizedTest
    @MethodSource("io.github.proxmoxmcp.core.testing.HostileValues#identifiers")
    void hostileNodeIsRefusedByGuestTools(String node) {
        pack.invalid("proxmox_guest_list", Map.of("node", node), NODE_ERROR);
        pack.invalid("proxmox_guest_get", Map.of("vmid", 100, "node", node), NODE_ERROR);
        pack.invalid("proxmox_guest_power", Map.of("vmid", 100, "type", "qemu", "action", "start", "node", node), NODE_ERROR);
        pack.invalid("proxmox_guest_create_vm", Map.of("node", node), NODE_ERROR);
        pack.invalid("proxmox_guest_create_ct", Map.of("node", node, "ostemplate", "local:vztmpl/d.tar.zst", "storage", "local"),
                NODE_ERROR);
        pack.invalid("proxmox_guest_migrate", Map.of("vmid", 100, "node", "pve1", "target", node), "target: must be a node name");
        pack.invalid("proxmox_guest_clone", Map.of("vmid", 100, "node", "pve1", "target", node), "target: must be a node name");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 99, -100, 1000000000})
    void vmidOutOfRangeIsRefused(int vmid) {
        pack.invalid("proxmox_guest_get", "{\"vmid\":" + vmid + "}", "vmid: must be a VMID: 100 to 999999999; got '" + vmid + "'");
        pack.invalid("proxmox_guest_delete", "{\"vmid\":" + vmid + ",\"confirm\":true}", "vmid: must be a VMID");
        pack.invalid("proxmox_guest_create_vm", "{\"vmid\":" + vmid + "}", "vmid: must be a VMID");
    }

    @Test
    void vmidThatIsNotANumberIsRefused() {
        pack.invalid("proxmox_guest_get", "{\"vmid\":\"100/../../x\"}", "vmid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/b", "", " ", "%2F", "snap\\u0000", "1abc"})
    void hostileSnapshotIsRefused(String snapname) {
        String guest = "\"vmid\":100,\"node\":\"pve1\",\"type\":\"qemu\",";
        pack.invalid("proxmox_guest_snapshot", "{" + guest + "\"action\":\"create\",\"snapname\":\"" + snapname + "\"}",
                "snapname: must be a snapshot name");
        pack.invalid("proxmox_guest_snapshot", "{" + guest + "\"action\":\"delete\",\"snapname\":\"" + snapname + "\",\"confirm\":true}",
                "snapname: must be a snapshot name");
        pack.invalid("proxmox_guest_get", "{" + guest + "\"view\":\"config\",\"options\":{\"snapshot\":\"" + snapname + "\"}}",
                "options.snapshot must be a snapshot name");
        pack.invalid("proxmox_guest_feature", "{" + guest + "\"feature\":\"snapshot\",\"snapname\":\"" + snapname + "\"}",
                "snapname: must be a snapshot name");
    }

    @Test
    void hostileStorageTagAndConfigKeyAreRefused() {
        String guest = "\"vmid\":100,\"node\":\"pve1\",\"type\":\"qemu\"";
        pack.invalid("proxmox_guest_backup_list", "{\"vmid\":100,\"node\":\"pve1\",\"storage\":\"../x\"}", "storage: must be a storage id");
        pack.invalid("proxmox_guest_tags", "{" + guest + ",\"add\":[\"a/b\"]}", "must be a tag");
        pack.invalid("proxmox_guest_config_update", "{" + guest + ",\"delete\":[\"../x\"]}", "must be a config key");
        pack.invalid("proxmox_guest_nic", "{" + guest + ",\"action\":\"set\",\"index\":0,\"bridge\":\"a/b\"}", "bridge: must be a bridge");
    }
}
