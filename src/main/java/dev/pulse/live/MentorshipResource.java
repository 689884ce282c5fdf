package dev.pulse.live;

import dev.pulse.identity.Account;
import dev.pulse.identity.Accounts;
import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.api.ApiFamily;
import dev.pulse.platform.api.Family;
import dev.pulse.platform.api.OpenApiContract;
import dev.pulse.platform.input.Cursor;
import dev.pulse.platform.input.JsonBodies;
import dev.pulse.platform.input.JsonFields;
import dev.pulse.platform.input.PageRequest;
import dev.pulse.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Vivere's mentorship endpoints over {@link MentorshipQueue}. */
@Path("/live/mentorship")
@Family(ApiFamily.LIVE)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Live")
@SecurityRequirement(name = "LiveToken")
public class MentorshipResource {

    private static final JsonProvider JSON = JsonBodies.provider();
    private static final int DEFAULT_QUEUE_PAGE = 50;
    private static final int MAX_QUEUE_PAGE = 200;

    @Inject
    MentorshipQueue queue;

    @Inject
    Caller caller;

    @Inject
    Accounts accounts;

    @Inject
    Clock clock;

    @POST
    @Path("create")
    @Operation(operationId = "live_mentorship_create", summary = "Ask for help: {description, location, contact}")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LiveTicketInput")))
    @APIResponse(responseCode = "201", description = "The ticket",
            content = @Content(schema = @Schema(ref = "LiveTicketAnswer")))
    @APIResponse(responseCode = "400", description = "A missing, blank or too long field")
    @APIResponse(responseCode = "401", description = "Not logged in")
    public Response create(String body) {
        long me = caller.requireUser().accountId();
        JsonFields fields = JsonFields.of(JsonBodies.object(body), LiveFieldMessages.LIVE);
        String description = fields.text("description", MentorTicket.MAX_DESCRIPTION);
        String location = fields.text("location", MentorTicket.MAX_LOCATION);
        String contact = fields.text("contact", MentorTicket.MAX_CONTACT);
        fields.check();
        return Envelope.created(TicketView.of(queue.create(me, description, location, contact), me, clock.instant()).toJson());
    }

    @GET
    @Path("queue")
    @Operation(operationId = "live_mentorship_queue_list", summary = "Open tickets (unclaimed, not closed, not expired), oldest first; no login needed. "
            + "Whole without limit or cursor; with them, a page and next_cursor (null on the last page), "
            + "to send back as cursor")
    @Extension(name = OpenApiContract.NO_TOKEN, value = "true")
    @APIResponse(responseCode = "200", description = "{data:[ticket]}, with next_cursor when paginated",
            content = @Content(schema = @Schema(ref = "LiveTicketList")))
    @APIResponse(responseCode = "400", description = "A limit below 1 or not a number, or a cursor this server did not write")
    public Response open(@QueryParam(PageRequest.LIMIT) String limit, @QueryParam(PageRequest.CURSOR) String cursor) {
        if (limit == null && cursor == null) {
            return Envelope.ok(list(queue.open(), viewer(), clock.instant()).build());
        }
        JsonFields problems = JsonFields.of(Map.of(), LiveFieldMessages.LIVE);
        PageRequest page = PageRequest.read(limit, cursor, DEFAULT_QUEUE_PAGE, MAX_QUEUE_PAGE, problems);
        problems.check();
        List<MentorTicket> tickets = queue.open(page);
        Optional<String> next = Optional.empty();
        if (tickets.size() > page.limit()) {
            tickets = tickets.subList(0, page.limit());
            MentorTicket last = tickets.get(tickets.size() - 1);
            next = Optional.of(new Cursor(last.timeCreated(), last.id()).encode());
        }
        return Envelope.page(list(tickets, viewer(), clock.instant()).build(), next);
    }

    @GET
    @Path("user/queue")
    @Operation(operationId = "live_mentorship_mine_list", summary = "The caller's tickets in the buckets open, in_progress, expired and closed, newest first")
    @APIResponse(responseCode = "200", description = "{data:{categories:[...], tickets:{open,in_progress,expired,closed}}}",
            content = @Content(schema = @Schema(ref = "LiveMyTickets")))
    @APIResponse(responseCode = "401", description = "Not logged in")
    public Response mine() {
        long me = caller.requireUser().accountId();
        Instant now = clock.instant();
        Map<MentorTicket.Bucket, List<MentorTicket>> buckets = queue.bucketsOf(me);
        JsonArrayBuilder categories = JSON.createArrayBuilder();
        JsonObjectBuilder tickets = JSON.createObjectBuilder();
        buckets.forEach((bucket, list) -> {
            categories.add(bucket.name());
            tickets.add(bucket.name(), list(list, me, now));
        });
        return Envelope.ok(JSON.createObjectBuilder().add("categories", categories).add("tickets", tickets).build());
    }

