package io.github.proxmoxmcp.storage;

import static io.github.proxmoxmcp.core.testing.PackAssertions.assertOk;
import static io.github.proxmoxmcp.core.testing.PackAssertions.assertRequest;
import static io.github.proxmoxmcp.core.testing.TaskIds.UPID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.proxmoxmcp.core.testing.MockProxmoxTest;
import io.github.proxmoxmcp.core.testing.PackCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** proxmox_storage_disk_list, _disk_smart, _disk_manage and _disk_prepare. */
@MicronautTest
class DiskToolsTest implements MockProxmoxTest {

    @Inject
    PackCalls pack;

    @Test
    void disksShowUsageHealthAndWearout() {
        pack.proxmox().respond("GET", "/nodes/pve1/disks/list", """
                [{"devpath":"/dev/sdb","type":"hdd","size":4000787030016,"model":"WDC WD40EFRX","serial":"WD-1","health":"PASSED",
                  "wearout":"N/A","gpt":0,"used":"ZFS"},
                 {"devpath":"/dev/nvme0n1","type":"nvme","size":1000204886016,"model":"Samsung 980","serial":"S64","health":"PASSED",
                  "wearout":97,"gpt":1,"used":"LVM"},
                 {"devpath":"/dev/sdc","type":"ssd","size":500107862016,"model":"Crucial MX500","health":"UNKNOWN","gpt":0}]""");

        assertOk("""
                DEVICE        TYPE  SIZE       MODEL          SERIAL  USED    HEALTH   WEAROUT   GPT
                /dev/nvme0n1  nvme  931.5 GiB  Samsung 980    S64     LVM     PASSED   97% left  yes
                /dev/sdb      hdd   3.6 TiB    WDC WD40EFRX   WD-1    ZFS     PASSED   N/A       no
                /dev/sdc      ssd   465.8 GiB  Crucial MX500  -       unused  UNKNOWN  -         no""",
                pack.call("proxmox_storage_disk_list", "{\"node\":\"pve1\"}"));
        assertRequest(pack.only("GET", "/nodes/pve1/disks/list"), Map.of(), Map.of());
    }

    @Test
    void volumeGroupsThinPoolsAndDirectories() {
        pack.proxmox().respond("GET", "/nodes/pve1/disks/lvm", """
                {"leaf":0,"children":[{"name":"pve","size":999653638144,"free":16106127360,"leaf":0,
                  "children":[{"name":"/dev/nvme0n1p3","size":999653638144,"free":16106127360,"leaf":1}]}]}""");
        pack.proxmox().respond("GET", "/nodes/pve1/disks/lvmthin", """
                [{"lv":"data","vg":"pve","lv_size":858993459200,"used":214748364800,"metadata_size":8589934592,"metadata_used":858993459}]""");
        pack.proxmox().respond("GET", "/nodes/pve1/disks/directory", """
                [{"path":"/mnt/pve/fast","device":"/dev/sdc1","type":"xfs","options":"defaults","unitfile":"/etc/systemd/system/mnt-pve-fast.mount"}]""");

        assertOk("""
                VG   SIZE       FREE      PVS
                pve  931.0 GiB  15.0 GiB  /dev/nvme0n1p3""", pack.call("proxmox_storage_disk_list", "{\"node\":\"pve1\",\"view\":\"lvm\"}"));
        assertOk("""
                POOL  VG   USAGE                        METADATA
                data  pve  200.0 GiB/800.0 GiB (25.0%)  819.2 MiB/8.0 GiB (10.0%)""",
                pack.call("proxmox_storage_disk_list", "{\"node\":\"pve1\",\"view\":\"lvmthin\"}"));
        assertOk("""
                PATH           DEVICE     TYPE  OPTIONS   UNIT
                /mnt/pve/fast  /dev/sdc1  xfs   defaults  /etc/systemd/system/mnt-pve-fast.mount""",
                pack.call("proxmox_storage_disk_list", "{\"node\":\"pve1\",\"view\":\"directory\"}"));
    }

