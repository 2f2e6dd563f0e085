package io.github.proxmoxmcp.core.task;

import java.util.Optional;

/**
 * A Proxmox task id: {@code UPID:node:pid:pstart:starttime:type:id:user@realm:}. The hex fields are
 * kept as text; {@code starttime} is decoded because it is the one a user reads.
 */
public record Upid(String value, String node, String type, String id, String user, long startTime) {

    public static Optional<Upid> parse(String value) {
        if (value == null || !value.startsWith("UPID:")) {
            return Optional.empty();
        }
        String[] parts = value.split(":", -1);
        // UPID, node, pid, pstart, starttime, type, id, user (the user may itself hold '!' and '@'), trailing ''
        if (parts.length < 9 || parts[1].isEmpty()) {
            return Optional.empty();
        }
        try {
            long start = Long.parseLong(parts[4], 16);
            return Optional.of(new Upid(value, parts[1], parts[5], parts[6], parts[7], start));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
