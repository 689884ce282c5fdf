package dev.pulse.activity;

import dev.pulse.platform.api.BodyLimit;
import dev.pulse.platform.api.ApiFamily;
import dev.pulse.platform.api.Family;
import dev.pulse.platform.security.CallerFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * BreatheCode's Activity API. Listings answer a plain JSON list (what existing clients read)
 * unless the client pages explicitly with {@code limit} or {@code cursor}, then
 * {@code {"results","next","cursor"}}; either way the next page's cursor is also in the
 * {@code X-Next-Cursor} and {@code Link: rel="next"} headers.
 */
@Path("/v1/activity")
@Family(ApiFamily.BREATHECODE)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "BreatheCode")
@SecurityRequirement(name = "BreatheCodeToken")
@APIResponse(responseCode = "401", description = "No or invalid token")
@APIResponse(responseCode = "403", description = "Neither the user themself nor holding the capability in the academy")
public class ActivityResource {

    /** Room for several text fields of 64 KiB each, escaped as JSON, so each is answered by its own field error. */
    static final long MAX_BODY_BYTES = 8L * ActivityBodies.MAX_TEXT_BYTES;

    private static final String LISTING = "Newest first. slug: one slug or a comma-separated list; since/until: "
            + "ISO 8601 (since inclusive, until exclusive); limit: 1-1000, default 50; cursor: from the previous page. "
            + "The token may also come as ?access_token= (the Authorization header wins).";

    @Inject
    ActivityLog log;

    @Context
    UriInfo uri;

