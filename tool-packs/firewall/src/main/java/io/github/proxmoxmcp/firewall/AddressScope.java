package io.github.proxmoxmcp.firewall;

/** The scopes that have aliases and IP sets. */
public enum AddressScope {
    cluster, guest;

    Scope scope() {
        return Scope.valueOf(name());
    }
}
