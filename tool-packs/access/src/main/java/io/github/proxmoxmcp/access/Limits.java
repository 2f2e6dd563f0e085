package io.github.proxmoxmcp.access;

import io.github.proxmoxmcp.core.spi.ToolInputException;

/** How many rows a list shows: {@code limit}, 100 by default. */
final class Limits {

    static final int DEFAULT = 100;

    private Limits() {
    }

    static int of(Integer limit) {
        if (limit == null) {
            return DEFAULT;
        }
        if (limit < 1) {
            throw new ToolInputException("limit must be at least 1");
        }
        return limit;
    }
}
