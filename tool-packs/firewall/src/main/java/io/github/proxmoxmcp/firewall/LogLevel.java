package io.github.proxmoxmcp.firewall;

/** The syslog levels a firewall rule or option logs at; {@code nolog} logs nothing. */
public enum LogLevel {
    emerg, alert, crit, err, warning, notice, info, debug, nolog
}
