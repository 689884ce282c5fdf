package dev.pulse.platform.security;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation that needs a BreatheCode academy capability (e.g. {@code crud_telemetry}).
 * The academy comes from the {@code academy_id} path parameter, the {@code Academy} header, or
 * {@code ?academy=}; {@link CapabilityFilter} asks {@link Capabilities}, which answers with BreatheCode's
 * exact 403 messages.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Capable {
    String value();
}
