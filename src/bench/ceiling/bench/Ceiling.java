package bench;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The framework's ceiling for run.sh: the least a JAX-RS endpoint on the same Payara Micro can do.
 * GET answers a constant JSON object; POST parses a small JSON body and answers 201 with a JSON object
 * naming a new id, as Pulse's single-event writes do, but with no security, no CDI service and no database.
 */
@ApplicationPath("/")
public class Ceiling extends Application {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(Trivial.class);
    }

    @Path("trivial")
    public static class Trivial {

        private static final AtomicLong IDS = new AtomicLong();

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public String get() {
            return "{\"status\":\"ok\"}";
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        public Response post(String body) {
            JsonObject in = JSON.createReader(new StringReader(body)).readObject();
            JsonObject out = JSON.createObjectBuilder().add("id", IDS.incrementAndGet())
                    .add("slug", in.getString("slug", "")).build();
            return Response.status(201).entity(out.toString()).build();
        }
    }
}
