package io.github.proxmoxmcp.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Proxmox VE release the sandbox answers as: what {@code /version}, node status and APT report. */
record PveVersion(int major, String version, String release, String repoid, String kernel, String kernelBuild,
                  String codename, String ceph, List<String[]> packages, List<String[]> updates) {

    static final PveVersion PVE9 = new PveVersion(9, "9.1.1", "9.1", "42db4a6cf33dac83", "6.17.2-1-pve",
            "#1 SMP PREEMPT_DYNAMIC PMX 6.17.2-1 (2025-10-21T11:55Z)", "trixie", "19.2.3",
            List.of(new String[] {"proxmox-ve", "9.1.0", "Proxmox Virtual Environment"},
                    new String[] {"pve-manager", "9.1.1", "Proxmox Virtual Environment Management Tools"},
                    new String[] {"proxmox-kernel-helper", "9.0.4", "Function for various kernel maintenance tasks"},
                    new String[] {"proxmox-kernel-6.17.2-1-pve-signed", "6.17.2-1", "Proxmox Kernel Image (signed)"},
                    new String[] {"ceph-fuse", "19.2.3-pve2", "FUSE-based client for the Ceph distributed file system"},
                    new String[] {"corosync", "3.1.9-pve2", "cluster engine daemon and utilities"},
                    new String[] {"libpve-storage-perl", "9.1.0", "Proxmox VE storage management library"},
                    new String[] {"lxc-pve", "6.0.5-3", "Linux containers userspace tools"},
                    new String[] {"proxmox-backup-client", "4.0.20-1", "Proxmox Backup Client tools"},
                    new String[] {"pve-cluster", "9.0.7", "Cluster Infrastructure for Proxmox Virtual Environment"},
                    new String[] {"pve-container", "6.0.18", "Proxmox VE Container management tool"},
                    new String[] {"pve-firewall", "6.0.4", "Proxmox VE Firewall"},
                    new String[] {"pve-ha-manager", "5.0.8", "Proxmox VE HA Manager"},
                    new String[] {"pve-qemu-kvm", "10.1.2-4", "Full virtualization on x86 hardware"},
                    new String[] {"qemu-server", "9.0.30", "Qemu Server Tools"},
                    new String[] {"zfsutils-linux", "2.3.4-pve1", "command-line tools to manage OpenZFS filesystems"}),
            List.of(new String[] {"pve-qemu-kvm", "10.1.2-5", "Full virtualization on x86 hardware", "10.1.2-4", "Proxmox"},
                    new String[] {"libpve-storage-perl", "9.1.1", "Proxmox VE storage management library", "9.1.0", "Proxmox"},
                    new String[] {"openssl", "3.5.4-1~deb13u1", "Secure Sockets Layer toolkit - cryptographic utility",
                            "3.5.1-1", "Debian"}));

    static final PveVersion PVE8 = new PveVersion(8, "8.4.14", "8.4", "b502d23c55afcba1", "6.8.12-15-pve",
            "#1 SMP PREEMPT_DYNAMIC PMX 6.8.12-15 (2025-09-12T11:02Z)", "bookworm", "18.2.7",
            List.of(new String[] {"proxmox-ve", "8.4.0", "Proxmox Virtual Environment"},
                    new String[] {"pve-manager", "8.4.14", "Proxmox Virtual Environment Management Tools"},
                    new String[] {"proxmox-kernel-helper", "8.1.4", "Function for various kernel maintenance tasks"},
                    new String[] {"proxmox-kernel-6.8.12-15-pve-signed", "6.8.12-15", "Proxmox Kernel Image (signed)"},
                    new String[] {"ceph-fuse", "18.2.7-pve1", "FUSE-based client for the Ceph distributed file system"},
                    new String[] {"corosync", "3.1.9-pve1", "cluster engine daemon and utilities"},
                    new String[] {"libpve-storage-perl", "8.3.7", "Proxmox VE storage management library"},
                    new String[] {"lxc-pve", "6.0.0-1", "Linux containers userspace tools"},
                    new String[] {"proxmox-backup-client", "3.4.7-1", "Proxmox Backup Client tools"},
                    new String[] {"pve-cluster", "8.1.2", "Cluster Infrastructure for Proxmox Virtual Environment"},
                    new String[] {"pve-container", "5.3.3", "Proxmox VE Container management tool"},
                    new String[] {"pve-firewall", "5.1.2", "Proxmox VE Firewall"},
                    new String[] {"pve-ha-manager", "4.0.7", "Proxmox VE HA Manager"},
                    new String[] {"pve-qemu-kvm", "9.2.0-7", "Full virtualization on x86 hardware"},
                    new String[] {"qemu-server", "8.4.4", "Qemu Server Tools"},
                    new String[] {"zfsutils-linux", "2.2.8-pve1", "command-line tools to manage OpenZFS filesystems"}),
            List.of(new String[] {"pve-qemu-kvm", "9.2.0-8", "Full virtualization on x86 hardware", "9.2.0-7", "Proxmox"},
                    new String[] {"libpve-storage-perl", "8.3.8", "Proxmox VE storage management library", "8.3.7", "Proxmox"},
                    new String[] {"openssl", "3.0.17-1~deb12u3", "Secure Sockets Layer toolkit - cryptographic utility",
                            "3.0.16-1~deb12u1", "Debian"}));

    static PveVersion of(int major) {
        return switch (major) {
            case 8 -> PVE8;
            case 9 -> PVE9;
            default -> throw new IllegalArgumentException("the sandbox answers as Proxmox VE 8 or 9, not " + major);
        };
    }

    /** {@code GET /version}. */
    Map<String, Object> versionInfo() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", version);
        m.put("release", release);
        m.put("repoid", repoid);
        return m;
    }

    /** The {@code proxmox-ve} package version. */
    String proxmoxVe() {
        return packages.getFirst()[1];
    }

    /** {@code ceph version 19.2.3 (...) squid (stable)}. */
    String cephVersionText() {
        String hash = major >= 9 ? "c92aebb279828e9c3c1f5d24613efca272649e62" : "2ee9cd3f3a41e7a7f1e5e0a2a1e2b77f8a4e3c2d";
        return "ceph version " + ceph + " (" + hash + ") " + cephCodename() + " (stable)";
    }

    String cephCodename() {
        return ceph.startsWith("19.") ? "squid" : "reef";
    }
}
