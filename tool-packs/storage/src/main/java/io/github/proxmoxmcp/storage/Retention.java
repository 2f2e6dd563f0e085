package io.github.proxmoxmcp.storage;

import io.github.proxmoxmcp.core.spi.ToolInputException;
import java.util.regex.Pattern;

/** The {@code prune-backups} retention string, e.g. {@code keep-last=3,keep-weekly=2}, or {@code keep-all=1}. */
final class Retention {

    static final String FIELD = "prune-backups";
    private static final Pattern OPTIONS = Pattern.compile(
            "keep-all=[01]|keep-(last|hourly|daily|weekly|monthly|yearly)=[0-9]+(,keep-(last|hourly|daily|weekly|monthly|yearly)=[0-9]+)*");

    private Retention() {
    }

    /** The value if it is a valid retention, else an input error saying what one looks like; null stays null. */
    static String checked(String value) {
        if (value != null && !OPTIONS.matcher(value).matches()) {
            throw new ToolInputException(FIELD + " must be keep-all=1 or keep-last|hourly|daily|weekly|monthly|yearly=N joined by "
                    + "commas, e.g. keep-last=3,keep-weekly=2");
        }
        return value;
    }
}
