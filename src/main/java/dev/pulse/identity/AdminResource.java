package dev.pulse.identity;

import dev.pulse.platform.api.ApiFamily;
import dev.pulse.platform.api.Family;
import dev.pulse.platform.input.NoNullCharacters;
import dev.pulse.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Platform administration under /v1/admin: accounts, academies, cohorts, API clients, roles. */
@Path("/v1/admin")
@Family(ApiFamily.BREATHECODE)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
@APIResponse(responseCode = "401", description = "No or invalid token")
@APIResponse(responseCode = "403", description = "The caller is not a platform administrator")
public class AdminResource {

    @Inject
    Caller caller;

    @Inject
    Accounts accounts;

    @Inject
    AcademyRoster roster;

    @Inject
    Cohorts cohorts;

    @Inject
    ApiClients clients;

    @NoNullCharacters
    public record NewUser(String email, String password, @JsonbProperty("first_name") String firstName,
            @JsonbProperty("last_name") String lastName, String username) {
    }

    public record User(long id, UUID uuid, String email, String username,
            @JsonbProperty("first_name") String firstName, @JsonbProperty("last_name") String lastName) {
        static User of(Account a) {
            return new User(a.id(), a.uuid(), a.email(), a.username(), a.firstName(), a.lastName());
        }
    }

    @POST
    @Path("users")
    @Operation(summary = "Create an account")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Missing or invalid fields, or a duplicate email or username")
    public Response createUser(@Valid @NotNull NewUser body) {
        caller.requirePlatformAdmin();
        Account account = accounts.create(new Accounts.NewAccount(body.email(), body.password(), body.firstName(),
                body.lastName(), body.username()), false);
        return created(User.of(account));
    }

    @NoNullCharacters
    public record NewAcademy(String slug, String name) {
    }

    public record AcademyView(long id, String slug, String name) {
    }

    @POST
    @Path("academies")
    @Operation(summary = "Create an academy")
    @APIResponse(responseCode = "201", description = "Created")
    public Response createAcademy(@Valid @NotNull NewAcademy body) {
        caller.requirePlatformAdmin();
        Academy academy = roster.createAcademy(body.slug(), body.name());
        return created(new AcademyView(academy.id(), academy.slug(), academy.name()));
    }

    @NoNullCharacters
    public record NewMember(@JsonbProperty("user_id") String userId, String role) {
    }

    public record Member(@JsonbProperty("academy_id") long academyId, @JsonbProperty("user_id") long userId,
            String role) {
    }

    @POST
    @Path("academies/{academy_id}/members")
    @Operation(summary = "Give an account a role in an academy (replaces an earlier role)")
    @APIResponse(responseCode = "201", description = "Member added")
    @APIResponse(responseCode = "400", description = "Unknown user or role slug")
    @APIResponse(responseCode = "404", description = "No such academy")
    public Response addMember(@PathParam("academy_id") long academyId, @Valid @NotNull NewMember body) {
        caller.requirePlatformAdmin();
        AcademyMember member = roster.addMember(academyId, body.userId(), body.role());
        return created(new Member(academyId, accounts.require(body.userId()).id(), member.role().slug()));
    }

    @NoNullCharacters
    public record NewCohort(String slug, String name, @JsonbProperty("academy_id") Long academyId,
            @JsonbProperty("current_day") Integer currentDay) {
    }

    public record CohortView(long id, String slug, String name, @JsonbProperty("academy_id") long academyId,
            @JsonbProperty("current_day") Integer currentDay) {
    }

    @POST
    @Path("cohorts")
    @Operation(summary = "Create a cohort in an academy")
    @APIResponse(responseCode = "201", description = "Created")
    public Response createCohort(@Valid @NotNull NewCohort body) {
        caller.requirePlatformAdmin();
        Cohort cohort = cohorts.create(body.slug(), body.name(), body.academyId(), body.currentDay());
        return created(new CohortView(cohort.id(), cohort.slug(), cohort.name(), cohort.academy().id(),
                cohort.currentDay()));
    }

    @NoNullCharacters
    public record NewCohortUser(@JsonbProperty("user_id") String userId, String role) {
    }

    public record CohortUser(@JsonbProperty("cohort_id") long cohortId, @JsonbProperty("user_id") long userId,
            String role) {
    }

    @POST
    @Path("cohorts/{slug_or_id}/users")
    @Operation(summary = "Put an account in a cohort as STUDENT, TEACHER or ASSISTANT")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "404", description = "No such cohort")
    public Response addCohortUser(@PathParam("slug_or_id") String cohort, @Valid @NotNull NewCohortUser body) {
        caller.requirePlatformAdmin();
        CohortMember member = cohorts.addUser(cohort, body.userId(), body.role());
        return created(new CohortUser(member.cohort().id(), accounts.require(body.userId()).id(),
                member.role().name()));
    }

    @NoNullCharacters
    public record NewClient(String name, String edapp, @JsonbProperty("academy_id") Long academyId) {
    }

    public record ClientCredentials(@JsonbProperty("client_id") String clientId,
            @JsonbProperty("client_secret") String clientSecret, String edapp, String name,
            @JsonbProperty("academy_id") Long academyId) {
    }

    @POST
    @Path("clients")
    @Operation(summary = "Register an API client; the secret is shown in this response only",
            description = "academy_id, optional, binds the client to an academy: its Caliper events count in group "
                    + "progress only for that academy's members.")
    @APIResponse(responseCode = "201", description = "Registered")
    public Response createClient(@Valid @NotNull NewClient body) {
        caller.requirePlatformAdmin();
        ApiClients.Registered registered = clients.register(body.name(), body.edapp(), body.academyId());
        return created(new ClientCredentials(registered.clientId(), registered.clientSecret(), registered.edapp(),
                registered.name(), registered.academyId()));
    }

    public record Role(String slug, String name, Set<String> capabilities) {
    }

    @GET
    @Path("roles")
    @Operation(summary = "The academy role catalogue with each role's capabilities")
    @APIResponse(responseCode = "200", description = "Every role")
    public List<Role> roles() {
        caller.requirePlatformAdmin();
        return roster.roles().stream().map(r -> new Role(r.slug(), r.name(), r.capabilities())).toList();
    }

    private static Response created(Object body) {
        return Response.status(Response.Status.CREATED).entity(body).build();
    }
}
