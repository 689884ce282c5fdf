package dev.pulse.platform.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest body an authenticated caller may send to this operation, in bytes; {@link BodyLimits}
 * enforces it. Operations without it take {@link #DEFAULT}, and so does every anonymous caller, so that
 * a stranger can never make the server hold more than that for one request.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BodyLimit {

    /** Enough for any JSON document of names, ids and short texts. */
    long DEFAULT = 64 * 1024;

    /** A 10 MiB document (LearnPack telemetry, a Caliper envelope) plus 64 KiB for its other fields. */
    long LARGEST = 10 * 1024 * 1024 + DEFAULT;

    long value();
}