    @Test
    void zpoolsAndOnePoolsVdevs() {
        pack.proxmox().respond("GET", "/nodes/pve1/disks/zfs", """
                [{"name":"tank","size":3985729650688,"alloc":1099511627776,"free":2886218022912,"frag":3,"dedup":1.0,"health":"ONLINE"}]""");
        pack.proxmox().respond("GET", "/nodes/pve1/disks/zfs/tank", """
                {"name":"tank","state":"DEGRADED","status":"One or more devices has been removed.","action":"Online the device.",
                 "scan":"scrub repaired 0B in 01:02:03","errors":"No known data errors",
                 "children":[{"name":"tank","state":"DEGRADED","read":0,"write":0,"cksum":0,
                   "children":[{"name":"mirror-0","state":"DEGRADED","read":0,"write":0,"cksum":0,
                     "children":[{"name":"sdb","state":"ONLINE","read":0,"write":0,"cksum":0},
                                 {"name":"sdc","state":"REMOVED","read":0,"write":0,"cksum":0,"msg":"was /dev/sdc1"}]}]}]}""");

        assertOk("""
                POOL  HEALTH  SIZE     ALLOC    FREE     FRAG  DEDUP
                tank  ONLINE  3.6 TiB  1.0 TiB  2.6 TiB  3%    1""", pack.call("proxmox_storage_disk_list", "{\"node\":\"pve1\",\"view\":\"zfs\"}"));
        assertOk("""
                tank: DEGRADED
                status: One or more devices has been removed.
                action: Online the device.
                scan: scrub repaired 0B in 01:02:03
                errors: No known data errors
                VDEV        STATE     READ  WRITE  CKSUM  MSG
                tank        DEGRADED  0     0      0      -
                  mirror-0  DEGRADED  0     0      0      -
                    sdb     ONLINE    0     0      0      -
                    sdc     REMOVED   0     0      0      was /dev/sdc1""",
                pack.call("proxmox_storage_disk_list", "{\"node\":\"pve1\",\"view\":\"zfs\",\"name\":\"tank\"}"));
    }

    @Test
    void smartShowsAttributesOrTheNvmeLog() {
        pack.proxmox().respond("GET", "/nodes/pve1/disks/smart", Map.of("disk", "/dev/sdb"), """
                {"health":"PASSED","type":"ata","attributes":[
                  {"id":"  5","name":"Reallocated_Sector_Ct","value":200,"worst":200,"threshold":140,"raw":"0","fail":"-","flags":"PO--CK"},
                  {"id":"194","name":"Temperature_Celsius","value":116,"worst":104,"threshold":0,"raw":"34","fail":"-","flags":"-O---K"}]}""");
        pack.proxmox().respond("GET", "/nodes/pve1/disks/smart", Map.of("disk", "/dev/nvme0n1"), """
                {"health":"PASSED","type":"text","text":"Critical Warning: 0x00\\nTemperature: 38 Celsius\\n"}""");

        assertOk("""
                /dev/sdb: health PASSED
                ID   ATTRIBUTE              VALUE  WORST  THRESH  RAW  FAIL
                  5  Reallocated_Sector_Ct  200    200    140     0    -
                194  Temperature_Celsius    116    104    0       34   -""",
                pack.call("proxmox_storage_disk_smart", "{\"node\":\"pve1\",\"disk\":\"/dev/sdb\"}"));
        assertOk("""
                /dev/nvme0n1: health PASSED
                Critical Warning: 0x00
                Temperature: 38 Celsius""", pack.call("proxmox_storage_disk_smart", "{\"node\":\"pve1\",\"disk\":\"/dev/nvme0n1\"}"));
        assertEquals(Map.of("disk", "/dev/sdb"), pack.request(0).query());
    }

    @Test
    void createZfsSendsDevicesRaidLevelAndOptions() {
        pack.taskEndsOk("POST", "/nodes/pve1/disks/zfs");

        assertOk("creation of zfs tank on pve1: task OK (" + UPID + ")", pack.call("proxmox_storage_disk_manage", """
                {"action":"create","node":"pve1","type":"zfs","name":"tank","devices":["/dev/sdb","/dev/sdc"],"raidlevel":"mirror",
                 "add_storage":true,"options":{"ashift":12,"compression":"zstd"}}"""));
        assertRequest(pack.startedAndAwaited("POST", "/nodes/pve1/disks/zfs"), Map.of(), Map.of("name", "tank",
                "devices", "/dev/sdb,/dev/sdc", "raidlevel", "mirror", "ashift", "12", "compression", "zstd", "add_storage", "1"));
    }

