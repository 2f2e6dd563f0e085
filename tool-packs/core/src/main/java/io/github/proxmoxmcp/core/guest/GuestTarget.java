package io.github.proxmoxmcp.core.guest;

/** An input naming one guest: its VMID, and optionally its node and type (resolved when left out). */
public interface GuestTarget {

    Integer vmid();

    String node();

    GuestType type();
}
