package io.github.proxmoxmcp.server.config;

/** A configuration value that is missing or not allowed; the message names the variable and what is allowed. */
public final class SettingsException extends RuntimeException {

    public SettingsException(String message) {
        super(message, null, false, false);
    }
}