    @Test
    void createLvmThinAndDirectoryTakeOneDevice() {
        pack.taskEndsOk("POST", "/nodes/pve1/disks/lvmthin");
        pack.taskEndsOk("POST", "/nodes/pve1/disks/directory");

        pack.ok("proxmox_storage_disk_manage", "{\"action\":\"create\",\"node\":\"pve1\",\"type\":\"lvmthin\",\"name\":\"fast\",\"devices\":[\"/dev/nvme1n1\"]}");
        assertRequest(pack.startedAndAwaited("POST", "/nodes/pve1/disks/lvmthin"), Map.of(), Map.of("name", "fast", "device", "/dev/nvme1n1"));
        pack.proxmox().reset();
        pack.taskEndsOk("POST", "/nodes/pve1/disks/directory");
        pack.ok("proxmox_storage_disk_manage", """
                {"action":"create","node":"pve1","type":"directory","name":"bulk","devices":["/dev/sdd"],"options":{"filesystem":"xfs"},
                 "add_storage":false}""");
        assertRequest(pack.startedAndAwaited("POST", "/nodes/pve1/disks/directory"), Map.of(),
                Map.of("name", "bulk", "device", "/dev/sdd", "filesystem", "xfs", "add_storage", "0"));
    }

    @Test
    void deleteNeedsConfirmAndSendsItsCleanupInTheQuery() {
        pack.refusedWithoutConfirm("proxmox_storage_disk_manage", "{\"action\":\"delete\",\"node\":\"pve1\",\"type\":\"zfs\",\"name\":\"tank\"}");

        pack.taskEndsOk("DELETE", "/nodes/pve1/disks/zfs/tank");
        assertOk("deletion of zfs tank on pve1: task OK (" + UPID + ")", pack.call("proxmox_storage_disk_manage", """
                {"action":"delete","node":"pve1","type":"zfs","name":"tank","options":{"cleanup-config":true,"cleanup-disks":true},
                 "confirm":true}"""));
        assertRequest(pack.startedAndAwaited("DELETE", "/nodes/pve1/disks/zfs/tank"), Map.of("cleanup-config", "1", "cleanup-disks", "1"),
                Map.of());

        pack.proxmox().reset();
        pack.taskEndsOk("DELETE", "/nodes/pve1/disks/lvmthin/fast");
        pack.ok("proxmox_storage_disk_manage",
                "{\"action\":\"delete\",\"node\":\"pve1\",\"type\":\"lvmthin\",\"name\":\"fast\",\"volume-group\":\"fast\",\"confirm\":true}");
        assertRequest(pack.startedAndAwaited("DELETE", "/nodes/pve1/disks/lvmthin/fast"), Map.of("volume-group", "fast"), Map.of());
    }

    @Test
    void manageChecksEachTypesArguments() {
        pack.invalid("proxmox_storage_disk_manage", "{\"action\":\"create\",\"node\":\"pve1\",\"name\":\"tank\"}",
                "type and name are required for action=create");
        pack.invalid("proxmox_storage_disk_manage", "{\"action\":\"create\",\"node\":\"pve1\",\"type\":\"zfs\",\"name\":\"tank\",\"devices\":[\"/dev/sdb\"]}",
                "type=zfs needs devices and raidlevel");
        pack.invalid("proxmox_storage_disk_manage", """
                {"action":"create","node":"pve1","type":"zfs","name":"tank","devices":["/dev/sdb"],"raidlevel":"raid5"}""",
                "raidlevel must be one of [draid, draid2, draid3, mirror, raid10, raidz, raidz2, raidz3, single]");
        pack.invalid("proxmox_storage_disk_manage", """
                {"action":"create","node":"pve1","type":"lvm","name":"vg1","devices":["/dev/sdb","/dev/sdc"]}""",
                "devices must hold exactly one disk for action=create type=lvm");
        pack.invalid("proxmox_storage_disk_manage", """
                {"action":"create","node":"pve1","type":"lvm","name":"vg1","devices":["/dev/../etc/passwd"]}""",
                "devices must be a block device such as /dev/sdb or /dev/nvme0n1");
        pack.invalid("proxmox_storage_disk_manage", """
                {"action":"create","node":"pve1","type":"lvm","name":"vg1","devices":["/dev/sdb"],"options":{"filesystem":"xfs"}}""",
                "options [filesystem] do not apply here");
        pack.invalid("proxmox_storage_disk_manage", """
                {"action":"delete","node":"pve1","type":"lvmthin","name":"fast","confirm":true}""",
                "volume-group is required to delete a thin pool");
        pack.invalid("proxmox_storage_disk_manage", """
                {"action":"delete","node":"pve1","type":"zfs","name":"tank","devices":["/dev/sdb"],"confirm":true}""",
                "action=delete takes type, name, volume-group (lvmthin) and options");
        pack.invalid("proxmox_storage_disk_manage", "{\"action\":\"delete\",\"node\":\"pve1\",\"type\":\"zfs\",\"name\":\"a/b\",\"confirm\":true}",
                "name: must be a storage id");
    }

