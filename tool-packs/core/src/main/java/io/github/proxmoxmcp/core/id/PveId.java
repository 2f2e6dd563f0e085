package io.github.proxmoxmcp.core.id;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The field is an identifier that goes into a request path: it must be of its Proxmox {@link PveFormat}.
 * A null value is allowed (an optional field); use it on list elements as {@code List<@PveId(NODE) String>}.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Constraint(validatedBy = {})
public @interface PveId {

    PveFormat value();

    String message() default "must be a valid Proxmox identifier";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
