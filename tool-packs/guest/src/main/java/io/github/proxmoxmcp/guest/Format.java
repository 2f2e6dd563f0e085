package io.github.proxmoxmcp.guest;

import java.util.Locale;

/** Human forms of the numbers Proxmox reports: bytes, fractions, seconds. */
final class Format {

    private Format() {
    }

    static String bytes(Long bytes) {
        if (bytes == null) {
            return "-";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    static String usage(Long used, Long total) {
        if (used == null || total == null || total == 0) {
            return used == null ? "-" : bytes(used);
        }
        return bytes(used) + "/" + bytes(total) + " (" + percent((double) used / total) + ")";
    }

    /** A 0..1 fraction as a percentage. */
    static String percent(Double fraction) {
        return fraction == null ? "-" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    static String duration(Long seconds) {
        if (seconds == null) {
            return "-";
        }
        long days = seconds / 86400;
        long hours = seconds % 86400 / 3600;
        long minutes = seconds % 3600 / 60;
        return days > 0 ? days + "d " + hours + "h" : hours > 0 ? hours + "h " + minutes + "m" : minutes + "m " + seconds % 60 + "s";
    }
}
