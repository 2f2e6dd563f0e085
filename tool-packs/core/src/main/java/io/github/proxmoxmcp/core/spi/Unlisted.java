package io.github.proxmoxmcp.core.spi;

/**
 * Validation group of the constraints that are checked but not written into the input schema: bounds an agent needs
 * no telling (a core count of at least 1), which would cost catalog bytes on every turn. Such a field is declared
 * {@code @Min(value = 1, groups = Unlisted.class)}; the invoker checks this group with the default one.
 */
public interface Unlisted {
}
