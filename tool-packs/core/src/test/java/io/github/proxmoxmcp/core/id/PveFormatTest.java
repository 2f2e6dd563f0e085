package io.github.proxmoxmcp.core.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.proxmoxmcp.core.spi.ToolInputException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PveFormatTest {

    @ParameterizedTest(name = "{0} accepts {1}")
    @CsvSource({
            "NODE, pve1", "NODE, a", "NODE, node-2", "VMID, 100", "VMID, 999999999", "STORAGE, local-lvm",
            "STORAGE, NFS.backup_1", "CONFIG_KEY, scsi0", "SNAPSHOT, before-upgrade", "IFACE, vmbr0", "IFACE, eno1.10",
            "IFACE, bond0:1", "BRIDGE, vmbr0", "TAG, prod+db", "USER, root@pam", "USER, jane.doe@ldap-corp",
            "TOKEN, root@pam!mcp", "GROUP, admins", "ROLE, PVEAuditor", "POOL, prod", "POOL, prod/db/eu",
            "SDN_ZONE, vlan10", "SDN_VNET, vnet1", "SDN_ID, evpn-ctl", "SDN_PLUGIN, netbox1", "SDN_FABRIC, f1", "SDN_FABRIC, a", "SDN_SUBNET, lab-10.0.0.0-24", "ACME_PLUGIN, cf1", "ACME_ACCOUNT, default", "ACME_ACCOUNT, le_staging-2", "ACME_DOMAIN, pve1.example.com", "ACME_DOMAIN, *.lab.example.com", "ACME_DOMAIN, localhost", "HA_SID, vm:100", "HA_SID, ct:101",
            "HA_SID, 100", "HA_ID, keep-apart", "HA_ID, Prefer_Node1", "NOTIFICATION, mail-to-root", "NOTIFICATION, Ops_Gotify2",
            "FW_GROUP, web-servers", "FW_NAME, ipfilter-net0",
            "FW_NAME, management",
            "VOLUME, local:iso/debian-12.iso", "VOLUME, pbs:backup/vm/100/2026-01-01T00:00:00Z", "CIDR, 10.0.0.0/24",
            "CIDR, fd00::1", "CIDR, dc/admins", "UPID, UPID:pve1:00001A2B:0000C3D4:65F0A1B2:qmstart:100:root@pam:",
            "SEGMENT, pveproxy", "REPLICATION_JOB, 100-0", "REPLICATION_JOB, 999999999-123456789",
            "CEPH_POOL, vm-pool", "CEPH_POOL, .mgr", "CEPH_POOL, cephfs_data"})
    void accepts(PveFormat format, String value) {
        assertTrue(format.matches(value), value);
    }

    @ParameterizedTest(name = "{0} refuses [{1}]")
    @CsvSource({
            "NODE, pve1/../../cluster", "NODE, x/y", "NODE, ''", "NODE, ' '", "NODE, -pve", "NODE, pve1%2F..",
            "NODE, '100; rm -rf /'", "VMID, 99", "VMID, 0100", "VMID, 1000000000", "STORAGE, ..", "STORAGE, a",
            "STORAGE, local/x", "CONFIG_KEY, ../x", "SNAPSHOT, 1st", "IFACE, vmbr0/x", "USER, root", "USER, a/b@pam",
            "TOKEN, root@pam", "POOL, a//b", "POOL, a/../b", "POOL, a/b/c/d", "SDN_ZONE, toolongzone", "SDN_PLUGIN, a-b", "ACME_ACCOUNT, 1st", "ACME_ACCOUNT, a/b", "ACME_DOMAIN, 'a.com,plugin=x'", "ACME_DOMAIN, a..com", "ACME_DOMAIN, -a.com", "ACME_DOMAIN, a.*.com", "ACME_DOMAIN, a.com/x", "SDN_FABRIC, -f", "SDN_FABRIC, toolongfab", "SDN_SUBNET, 10.0.0.0/24", "SDN_SUBNET, lab-../x-24", "FW_GROUP, a",
            "FW_GROUP, group-name-of-19chr", "FW_GROUP, 1group", "FW_NAME, a/b", "FW_NAME, ..", "FW_NAME, +set",
            "VOLUME, iso/debian.iso", "CIDR, ../x", "CIDR, 10.0.0.0//24", "UPID, UPID:pve1/../x", "SEGMENT, a/b",
            "SEGMENT, ..", "SEGMENT, .", "HA_SID, vm:99", "HA_SID, vm:100/../x", "HA_SID, qemu:100",
            "HA_SID, vm:", "HA_SID, vm100", "HA_ID, 1rule", "HA_ID, a", "HA_ID, a/b", "HA_ID, ../x", "NOTIFICATION, 1ops", "NOTIFICATION, x", "NOTIFICATION, a/b", "NOTIFICATION, gotify.ops",
            "REPLICATION_JOB, 99-0", "REPLICATION_JOB, 100-", "REPLICATION_JOB, 100-0/x",
            "REPLICATION_JOB, ../x", "CEPH_POOL, a/b", "CEPH_POOL, rbd:x",
            "CEPH_POOL, ..", "CEPH_POOL, a b"})
    void refuses(PveFormat format, String value) {
        assertFalse(format.matches(value), value);
    }

    @Test
    void perlDollarDoesNotLetATrailingNewlineThrough() {
        assertFalse(PveFormat.NODE.matches("pve1\n"));
        assertFalse(PveFormat.VOLUME.matches("local:iso/x.iso\n"));
    }

    @Test
    void longValuesAreRefusedAndShownShort() {
        String huge = "a".repeat(100_000);
        assertFalse(PveFormat.SEGMENT.matches(huge));
        assertEquals("must be a node name: letters, digits and inner '-', e.g. pve1; got '" + "a".repeat(48)
                + "…' (100000 characters)", PveFormat.NODE.problem(huge));
    }

    @Test
    void problemsShowControlCharactersEscaped() {
        assertEquals("must be a VMID: 100 to 999999999; got 'x\\u0000\\u001b[1m'", PveFormat.VMID.problem("x\u0000\u001b[1m"));
        assertEquals("must be a node name: letters, digits and inner '-', e.g. pve1; got an empty string",
                PveFormat.NODE.problem(""));
    }

    @Test
    void checkRefusesWithTheFieldNamedAndLetsNullPass() {
        PveFormat.REPLICATION_JOB.check("id", "100-0");
        PveFormat.REPLICATION_JOB.check("id", null);
        ToolInputException refused = assertThrows(ToolInputException.class, () -> PveFormat.REPLICATION_JOB.check("id", "a/b"));
        assertEquals("id: must be a replication job id <vmid>-<job number>, e.g. 100-0; got 'a/b'", refused.getMessage());
    }
}
