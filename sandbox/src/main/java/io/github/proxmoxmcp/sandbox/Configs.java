package io.github.proxmoxmcp.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Guest configuration text, digests, disks and sizes, the way Proxmox writes and reads them. */
final class Configs {

    record Disk(String key, String volid, String storage, String volname, long size, boolean cdrom) {
    }

    static final Pattern DISK_KEY = Pattern.compile("(ide|sata|scsi|virtio|efidisk|tpmstate|unused|mp)\\d+|rootfs");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)([KMGT]?)");

    /** Keys whose values Proxmox returns as numbers rather than strings in a config read. */
    static final Set<String> NUMERIC = Set.of("cores", "sockets", "vcpus", "balloon", "cpuunits", "shares", "onboot",
            "protection", "template", "numa", "acpi", "kvm", "tablet", "swap", "tty", "unprivileged", "ciupgrade",
            "console", "reboot", "localtime", "freeze", "debug");

    private Configs() {
    }

    static boolean isDiskKey(String key) {
        return DISK_KEY.matcher(key).matches();
    }

    /** The volume of a disk value: {@code local-lvm:vm-100-disk-0,size=32G} gives {@code local-lvm:vm-100-disk-0}. */
    static String volume(String value) {
        String first = value.split(",", 2)[0];
        if (first.startsWith("file=") || first.startsWith("volume=")) {
            first = first.substring(first.indexOf('=') + 1);
        }
        return first;
    }

    static String option(String value, String name) {
        for (String part : value.split(",")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return null;
    }

    /** A property string {@code a=1,b=2} as a map (a bare value goes under {@code default}). */
    static Map<String, String> propertyString(String value) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String part : value.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                out.put("default", part);
            } else {
                out.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return out;
    }

    static String withOption(String value, String name, String newValue) {
        List<String> parts = new ArrayList<>(List.of(value.split(",")));
        boolean replaced = false;
        for (int i = 1; i < parts.size(); i++) {
            if (parts.get(i).startsWith(name + "=")) {
                parts.set(i, name + "=" + newValue);
                replaced = true;
            }
        }
        if (!replaced) {
            parts.add(name + "=" + newValue);
        }
        return String.join(",", parts);
    }

    /** Whether a NIC value carries its MAC: {@code virtio=MAC,...} or {@code macaddr=} for QEMU, {@code hwaddr=} for LXC. */
    static boolean hasMac(String net, boolean qemu) {
        if (!qemu) {
            return option(net, "hwaddr") != null;
        }
        String first = net.split(",", 2)[0];
        return option(net, "macaddr") != null || first.contains("=") && !first.startsWith("model=") && !first.startsWith("bridge=");
    }

    /** The NIC with this MAC, replacing any it had (QEMU keeps it beside the model, {@code virtio=MAC}). */
    static String withMac(String net, boolean qemu, String mac) {
        if (!qemu) {
            return withOption(net, "hwaddr", mac);
        }
        if (option(net, "macaddr") != null) {
            return withOption(net, "macaddr", mac);
        }
        String first = net.split(",", 2)[0];
        String model = first.startsWith("model=") ? first.substring(6) : first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
        return withVolume(net, model + "=" + mac);
    }

    /**
     * The machine type a running QEMU VM reports: a versioned type as configured, else the newest of its family
     * ({@code q35} runs as {@code pc-q35-10.1+pve0}, {@code pc} or none as {@code pc-i440fx-10.1+pve0}).
     */
    static String runningMachine(String machine) {
        String type = machine == null ? "pc" : machine.split(",", 2)[0];
        if (type.startsWith("type=")) {
            type = type.substring(5);
        }
        return switch (type) {
            case "q35" -> "pc-q35-10.1+pve0";
            case "pc", "" -> "pc-i440fx-10.1+pve0";
            case "virt" -> "virt-10.1+pve0";
            default -> type;
        };
    }

    static String withVolume(String value, String volid) {
        String[] parts = value.split(",", 2);
        return parts.length == 1 ? volid : volid + "," + parts[1];
    }

    static List<Disk> disks(Map<String, String> config) {
        List<Disk> disks = new ArrayList<>();
        for (Map.Entry<String, String> e : config.entrySet()) {
            if (!isDiskKey(e.getKey())) {
                continue;
            }
            String volid = volume(e.getValue());
            boolean cdrom = "cdrom".equals(option(e.getValue(), "media")) && !volid.contains("cloudinit");
            if (volid.equals("none") || volid.equals("cdrom") || !volid.contains(":")) {
                continue;
            }
            String size = option(e.getValue(), "size");
            int colon = volid.indexOf(':');
            disks.add(new Disk(e.getKey(), volid, volid.substring(0, colon), volid.substring(colon + 1),
                    size == null ? (volid.contains("cloudinit") ? 4L * 1024 * 1024 : 0) : parseSize(size), cdrom));
        }
        return disks;
    }

    static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(text);
        }
        double number = Double.parseDouble(m.group(1));
        long unit = switch (m.group(2)) {
            case "K" -> 1024L;
            case "M" -> 1024L * 1024;
            case "G" -> 1024L * 1024 * 1024;
            case "T" -> 1024L * 1024 * 1024 * 1024;
            default -> 1L;
        };
        return (long) (number * unit);
    }

    static boolean isSize(String text) {
        return SIZE.matcher(text.trim().toUpperCase(Locale.ROOT)).matches();
    }

    static String formatSize(long bytes) {
        long g = 1024L * 1024 * 1024;
        if (bytes % (g * 1024) == 0 && bytes > 0) {
            return bytes / (g * 1024) + "T";
        }
        if (bytes % g == 0) {
            return bytes / g + "G";
        }
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + "M";
        }
        return bytes / 1024 + "K";
    }

    static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    /** The configuration file text: sorted keys, then the pending section, then one section per snapshot. */
    static String text(Guest guest) {
        StringBuilder out = new StringBuilder();
        appendSection(out, guest.config);
        if (guest.parentSnapshot != null) {
            out.append("parent: ").append(guest.parentSnapshot).append('\n');
        }
        if (!guest.pending.isEmpty() || !guest.pendingDelete.isEmpty()) {
            out.append("\n[PENDING]\n");
            appendSection(out, guest.pending);
            if (!guest.pendingDelete.isEmpty()) {
                out.append("delete: ").append(String.join(",", guest.pendingDelete)).append('\n');
            }
        }
        for (Guest.Snapshot snapshot : guest.snapshots) {
            out.append("\n[").append(snapshot.name()).append("]\n");
            appendSection(out, snapshot.config());
            if (snapshot.parent() != null) {
                out.append("parent: ").append(snapshot.parent()).append('\n');
            }
            out.append("snaptime: ").append(snapshot.snaptime()).append('\n');
        }
        return out.toString();
    }

    private static void appendSection(StringBuilder out, Map<String, String> config) {
        String description = config.get("description");
        if (description != null) {
            for (String line : description.split("\n", -1)) {
                out.append('#').append(line).append('\n');
            }
        }
        new TreeMap<>(config).forEach((k, v) -> {
            if (!k.equals("description")) {
                out.append(k).append(": ").append(v).append('\n');
            }
        });
    }

    static String digest(Guest guest) {
        return sha1(text(guest));
    }

    static String sha1(String text) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A config value as Proxmox returns it in JSON: some keys are numbers. */
    static Object typed(String key, String value) {
        if (NUMERIC.contains(key) && value.matches("-?\\d+")) {
            return Long.parseLong(value);
        }
        return value;
    }
}