    @GET
    @Path("user/claimed")
    @Operation(operationId = "live_mentorship_claimed_list", summary = "Tickets the caller claimed and has not closed")
    @APIResponse(responseCode = "200", description = "{data:[ticket]}",
            content = @Content(schema = @Schema(ref = "LiveTicketList")))
    @APIResponse(responseCode = "401", description = "Not logged in")
    public Response claimed() {
        long me = caller.requireUser().accountId();
        return Envelope.ok(list(queue.claimedBy(me), me, clock.instant()).build());
    }

    @POST
    @Path("claim")
    @Operation(operationId = "live_mentorship_claim", summary = "Claim an open ticket {id}; of simultaneous claims exactly one wins")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LiveTicketReference")))
    @APIResponse(responseCode = "200", description = "The claimed ticket",
            content = @Content(schema = @Schema(ref = "LiveTicketAnswer")))
    @APIResponse(responseCode = "400", description = "No id")
    @APIResponse(responseCode = "401", description = "Not logged in")
    @APIResponse(responseCode = "404", description = "No such ticket")
    @APIResponse(responseCode = "409", description = "Already claimed, closed or expired")
    public Response claim(String body) {
        long me = caller.requireUser().accountId();
        return Envelope.ok(TicketView.of(queue.claim(checked(body), me), me, clock.instant()).toJson());
    }

    @POST
    @Path("reopen")
    @Operation(operationId = "live_mentorship_reopen", summary = "Reopen a claimed, closed or expired ticket {id}; keeps its queue place, restarts expiry")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LiveTicketReference")))
    @APIResponse(responseCode = "200", description = "The reopened ticket",
            content = @Content(schema = @Schema(ref = "LiveTicketAnswer")))
    @APIResponse(responseCode = "400", description = "No id, or the ticket is open already")
    @APIResponse(responseCode = "403", description = "Neither its creator nor its mentor")
    @APIResponse(responseCode = "404", description = "No such ticket")
    public Response reopen(String body) {
        long me = caller.requireUser().accountId();
        return Envelope.ok(TicketView.of(queue.reopen(checked(body), me), me, clock.instant()).toJson());
    }

    @POST
    @Path("close")
    @Operation(operationId = "live_mentorship_close", summary = "Close a ticket {id}: help given or no longer needed")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LiveTicketReference")))
    @APIResponse(responseCode = "200", description = "The closed ticket",
            content = @Content(schema = @Schema(ref = "LiveTicketAnswer")))
    @APIResponse(responseCode = "400", description = "No id, or the ticket is closed already")
    @APIResponse(responseCode = "403", description = "Neither its creator nor its mentor")
    @APIResponse(responseCode = "404", description = "No such ticket")
    public Response close(String body) {
        long me = caller.requireUser().accountId();
        return Envelope.ok(TicketView.of(queue.close(checked(body), me), me, clock.instant()).toJson());
    }

    @PUT
    @Path("mentors/{username}")
    @Operation(operationId = "live_mentor_mark", summary = "Mark an account as a mentor (organisers); only mentors claim when PULSE_LIVE_MENTORS_ONLY is on")
    @APIResponse(responseCode = "200", description = "{data:{username, mentor:true}}",
            content = @Content(schema = @Schema(ref = "LiveMentorMark")))
    @APIResponse(responseCode = "401", description = "Not logged in")
    @APIResponse(responseCode = "403", description = "Not a platform administrator")
    @APIResponse(responseCode = "404", description = "No account with that username")
    public Response markMentor(@PathParam("username") String username) {
        return mentor(username, true);
    }

    @DELETE
    @Path("mentors/{username}")
    @Operation(operationId = "live_mentor_unmark", summary = "Unmark a mentor (organisers); their claimed tickets stay theirs")
    @APIResponse(responseCode = "200", description = "{data:{username, mentor:false}}",
            content = @Content(schema = @Schema(ref = "LiveMentorMark")))
    @APIResponse(responseCode = "401", description = "Not logged in")
    @APIResponse(responseCode = "403", description = "Not a platform administrator")
    @APIResponse(responseCode = "404", description = "No account with that username")
    public Response unmarkMentor(@PathParam("username") String username) {
        return mentor(username, false);
    }

    private Response mentor(String username, boolean mentor) {
        caller.requirePlatformAdmin();
        Account account = accounts.byUsername(username)
                .orElseThrow(() -> ApiError.notFound("account-not-found", "No account with username " + username));
        queue.markMentor(account.id(), mentor);
        return Envelope.ok(JSON.createObjectBuilder().add("username", account.username()).add("mentor", mentor).build());
    }

    private static String checked(String body) {
        JsonFields fields = JsonFields.of(JsonBodies.object(body), LiveFieldMessages.LIVE);
        String id = fields.reference("id");
        fields.check();
        return id;
    }

    private Long viewer() {
        return caller.isUser() ? caller.accountId() : null;
    }

    private static JsonArrayBuilder list(List<MentorTicket> tickets, Long viewer, Instant now) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        tickets.forEach(t -> array.add(TicketView.of(t, viewer, now).toJson()));
        return array;
    }
}
