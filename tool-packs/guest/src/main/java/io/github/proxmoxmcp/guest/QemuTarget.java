package io.github.proxmoxmcp.guest;

/** A target that must be a QEMU VM (guest agent, cloud-init, provisioning): locating anything else fails. */
record QemuTarget(Integer vmid, String node) implements GuestTarget {

    @Override
    public GuestType type() {
        return GuestType.qemu;
    }
}
