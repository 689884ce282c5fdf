package dev.pulse.platform.input;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * On a request record bound by JSON-B: none of its text components holds a NUL character, which
 * PostgreSQL refuses in text (as an error the client would see as a 500). Each such component is a
 * violation of its own, so the answer names the field; {@link JsonFields} applies the same rule to
 * bodies read as JSON-P.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NoNullCharacters.Check.class)
public @interface NoNullCharacters {

    String message() default "Null characters are not allowed.";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<NoNullCharacters, Record> {

        @Override
        public boolean isValid(Record value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            boolean valid = true;
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                if (component.getType() == String.class && text(component, value).indexOf('\0') >= 0) {
                    if (valid) {
                        context.disableDefaultConstraintViolation();
                        valid = false;
                    }
                    context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                            .addPropertyNode(component.getName()).addConstraintViolation();
                }
            }
            return valid;
        }

        private static String text(RecordComponent component, Record value) {
            try {
                Object text = component.getAccessor().invoke(value);
                return text == null ? "" : (String) text;
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
        }
    }
}