    @Test
    void wipeAndInitGptNeedConfirm() {
        pack.refusedWithoutConfirm("proxmox_storage_disk_prepare", "{\"action\":\"wipe\",\"node\":\"pve1\",\"disk\":\"/dev/sdb\"}");
        pack.refusedWithoutConfirm("proxmox_storage_disk_prepare", "{\"action\":\"initgpt\",\"node\":\"pve1\",\"disk\":\"/dev/sdb\"}");

        pack.taskEndsOk("PUT", "/nodes/pve1/disks/wipedisk");
        assertOk("wipe of /dev/sdb on pve1: task OK (" + UPID + ")",
                pack.call("proxmox_storage_disk_prepare", "{\"action\":\"wipe\",\"node\":\"pve1\",\"disk\":\"/dev/sdb\",\"confirm\":true}"));
        assertRequest(pack.startedAndAwaited("PUT", "/nodes/pve1/disks/wipedisk"), Map.of(), Map.of("disk", "/dev/sdb"));

        pack.proxmox().reset();
        pack.taskEndsOk("POST", "/nodes/pve1/disks/initgpt");
        assertOk("GPT initialisation of /dev/sdb on pve1: task OK (" + UPID + ")",
                pack.call("proxmox_storage_disk_prepare", "{\"action\":\"initgpt\",\"node\":\"pve1\",\"disk\":\"/dev/sdb\",\"confirm\":true}"));
        assertRequest(pack.startedAndAwaited("POST", "/nodes/pve1/disks/initgpt"), Map.of(), Map.of("disk", "/dev/sdb"));
    }

    @Test
    void badDisksAndNodesSendNothing() {
        pack.invalid("proxmox_storage_disk_prepare", "{\"action\":\"wipe\",\"node\":\"pve1\",\"disk\":\"sdb\",\"confirm\":true}",
                "disk must be a block device");
        pack.invalid("proxmox_storage_disk_smart", "{\"node\":\"pve1\",\"disk\":\"/dev/sd b\"}", "disk must be a block device");
        pack.invalid("proxmox_storage_disk_list", "{\"node\":\"pve1/../x\"}", "node: must be a node name");
        pack.invalid("proxmox_storage_disk_list", "{\"node\":\"pve1\",\"view\":\"lvm\",\"name\":\"tank\"}", "name is for view=zfs");
        pack.invalid("proxmox_storage_disk_list", "{\"node\":\"pve1\",\"view\":\"zfs\",\"name\":\"../x\"}", "name: must be a storage id");
    }

    @Test
    void aDiskInUseIsRefusedByProxmox() {
        pack.proxmox().fail("PUT", "/nodes/pve1/disks/wipedisk", 500, "disk/partition '/dev/sda3' is in use", Map.of());

        assertEquals("Proxmox API error 500: disk/partition '/dev/sda3' is in use", pack.error("proxmox_storage_disk_prepare",
                "{\"action\":\"wipe\",\"node\":\"pve1\",\"disk\":\"/dev/sda3\",\"confirm\":true}").text());
    }
}
