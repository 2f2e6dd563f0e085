package io.github.proxmoxmcp.firewall;

/** Where a firewall lives: the one model Proxmox has at each of these places. */
public enum Scope {
    /** {@code /cluster/firewall}: the datacenter rules, options, aliases, IP sets and security groups. */
    cluster,
    /** {@code /nodes/{node}/firewall}: one host. */
    node,
    /** {@code /nodes/{node}/{qemu|lxc}/{vmid}/firewall}: one VM or container. */
    guest,
    /** {@code /cluster/sdn/vnets/{vnet}/firewall}: forwarded traffic of one SDN vnet. */
    vnet,
    /** {@code /cluster/firewall/groups/{group}}: the rules of one security group. */
    group
}
