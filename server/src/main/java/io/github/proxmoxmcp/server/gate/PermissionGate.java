package io.github.proxmoxmcp.server.gate;

import io.micronaut.aop.Around;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose first parameter is the tool about to run: an ELEVATED tool is refused there
 * unless PROXMOX_ALLOW_ELEVATED is true, before any request is made.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Around
public @interface PermissionGate {
}
