package dev.pulse.platform.api;

import dev.pulse.platform.security.Caller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies over the operation's {@link BodyLimit} with 413: at once when Content-Length
 * says so, and while reading when a chunked body grows past the limit, so no body is ever held beyond
 * it (String parameters read through the bounded stream too). It runs after authentication and
 * authorization: only an authenticated caller gets more than {@link BodyLimit#DEFAULT}, and
 * {@code PULSE_MAX_BODY_BYTES} caps every limit. Features with smaller limits of their own (images,
 * envelopes) check them in their services.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 100)
public class BodyLimits implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "PULSE_MAX_BODY_BYTES", defaultValue = "10551296")
    long maxBytes;

    @Inject
    Caller caller;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = limit();
        if (request.getLength() > limit) {
            throw new ApiError(413, "payload-too-large", tooLarge(limit));
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), limit));
        }
    }

    private long limit() {
        long declared = BodyLimit.DEFAULT;
        if (caller.isAuthenticated()) {
            BodyLimit annotation = declared(resource.getResourceMethod(), resource.getResourceClass());
            if (annotation != null) {
                declared = annotation.value();
            }
        }
        return Math.min(declared, maxBytes);
    }

    private static BodyLimit declared(Method method, Class<?> type) {
        BodyLimit onMethod = method == null ? null : method.getAnnotation(BodyLimit.class);
        if (onMethod != null) {
            return onMethod;
        }
        return type == null ? null : type.getAnnotation(BodyLimit.class);
    }

    static String tooLarge(long max) {
        return "Request body is larger than the limit of " + max + " bytes";
    }

    /** Thrown from inside a body read, so it travels through whatever reader wraps it. */
    static final class TooLarge extends IOException {
        TooLarge(long max) {
            super(tooLarge(max));
        }
    }

    private static final class Bounded extends FilterInputStream {
        private final long max;
        private long read;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            if (skipped > 0) {
                count(skipped);
            }
            return skipped;
        }

        private void count(long n) throws TooLarge {
            read += n;
            if (read > max) {
                throw new TooLarge(max);
            }
        }
    }
}
