package dev.pulse.platform.input;

import jakarta.json.JsonValue;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Map;

/**
 * A JSON body that JSON-B binds to a record is checked to be complete JSON first. Yasson passes over
 * members a record does not have with Parsson's {@code skipObject()}, which never returns when the input
 * ends inside such a member: one cut-off body would hold a request thread forever, spinning. The same pass
 * refuses a NUL character in any string: every field of such a body ends up in a text column or a query
 * parameter, and PostgreSQL refuses NUL in both. Bodies are already bounded by {@code BodyLimits}, so
 * holding one in memory for the check costs what binding does.
 */
@Provider
public class WellFormedJson implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType mediaType = context.getMediaType();
        if (mediaType == null || !boundByJsonb(context.getType(), mediaType.getSubtype())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        if (!JsonBodies.isBlank(body)) {
            switch (JsonBodies.read(body)) {
                case MALFORMED -> throw JsonBodies.malformed();
                case NUL_CHARACTER -> throw JsonBodies.nulCharacter(body);
                case WELL_FORMED -> { }
            }
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** JSON read into a class of ours; text, streams, JSON-P values and form or multipart data are not. */
    static boolean boundByJsonb(Class<?> type, String mediaSubtype) {
        String subtype = mediaSubtype.toLowerCase(java.util.Locale.ROOT);
        boolean json = subtype.equals("json") || subtype.endsWith("+json");
        return json && !(type == String.class || type == byte[].class || InputStream.class.isAssignableFrom(type)
                || Reader.class.isAssignableFrom(type) || JsonValue.class.isAssignableFrom(type)
                || Map.class.isAssignableFrom(type) || EntityPart.class.isAssignableFrom(type));
    }
}
