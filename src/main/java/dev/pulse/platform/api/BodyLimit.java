package dev.pulse.platform.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies over {@code PULSE_MAX_BODY_BYTES} with 413: at once when Content-Length
 * says so, and while reading when a chunked body grows past the limit. The default is the largest
 * body any API family takes: a 10 MiB LearnPack telemetry document plus 64 KiB for its other fields.
 * Features with smaller limits of their own (images, envelopes) check them in their services.
 */
@Provider
@PreMatching
public class BodyLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "PULSE_MAX_BODY_BYTES", defaultValue = "10551296")
    long maxBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw new ApiError(413, "payload-too-large", tooLarge(maxBytes));
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), maxBytes));
        }
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

        private void count(int n) throws TooLarge {
            read += n;
            if (read > max) {
                throw new TooLarge(max);
            }
        }
    }
}
