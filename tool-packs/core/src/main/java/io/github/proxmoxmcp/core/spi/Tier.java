package io.github.proxmoxmcp.core.spi;

/** What a tool may do: BASIC tools only read, ELEVATED tools change something. */
public enum Tier {
    BASIC,
    ELEVATED
}
