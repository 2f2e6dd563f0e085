package io.github.proxmoxmcp.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cluster a sandbox starts with: three nodes, three storages, a handful of guests, a template and backups. */
final class SeedData {

    private static final long GIB = 1024L * 1024 * 1024;
    private static final long DAY = 86_400;
    private static final DateTimeFormatter BACKUP_TIME =
            DateTimeFormatter.ofPattern("yyyy_MM_dd-HH_mm_ss").withZone(ZoneOffset.UTC);

    private SeedData() {
    }

    static void populate(Cluster c) {
        long now = c.now();
        c.nodes.put("pve1", new NodeState("pve1", 1, "192.168.1.11", 16, 64 * GIB, 0.071, 21 * GIB, now - 12 * DAY - 3600));
        c.nodes.put("pve2", new NodeState("pve2", 2, "192.168.1.12", 16, 64 * GIB, 0.124, 28 * GIB, now - 12 * DAY - 1800));
        c.nodes.put("pve3", new NodeState("pve3", 3, "192.168.1.13", 8, 32 * GIB, 0.018, 5 * GIB, now - 3 * DAY - 600));

        StorageCollections.seed(c);
        NodeDisks.seed(c);
        c.capacity.put("local", new long[] {94 * GIB, 11 * GIB});
        c.capacity.put("local-lvm", new long[] {350 * GIB, 0});
        c.capacity.put("nfs-shared", new long[] {1024 * GIB, 855 * GIB});


        for (String node : c.nodes.keySet()) {
            long t = now - 40 * DAY;
            c.volumes.add(Volume.file("local", node, "local:iso/debian-12.8.0-amd64-netinst.iso", "iso", "iso", 661_651_456L, t));
            c.volumes.add(Volume.file("local", node, "local:iso/ubuntu-24.04.1-live-server-amd64.iso", "iso", "iso", 2_773_874_688L, t + 3600));
            c.volumes.add(Volume.file("local", node, "local:vztmpl/alpine-3.20-default_20240908_amd64.tar.xz", "vztmpl", "txz", 3_097_564L, t + 7200));
            c.volumes.add(Volume.file("local", node, "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst", "vztmpl", "tzst", 126_022_108L, t + 7300));
            c.volumes.add(Volume.file("local", node, "local:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst", "vztmpl", "tzst", 141_589_318L, t + 7400));
        }
        c.volumes.add(Volume.file("nfs-shared", null, "nfs-shared:iso/virtio-win-0.1.262.iso", "iso", "iso", 726_364_160L, now - 30 * DAY));

        Guest web = qemu(c, 100, "pve1", "web01", 2, 4096, "prod;web");
        web.config.put("agent", "1");
        web.config.put("onboot", "1");
        web.config.put("scsi0", "local-lvm:vm-100-disk-0,iothread=1,size=32G");
        web.config.put("ide2", "none,media=cdrom");
        web.config.put("boot", "order=scsi0;ide2;net0");
        running(web, now - 5 * DAY, 0.043, 0.52);
        web.pool = "production";
        Map<String, String> before = new LinkedHashMap<>(web.config);
        web.snapshots.add(new Guest.Snapshot("pre-upgrade", "Before apt full-upgrade", now - 9 * DAY, null, false, before));
        web.parentSnapshot = "pre-upgrade";

        Guest db = qemu(c, 101, "pve2", "db01", 4, 8192, "db;prod");
        db.config.put("agent", "1");
        db.config.put("onboot", "1");
        db.config.put("scsi0", "nfs-shared:101/vm-101-disk-0.qcow2,iothread=1,size=64G");
        db.config.put("boot", "order=scsi0;net0");
        running(db, now - 11 * DAY, 0.187, 0.81);
        db.pool = "production";

        Guest win = qemu(c, 102, "pve1", "win-test", 4, 8192, "test");
        win.config.put("ostype", "win11");
        win.config.put("bios", "ovmf");
        win.config.put("machine", "pc-q35-9.2+pve1");
        win.config.put("efidisk0", "local-lvm:vm-102-disk-0,efitype=4m,pre-enrolled-keys=1,size=4M");
        win.config.put("sata0", "local-lvm:vm-102-disk-1,size=64G");
        win.config.put("tpmstate0", "local-lvm:vm-102-disk-2,size=4M,version=v2.0");
        win.config.put("ide0", "nfs-shared:iso/virtio-win-0.1.262.iso,media=cdrom,size=709340K");
        win.config.put("net0", "e1000=" + c.mac() + ",bridge=vmbr0");
        win.config.put("boot", "order=sata0;ide0;net0");
        win.config.put("scsihw", "virtio-scsi-single");

        Guest dns = lxc(c, 103, "pve2", "dns01", 1, 512, "infra", "debian", "local-lvm:vm-103-disk-0,size=8G",
                "ip=192.168.1.53/24,gw=192.168.1.1");
        dns.config.put("onboot", "1");
        running(dns, now - 11 * DAY, 0.004, 0.21);

        Guest build = lxc(c, 104, "pve3", "build01", 4, 4096, "dev", "ubuntu", "local-lvm:vm-104-disk-0,size=16G", "ip=dhcp");
        build.pool = "development";

        Guest gpu = qemu(c, 105, "pve3", "gpu-render", 8, 16384, "dev");
        gpu.config.put("machine", "q35");
        gpu.config.put("hostpci0", "0000:41:00.0,pcie=1");
        gpu.config.put("scsi0", "local-lvm:vm-105-disk-0,iothread=1,size=100G");
        gpu.config.put("boot", "order=scsi0");
        gpu.pool = "development";

        Guest legacy = qemu(c, 106, "pve2", "legacy-app", 1, 2048, "legacy");
        legacy.config.put("agent", "1");
        legacy.config.put("scsi0", "local-lvm:vm-106-disk-0,size=20G");
        legacy.config.put("boot", "order=scsi0");
        legacy.agentInstalled = false;
        running(legacy, now - 2 * DAY, 0.012, 0.33);

        Guest template = qemu(c, 9000, "pve1", "debian-12-cloud", 2, 2048, "template");
        template.config.put("agent", "1");
        template.config.put("scsi0", "local-lvm:base-9000-disk-0,size=3G");
        template.config.put("ide2", "local-lvm:vm-9000-cloudinit,media=cdrom");
        template.config.put("boot", "order=scsi0");
        template.config.put("scsihw", "virtio-scsi-pci");
        template.config.put("serial0", "socket");
        template.config.put("vga", "serial0");
        template.config.put("ciuser", "debian");
        template.config.put("ipconfig0", "ip=dhcp");
        template.config.put("description", "Debian 12 generic cloud image, cloud-init ready");
        template.config.put("template", "1");

        long lastNight = (now / DAY) * DAY - DAY + 2 * 3600;
        backup(c, "local", "pve1", web, lastNight + 3, 2_474_019_102L);
        backup(c, "nfs-shared", null, db, lastNight + 154, 9_811_224_576L);
        backup(c, "nfs-shared", null, dns, lastNight + 611, 412_114_330L);
        for (int day = 1; day <= 4; day++) {
            backup(c, "nfs-shared", null, db, lastNight - day * DAY + 154, 9_811_224_576L - day * 31_457_280L);
        }
        backup(c, "nfs-shared", null, db, lastNight - 30 * DAY + 154, 9_126_805_504L);
        Volume beforeUpgrade = c.volumes.removeLast();
        c.volumes.add(beforeUpgrade.withAttributes("db01 before the PostgreSQL 16 upgrade", true));

        c.pastTask("pve1", "vzdump", "", lastNight, 150, "OK", "INFO: starting new backup job: vzdump 100 --storage local --mode snapshot --compress zstd",
                "INFO: Starting Backup of VM 100 (qemu)", "INFO: Finished Backup of VM 100 (00:02:30)", "INFO: Backup job finished successfully");
        c.pastTask("pve2", "vzdump", "", lastNight + 150, 470, "OK", "INFO: starting new backup job: vzdump 101 103 --storage nfs-shared --mode snapshot --compress zstd",
                "INFO: Starting Backup of VM 101 (qemu)", "INFO: Finished Backup of VM 101 (00:07:37)",
                "INFO: Starting Backup of VM 103 (lxc)", "INFO: Finished Backup of VM 103 (00:00:13)", "INFO: Backup job finished successfully");
        for (String node : c.nodes.keySet()) {
            c.pastTask(node, "aptupdate", "", lastNight + 3 * 3600 + c.nodes.get(node).index * 60, 9, "OK",
                    "starting apt-get update", "Hit:1 http://deb.debian.org/debian " + c.pve.codename() + " InRelease", "Reading package lists...");
        }
        c.pastTask("pve1", "qmstart", "100", now - 5 * DAY, 2, "OK");
        c.pastTask("pve3", "qmstart", "105", now - 4 * DAY, 1, "no PCI device found for '0000:41:00.0'");
    }

