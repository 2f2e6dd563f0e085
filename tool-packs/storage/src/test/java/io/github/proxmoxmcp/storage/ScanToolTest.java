package io.github.proxmoxmcp.storage;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** proxmox_storage_scan: one request per type, with the fields that type takes. */
@MicronautTest
class ScanToolTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    @Test
    void nfsListsExports() {
        pack.proxmox().respond("GET", "/nodes/pve1/scan/nfs", """
                [{"path":"/srv/iso","options":"10.0.0.0/24"},{"path":"/srv/backup","options":"*"}]""");

        assertOk("""
                PATH         OPTIONS
                /srv/iso     10.0.0.0/24
                /srv/backup  *""", pack.call("proxmox_storage_scan", "{\"node\":\"pve1\",\"type\":\"nfs\",\"server\":\"10.0.0.5\"}"));
        assertRequest(pack.only("GET", "/nodes/pve1/scan/nfs"), Map.of("server", "10.0.0.5"), Map.of());
    }

    @Test
    void cifsAndPbsTakeCredentials() {
        pack.proxmox().respond("GET", "/nodes/pve1/scan/cifs", "[{\"share\":\"pve\",\"description\":\"PVE share\"}]");
        pack.proxmox().respond("GET", "/nodes/pve1/scan/pbs", "[{\"store\":\"main\",\"comment\":\"nightly\"},{\"store\":\"lab\"}]");

        assertOk("""
                SHARE  DESCRIPTION
                pve    PVE share""", pack.call("proxmox_storage_scan", """
                {"node":"pve1","type":"cifs","server":"files","username":"svc","password":"pw-1"}"""));
        assertOk("""
                STORE  COMMENT
                main   nightly
                lab    -""", pack.call("proxmox_storage_scan", """
                {"node":"pve1","type":"pbs","server":"pbs.lan","username":"root@pam!scan","password":"tok","fingerprint":"AA:BB"}"""));
        var requests = pack.proxmox().requests();
        assertEquals(Map.of("server", "files", "username", "svc", "password", "pw-1"), requests.get(0).query());
        assertEquals(Map.of("server", "pbs.lan", "username", "root@pam!scan", "password", "tok", "fingerprint", "AA:BB"),
                requests.get(1).query());
    }

    @Test
    void iscsiScansTheServerAsItsPortal() {
        pack.proxmox().respond("GET", "/nodes/pve1/scan/iscsi", "[{\"target\":\"iqn.2024-01.lan:t1\",\"portal\":\"10.0.0.7:3260\"}]");

        assertOk("""
                TARGET              PORTAL
                iqn.2024-01.lan:t1  10.0.0.7:3260""", pack.call("proxmox_storage_scan", "{\"node\":\"pve1\",\"type\":\"iscsi\",\"server\":\"10.0.0.7\"}"));
        assertRequest(pack.only("GET", "/nodes/pve1/scan/iscsi"), Map.of("portal", "10.0.0.7"), Map.of());
    }

    @Test
    void localScansOfLvmThinAndZfs() {
        pack.proxmox().respond("GET", "/nodes/pve1/scan/lvm", "[{\"vg\":\"pve\"},{\"vg\":\"data\"}]");
        pack.proxmox().respond("GET", "/nodes/pve1/scan/lvmthin", "[{\"lv\":\"data\"}]");
        pack.proxmox().respond("GET", "/nodes/pve1/scan/zfs", "[]");

        assertOk("VG\npve\ndata", pack.call("proxmox_storage_scan", "{\"node\":\"pve1\",\"type\":\"lvm\"}"));
        assertOk("LV\ndata", pack.call("proxmox_storage_scan", "{\"node\":\"pve1\",\"type\":\"lvmthin\",\"vg\":\"pve\"}"));
        assertOk("no zfs storage found from pve1", pack.call("proxmox_storage_scan", "{\"node\":\"pve1\",\"type\":\"zfs\"}"));
        var requests = pack.proxmox().requests();
        assertEquals(Map.of(), requests.get(0).query());
        assertEquals(Map.of("vg", "pve"), requests.get(1).query());
        assertEquals("GET /nodes/pve1/scan/zfs", requests.get(2).line());
    }

    @Test
    void whatATypeNeedsOrDoesNotTakeSendsNothing() {
        pack.invalid("proxmox_storage_scan", "{\"node\":\"pve1\",\"type\":\"nfs\"}", "type=nfs needs server");
        pack.invalid("proxmox_storage_scan", "{\"node\":\"pve1\",\"type\":\"pbs\",\"server\":\"pbs\"}", "type=pbs needs username and password");
        pack.invalid("proxmox_storage_scan", "{\"node\":\"pve1\",\"type\":\"lvmthin\"}", "type=lvmthin needs vg");
        pack.invalid("proxmox_storage_scan", "{\"node\":\"pve1\",\"type\":\"nfs\",\"server\":\"x\",\"password\":\"p\"}",
                "password do(es) not apply to type=nfs");
        pack.invalid("proxmox_storage_scan", "{\"node\":\"pve1\",\"type\":\"zfs\",\"vg\":\"pve\"}", "vg do(es) not apply to type=zfs");
        pack.invalid("proxmox_storage_scan", "{\"node\":\"../x\",\"type\":\"zfs\"}", "node: must be a node name");
        pack.invalid("proxmox_storage_scan", "{\"type\":\"zfs\"}", "node is required");
    }

    @Test
    void aScanThatFailsShowsProxmoxsMessage() {
        pack.proxmox().fail("GET", "/nodes/pve1/scan/nfs", 500, "command '/sbin/showmount --no-headers --exports 10.0.0.5' failed: "
                + "exit code 1", Map.of());

        assertEquals("Proxmox API error 500: command '/sbin/showmount --no-headers --exports 10.0.0.5' failed: exit code 1",
                pack.error("proxmox_storage_scan", "{\"node\":\"pve1\",\"type\":\"nfs\",\"server\":\"10.0.0.5\"}").text());
    }
}
