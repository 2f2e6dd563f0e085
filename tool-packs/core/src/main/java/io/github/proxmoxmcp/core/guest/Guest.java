package io.github.proxmoxmcp.core.guest;

import io.micronaut.core.annotation.Nullable;

/** A located guest: where it runs and what it is. {@code status} is null when it was not looked up. */
public record Guest(String node, GuestType type, int vmid, @Nullable String name, @Nullable String status, boolean template) {

    /** {@code VM 100} or {@code CT 101}. */
    public String label() {
        return type.label() + " " + vmid;
    }

    /** The type as the API path segment: {@code qemu} or {@code lxc}. */
    public String path() {
        return type.name();
    }

    public boolean qemu() {
        return type == GuestType.qemu;
    }
}