    private static Guest qemu(Cluster c, int vmid, String node, String name, int cores, int memory, String tags) {
        Guest g = new Guest(vmid, "qemu", node);
        g.config.put("name", name);
        g.config.put("cores", String.valueOf(cores));
        g.config.put("sockets", "1");
        g.config.put("memory", String.valueOf(memory));
        g.config.put("cpu", "x86-64-v2-AES");
        g.config.put("ostype", "l26");
        g.config.put("numa", "0");
        g.config.put("scsihw", "virtio-scsi-single");
        g.config.put("net0", "virtio=" + c.mac() + ",bridge=vmbr0,firewall=1");
        g.config.put("smbios1", "uuid=" + c.uuid());
        g.config.put("vmgenid", c.uuid());
        g.config.put("meta", "creation-qemu=9.2.0,ctime=" + (c.now() - 60 * DAY + vmid));
        g.config.put("tags", tags);
        c.guests.put(vmid, g);
        return g;
    }

    private static Guest lxc(Cluster c, int vmid, String node, String hostname, int cores, int memory, String tags,
                             String ostype, String rootfs, String ip) {
        Guest g = new Guest(vmid, "lxc", node);
        g.config.put("arch", "amd64");
        g.config.put("cores", String.valueOf(cores));
        g.config.put("features", "nesting=1");
        g.config.put("hostname", hostname);
        g.config.put("memory", String.valueOf(memory));
        g.config.put("swap", "512");
        g.config.put("net0", "name=eth0,bridge=vmbr0,firewall=1,hwaddr=" + c.mac() + "," + ip + ",type=veth");
        g.config.put("ostype", ostype);
        g.config.put("rootfs", rootfs);
        g.config.put("unprivileged", "1");
        g.config.put("tags", tags);
        c.guests.put(vmid, g);
        return g;
    }

    private static void running(Guest g, long since, double cpu, double mem) {
        g.status = "running";
        g.startedAt = since;
        g.cpuLoad = cpu;
        g.memLoad = mem;
    }

    static void backup(Cluster c, String storage, String node, Guest guest, long ctime, long size) {
        String ext = guest.isQemu() ? "vma.zst" : "tar.zst";
        String volid = storage + ":backup/vzdump-" + guest.type + "-" + guest.vmid + "-"
                + BACKUP_TIME.format(Instant.ofEpochSecond(ctime)) + "." + ext;
        c.volumes.add(new Volume(storage, c.storage(storage).shared() ? null : node, volid, "backup", ext, size, ctime,
                guest.vmid, guest.name(), guest.type, new LinkedHashMap<>(guest.config), false));
    }
}