    @POST
    @Path("user/{email_or_id}")
    @BodyLimit(MAX_BODY_BYTES)
    @Operation(operationId = "activity_user_record", summary = "Record an activity for a user",
            description = "Body {\"slug\",\"data\"[,\"cohort\",\"day\",\"user_agent\"]}. slug: 1-50 lowercase letters, "
                    + "digits or underscores. data is a string; a JSON-encoded object in it is kept as JSON and its cohort "
                    + "becomes the activity's cohort when the body names none. A cohort Pulse does not know, or of an "
                    + "academy the user is not in, is kept as text. The body's day is kept; without one, the cohort's "
                    + "current day.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ActivityInput")))
    @APIResponse(responseCode = "201", description = "The stored activity",
            content = @Content(schema = @Schema(ref = "Activity")))
    @APIResponse(responseCode = "400", description = "Malformed or missing slug, non-string or oversized data, body not a JSON object")
    @APIResponse(responseCode = "404", description = "Unknown user (user-not-found)")
    public Response recordActivity(@PathParam("email_or_id") String user, @BeanParam RequestOrigin origin, String body) {
        Activity stored = log.record(user, body, origin.academy(), origin.userAgent());
        return Response.status(Response.Status.CREATED).entity(ActivityJson.activity(stored)).build();
    }

    @GET
    @Path("user/{email_or_id}")
    @Operation(operationId = "activity_user_list", summary = "A user's activities", description = LISTING)
    // ListingParams' fields, which Payara does not read from a @BeanParam
    @Parameter(ref = "ListingSlug")
    @Parameter(ref = "ListingSince")
    @Parameter(ref = "ListingUntil")
    @Parameter(ref = "ListingLimit")
    @Parameter(ref = "ListingCursor")
    @APIResponse(responseCode = "200", description = "The activities, newest first",
            content = @Content(schema = @Schema(ref = "ActivityList")))
    @APIResponse(responseCode = "400", description = "Malformed slug, bad date, limit or cursor")
    @APIResponse(responseCode = "404", description = "Unknown user (user-not-found)")
    public Response userActivities(@PathParam("email_or_id") String user, @BeanParam ListingParams listing,
            @BeanParam RequestOrigin origin) {
        ListingQuery query = listing.query();
        return page(log.ofUser(user, origin.academy(), query), query, ActivityJson::activity);
    }

    @GET
    @Path("cohort/{slug_or_id}")
    @Operation(operationId = "activity_cohort_list", summary = "A cohort's activities", description = LISTING
            + " Needs read_activity in the cohort's academy. A name no Pulse cohort has lists the activities that "
            + "named their cohort so (platform administrators only).")
    @Parameter(ref = "ListingSlug")
    @Parameter(ref = "ListingSince")
    @Parameter(ref = "ListingUntil")
    @Parameter(ref = "ListingLimit")
    @Parameter(ref = "ListingCursor")
    @APIResponse(responseCode = "200", description = "The activities, newest first",
            content = @Content(schema = @Schema(ref = "ActivityList")))
    @APIResponse(responseCode = "400", description = "Malformed slug, bad date, limit or cursor")
    public Response cohortActivities(@PathParam("slug_or_id") String cohort, @BeanParam ListingParams listing) {
        ListingQuery query = listing.query();
        return page(log.ofCohort(cohort, query), query, ActivityJson::activity);
    }

    @POST
    @Path("coding_error")
    @BodyLimit(MAX_BODY_BYTES)
    @Operation(operationId = "activity_coding_error_record", summary = "Record a coding error",
            description = "Body {\"user_id\",\"slug\",\"data\",\"message\",\"name\",\"severity\",\"details\"}; "
                    + "user_id is an email or id; message, name and slug are required; severity a number or numeric string.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CodingErrorInput")))
    @APIResponse(responseCode = "201", description = "The stored coding error",
            content = @Content(schema = @Schema(ref = "CodingError")))
    @APIResponse(responseCode = "400", description = "Missing or invalid fields")
    @APIResponse(responseCode = "404", description = "Unknown user (user-not-found)")
    public Response recordCodingError(@BeanParam RequestOrigin origin, String body) {
        CodingError stored = log.recordCodingError(body, origin.academy(), origin.userAgent());
        return Response.status(Response.Status.CREATED).entity(ActivityJson.codingError(stored)).build();
    }

    @GET
    @Path("coding_error/{email_or_id}")
    @Operation(operationId = "activity_coding_error_list", summary = "A user's coding errors", description = LISTING)
    @Parameter(ref = "ListingSlug")
    @Parameter(ref = "ListingSince")
    @Parameter(ref = "ListingUntil")
    @Parameter(ref = "ListingLimit")
    @Parameter(ref = "ListingCursor")
    @APIResponse(responseCode = "200", description = "The coding errors, newest first",
            content = @Content(schema = @Schema(ref = "CodingErrorList")))
    @APIResponse(responseCode = "400", description = "Bad slug, date, limit or cursor")
    @APIResponse(responseCode = "404", description = "Unknown user (user-not-found)")
    public Response codingErrors(@PathParam("email_or_id") String user, @BeanParam ListingParams listing,
            @BeanParam RequestOrigin origin) {
        ListingQuery query = listing.query();
        return page(log.codingErrorsOf(user, origin.academy(), query), query, ActivityJson::codingError);
    }

    @GET
    @Path("report")
    @Operation(operationId = "activity_report_read", summary = "Activity counts grouped by slug or by day (UTC)",
            description = "Scoped to user and/or cohort (the permission for either is enough), else to the academy "
                    + "of the Academy header (read_activity). by=slug (default) answers [{\"slug\",\"count\"}] most "
                    + "first; by=day answers [{\"day\":\"yyyy-MM-dd\",\"count\"}] oldest first. A cohort name no Pulse "
                    + "cohort has counts the activities that named their cohort so.")
    @APIResponse(responseCode = "200", description = "The counts",
            content = @Content(schema = @Schema(ref = "ActivityReport")))
    @APIResponse(responseCode = "400", description = "Malformed slug, unknown grouping, bad date")
    @APIResponse(responseCode = "404", description = "Unknown user")
    public Response report(@QueryParam("cohort") String cohort, @QueryParam("user") String user,
            @QueryParam("slug") String slug, @QueryParam("since") String since, @QueryParam("until") String until,
            @Parameter(description = "slug or day") @QueryParam("by") String by, @BeanParam RequestOrigin origin) {
        ActivityLog.Tally tally = log.report(user, cohort, slug, since, until, by, origin.academy());
        return Response.ok(ActivityJson.report(tally.counts(), tally.by())).build();
    }

    private <T> Response page(ActivityStore.Page<T> page, ListingQuery query,
            Function<T, jakarta.json.JsonObject> render) {
        var results = ActivityJson.list(page.items(), render);
        String cursor = page.next() == null ? null : page.next().encode();
        String next = cursor == null ? null
                : uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor)
                        // a token sent in the query is not echoed into links, which clients and proxies keep
                        .replaceQueryParam(CallerFilter.ACCESS_TOKEN).build().toString();
        Response.ResponseBuilder response = Response.ok(query.paging() ? ActivityJson.page(results, next, cursor) : results);
        if (cursor != null) {
            response.header("X-Next-Cursor", cursor).header("Link", "<" + next + ">; rel=\"next\"");
        }
        return response.build();
    }
}
