package io.github.proxmoxmcp.core.spi;

/** Input the schema allowed but the tool cannot act on (a field an action needs is missing...). Nothing was sent. */
public final class ToolInputException extends RuntimeException {

    public ToolInputException(String message) {
        super(message, null, false, false);
    }
}
