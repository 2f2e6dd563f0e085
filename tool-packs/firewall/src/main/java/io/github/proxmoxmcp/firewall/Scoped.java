package io.github.proxmoxmcp.firewall;

/**
 * An input naming one firewall: its scope and the identifiers that scope needs. For scope vnet and group,
 * {@code name} is the vnet or the security group; other scopes use it for the alias or IP set addressed.
 */
interface Scoped {

    Scope scope();

    String node();

    Integer vmid();

    String name();
}
