package io.github.proxmoxmcp.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The disks of one node and what is made on them: LVM volume groups, LVM thin pools, ZFS pools and directories
 * (mounted filesystems). Every node boots from a disk whose third partition holds the {@code pve} volume group with
 * the {@code data} thin pool behind {@code local-lvm}.
 */
final class NodeDisks {

    static final long GB = 1_000_000_000L;

    /** A whole disk. {@code used} is null while nothing is on it; {@code wearout} is -1 where it does not apply. */
    static final class Disk {
        final String devpath;
        final String type;
        final long size;
        final String model;
        final String serial;
        final String wwn;
        final int wearout;
        final String health;
        String used;
        boolean gpt;

        Disk(String devpath, String type, long size, String model, String serial, int wearout, String health, String used) {
            this.devpath = devpath;
            this.type = type;
            this.size = size;
            this.model = model;
            this.serial = serial;
            this.wwn = "0x5" + Configs.sha1(devpath + serial).substring(0, 15);
            this.wearout = wearout;
            this.health = health;
            this.used = used;
            this.gpt = used != null;
        }
    }

    /**
     * Something made on disks: {@code kind} lvm, lvmthin, zfs or directory; a thin pool names its volume group in
     * {@code vg}; a zpool its raid level, a directory its filesystem in {@code detail}.
     */
    record Made(String kind, String name, String vg, List<String> devices, String detail, long size) {
    }

    final List<Disk> disks = new ArrayList<>();
    final List<Made> made = new ArrayList<>();

    Disk disk(String devpath) {
        for (Disk disk : disks) {
            if (disk.devpath.equals(devpath)) {
                return disk;
            }
        }
        return null;
    }

    Made find(String kind, String name, String vg) {
        for (Made m : made) {
            if (m.kind().equals(kind) && m.name().equals(name) && (vg == null || vg.equals(m.vg()))) {
                return m;
            }
        }
        return null;
    }

    static void seed(Cluster c) {
        NodeDisks pve1 = new NodeDisks();
        pve1.boot(new Disk("/dev/sda", "ssd", 500_107_862_016L, "Samsung SSD 870 EVO 500GB", "S62ANJ0R412345X", 97, "PASSED", "partitions"), "/dev/sda3");
        pve1.disks.add(new Disk("/dev/sdb", "hdd", 4_000_787_030_016L, "WDC WD40EFZX-68AWUN0", "WD-WX12D80ABCDE", -1, "PASSED", null));
        pve1.disks.add(new Disk("/dev/sdc", "hdd", 4_000_787_030_016L, "WDC WD40EFZX-68AWUN0", "WD-WX12D80FGHIJ", -1, "PASSED", null));
        c.disks.put("pve1", pve1);
        NodeDisks pve2 = new NodeDisks();
        pve2.boot(new Disk("/dev/nvme0n1", "nvme", 1_000_204_886_016L, "Samsung SSD 980 PRO 1TB", "S5GXNF0R998877K", 91, "PASSED", "partitions"), "/dev/nvme0n1p3");
        pve2.disks.add(new Disk("/dev/sdb", "ssd", 960_197_124_096L, "INTEL SSDSC2KB960G8", "PHYF1234005Y960CGN", 100, "PASSED", null));
        c.disks.put("pve2", pve2);
        NodeDisks pve3 = new NodeDisks();
        pve3.boot(new Disk("/dev/sda", "ssd", 240_057_409_536L, "CT240BX500SSD1", "2145E5D1A2B3", 64, "PASSED", "partitions"), "/dev/sda3");
        pve3.disks.add(new Disk("/dev/sdb", "hdd", 2_000_398_934_016L, "ST2000DM008-2FR102", "ZFL1ABCD", -1, "FAILED", null));
        c.disks.put("pve3", pve3);
    }

    private void boot(Disk disk, String partition) {
        disks.add(disk);
        made.add(new Made("lvm", "pve", null, List.of(partition), null, disk.size - 2 * GB));
        made.add(new Made("lvmthin", "data", "pve", List.of(partition), null, 350L << 30));
    }
}
