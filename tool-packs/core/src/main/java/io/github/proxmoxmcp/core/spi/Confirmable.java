package io.github.proxmoxmcp.core.spi;

/** An input that carries the {@code confirm} flag destructive operations require. */
public interface Confirmable {

    Boolean confirm();

    default boolean confirmed() {
        return Boolean.TRUE.equals(confirm());
    }
}
