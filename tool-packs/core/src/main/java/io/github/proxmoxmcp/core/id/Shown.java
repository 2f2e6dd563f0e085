package io.github.proxmoxmcp.core.id;

/** A refused value as it may be shown in an error: quoted, control characters escaped, long values cut. */
public final class Shown {

    private static final int MAX = 48;

    private Shown() {
    }

    public static String quoted(String value) {
        if (value == null) {
            return "nothing";
        }
        if (value.isEmpty()) {
            return "an empty string";
        }
        StringBuilder shown = new StringBuilder("'");
        value.codePoints().limit(MAX).forEach(c -> {
            if (Character.isISOControl(c)) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        if (value.codePointCount(0, value.length()) > MAX) {
            shown.append('…');
        }
        shown.append('\'');
        if (value.codePointCount(0, value.length()) > MAX) {
            shown.append(" (").append(value.length()).append(" characters)");
        }
        return shown.toString();
    }
}
