package io.github.proxmoxmcp.core.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An argument the server's instructions describe once for every tool that takes it, such as the {@code node} and
 * {@code type} that spare a guest tool its look-up: accepted and checked like any other, but not repeated in each
 * tool's input schema, which the agent pays for on every turn.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface InInstructions {
}
