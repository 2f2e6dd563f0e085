package io.github.proxmoxmcp.guest;

import io.micronaut.core.annotation.Nullable;

/** A located guest: where it runs and what it is. {@code status} is null when it was not looked up. */
record Guest(String node, GuestType type, int vmid, @Nullable String name, @Nullable String status, boolean template) {

    /** {@code VM 100} or {@code CT 101}. */
    String label() {
        return type.label() + " " + vmid;
    }

    String path() {
        return type.name();
    }

    boolean qemu() {
        return type == GuestType.qemu;
    }
}
