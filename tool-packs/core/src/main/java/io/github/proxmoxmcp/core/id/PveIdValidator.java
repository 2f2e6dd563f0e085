package io.github.proxmoxmcp.core.id;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

/** Checks {@link PveId} fields: the value's problem and the expected form become the violation message. */
@Singleton
final class PveIdValidator implements ConstraintValidator<PveId, Object> {

    @Override
    public boolean isValid(Object value, @NonNull AnnotationValue<PveId> annotation, @NonNull ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        PveFormat format = annotation.enumValue("value", PveFormat.class).orElse(PveFormat.SEGMENT);
        String text = value.toString();
        if (format.matches(text)) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(escape(format.problem(text))).addConstraintViolation();
        return false;
    }

    /** Message templates interpolate {@code {…}} and {@code ${…}}: a refused value is shown literally. */
    private static String escape(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
