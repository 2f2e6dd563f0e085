package io.github.proxmoxmcp.core.guest;

import io.micronaut.serde.annotation.Serdeable;

/** The two kinds of guest; the constants are the API path segments. */
@Serdeable
public enum GuestType {
    qemu,
    lxc;

    /** "VM" or "CT", as a user names them. */
    public String label() {
        return this == qemu ? "VM" : "CT";
    }
}
