package io.github.proxmoxmcp.core.text;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Human forms of the numbers Proxmox reports: bytes, fractions, seconds, epochs; bounded text. */
public final class Format {

    private Format() {
    }

    public static String bytes(Long bytes) {
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

    public static String usage(Long used, Long total) {
        if (used == null || total == null || total == 0) {
            return used == null ? "-" : bytes(used);
        }
        return bytes(used) + "/" + bytes(total) + " (" + percent((double) used / total) + ")";
    }

    /** A 0..1 fraction as a percentage. */
    public static String percent(Double fraction) {
        return fraction == null ? "-" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    public static String duration(Long seconds) {
        if (seconds == null) {
            return "-";
        }
        long days = seconds / 86400;
        long hours = seconds % 86400 / 3600;
        long minutes = seconds % 3600 / 60;
        return days > 0 ? days + "d " + hours + "h" : hours > 0 ? hours + "h " + minutes + "m" : minutes + "m " + seconds % 60 + "s";
    }

    /** A UNIX epoch as UTC date-time, e.g. {@code 2024-03-12 18:00:02Z}. */
    public static String time(Long epochSeconds) {
        if (epochSeconds == null || epochSeconds <= 0) {
            return "-";
        }
        return Instant.ofEpochSecond(epochSeconds).toString().replace('T', ' ');
    }

    /** A number with at most two decimals, no trailing zeros. */
    public static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** Lines of text, at most {@code limit}, then a line saying how many were left out. */
    public static String lines(List<String> lines, int limit) {
        if (lines.isEmpty()) {
            return "(no lines)";
        }
        List<String> shown = lines.subList(0, Math.min(limit, lines.size()));
        String text = String.join("\n", shown);
        return lines.size() > shown.size() ? text + "\n… " + (lines.size() - shown.size()) + " more lines" : text;
    }

    /** At most {@code max} characters of a text, saying how much was cut. */
    public static String head(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "\n… cut " + (text.length() - max) + " of " + text.length() + " characters";
    }
}
