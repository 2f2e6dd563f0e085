package io.github.proxmoxmcp.guest;

import io.github.proxmoxmcp.core.guest.GuestTarget;
import io.github.proxmoxmcp.core.guest.GuestType;

/** A target that must be a QEMU VM (guest agent, cloud-init, provisioning): locating anything else fails. */
record QemuTarget(Integer vmid, String node) implements GuestTarget {

    @Override
    public GuestType type() {
        return GuestType.qemu;
    }
}
