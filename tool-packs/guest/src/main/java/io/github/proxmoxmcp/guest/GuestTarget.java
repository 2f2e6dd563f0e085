package io.github.proxmoxmcp.guest;

/** An input naming one guest: its VMID, and optionally its node and type (resolved when left out). */
interface GuestTarget {

    Integer vmid();

    String node();

    GuestType type();
}
