package dev.pulse.platform.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The API family a JAX-RS resource class answers in. Its errors use that family's envelope
 * ({@link ErrorMappers} reads this from the matched resource); only URLs that no resource matches fall
 * back to {@link ApiFamily#forPath}. Every {@code @Path} class declares one, and a unit test checks that
 * the declaration and the path rule agree for each of its URLs. Inherited, so a container's subclass
 * proxy of a resource carries it too.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Family {
    ApiFamily value();
}
