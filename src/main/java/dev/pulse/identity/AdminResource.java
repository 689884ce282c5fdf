package dev.pulse.identity;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.api.ApiFamily;
import dev.pulse.platform.api.Family;
import dev.pulse.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Platform administration under /v1/admin: accounts, academies, cohorts, API clients and their API keys,
 * roles, and taking access back (deactivation, password reset, role change or removal, disabling a client,
 * a new secret, revoking a key).
 */
@Path("/v1/admin")
@Family(ApiFamily.BREATHECODE)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "BreatheCode")
@SecurityRequirement(name = "BreatheCodeToken")
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

    @Inject
    ClientKeys keys;

    public record NewUser(String email, String password,
            @JsonbProperty("first_name") @Schema(name = "first_name") String firstName,
            @JsonbProperty("last_name") @Schema(name = "last_name") String lastName, String username) {
    }

    public record User(long id, UUID uuid, String email, String username,
            @JsonbProperty("first_name") @Schema(name = "first_name") String firstName,
            @JsonbProperty("last_name") @Schema(name = "last_name") String lastName) {
        static User of(Account a) {
            return new User(a.id(), a.uuid(), a.email(), a.username(), a.firstName(), a.lastName());
        }
    }

    @POST
    @Path("users")
    @Operation(operationId = "identity_user_create", summary = "Create an account")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = User.class)))
    @APIResponse(responseCode = "400", description = "Missing or invalid fields, or a duplicate email or username")
    public Response createUser(@Valid @NotNull NewUser body) {
        caller.requirePlatformAdmin();
        Account account = accounts.create(new Accounts.NewAccount(body.email(), body.password(), body.firstName(),
                body.lastName(), body.username()), false);
        return created(User.of(account));
    }

    public record AccountStatus(long id, UUID uuid, String email, String username, boolean active) {
    }

    @POST
    @Path("users/{id}/deactivate")
    @Operation(operationId = "identity_user_deactivate", summary = "Deactivate an account: it cannot sign in, and every token it holds stops working "
            + "(on every instance within PULSE_ACCOUNT_STATE_TTL)")
    @APIResponse(responseCode = "200", description = "Deactivated",
            content = @Content(schema = @Schema(ref = "AccountStatus")))
    @APIResponse(responseCode = "400", description = "The caller's own account")
    @APIResponse(responseCode = "404", description = "No such user")
    public AccountStatus deactivate(@PathParam("id") String user) {
        caller.requirePlatformAdmin();
        Account account = accounts.require(user);
        if (account.id() == caller.accountId()) {
            throw ApiError.badRequest("own-account", "You cannot deactivate your own account");
        }
        accounts.setActive(account.id(), false);
        return status(account.id());
    }

    @POST
    @Path("users/{id}/activate")
    @Operation(operationId = "identity_user_activate", summary = "Reactivate an account; it signs in again, and tokens from before deactivation stay void")
    @APIResponse(responseCode = "200", description = "Active",
            content = @Content(schema = @Schema(ref = "AccountStatus")))
    @APIResponse(responseCode = "404", description = "No such user")
    public AccountStatus activate(@PathParam("id") String user) {
        caller.requirePlatformAdmin();
        long id = accounts.require(user).id();
        accounts.setActive(id, true);
        return status(id);
    }

    private AccountStatus status(long id) {
        Account a = accounts.byId(id).orElseThrow(() -> Accounts.userNotFound(String.valueOf(id)));
        return new AccountStatus(a.id(), a.uuid(), a.email(), a.username(), a.isActive());
    }

    public record PasswordReset(@JsonbProperty("new_password") @Schema(name = "new_password") String newPassword) {
    }

    @POST
    @Path("users/{id}/password")
    @Operation(operationId = "identity_user_password_reset", summary = "Set an account's password; every token it holds stops working")
    @APIResponse(responseCode = "204", description = "Set")
    @APIResponse(responseCode = "400", description = "new_password missing or shorter than 8")
    @APIResponse(responseCode = "404", description = "No such user")
    public Response resetPassword(@PathParam("id") String user, @Valid @NotNull PasswordReset body) {
        caller.requirePlatformAdmin();
        accounts.replacePassword(accounts.require(user).id(), body.newPassword());
        return Response.noContent().build();
    }

    public record NewAcademy(String slug, String name) {
    }

    public record AcademyView(long id, String slug, String name) {
    }

    @POST
    @Path("academies")
    @Operation(operationId = "identity_academy_create", summary = "Create an academy")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = AcademyView.class)))
    public Response createAcademy(@Valid @NotNull NewAcademy body) {
        caller.requirePlatformAdmin();
        Academy academy = roster.createAcademy(body.slug(), body.name());
        return created(new AcademyView(academy.id(), academy.slug(), academy.name()));
    }

    public record NewMember(@JsonbProperty("user_id") @Schema(name = "user_id") String userId, String role) {
    }

    public record Member(@JsonbProperty("academy_id") @Schema(name = "academy_id") long academyId,
            @JsonbProperty("user_id") @Schema(name = "user_id") long userId,
            String role) {
    }

    @POST
    @Path("academies/{academy_id}/members")
    @Operation(operationId = "identity_academy_member_add", summary = "Give an account a role in an academy (replaces an earlier role)")
    @APIResponse(responseCode = "201", description = "Member added",
            content = @Content(schema = @Schema(ref = "Member")))
    @APIResponse(responseCode = "400", description = "Unknown user or role slug")
    @APIResponse(responseCode = "404", description = "No such academy")
    public Response addMember(@PathParam("academy_id") long academyId, @Valid @NotNull NewMember body) {
        caller.requirePlatformAdmin();
        AcademyMember member = roster.addMember(academyId, body.userId(), body.role());
        return created(new Member(academyId, accounts.require(body.userId()).id(), member.role().slug()));
    }

    public record RoleChange(String role) {
    }

    @PUT
    @Path("academies/{academy_id}/members/{user_id}")
    @Operation(operationId = "identity_academy_member_role_change", summary = "Change a member's role in an academy")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(ref = "Member")))
    @APIResponse(responseCode = "400", description = "Unknown role slug")
    @APIResponse(responseCode = "404", description = "No such academy or user, or the user is not a member")
    public Member changeMemberRole(@PathParam("academy_id") long academyId, @PathParam("user_id") String user,
            @Valid @NotNull RoleChange body) {
        caller.requirePlatformAdmin();
        AcademyMember member = roster.changeRole(academyId, user, body.role());
        return new Member(academyId, member.account().id(), member.role().slug());
    }

    @DELETE
    @Path("academies/{academy_id}/members/{user_id}")
    @Operation(operationId = "identity_academy_member_remove", summary = "Take an account out of an academy, with its role and capabilities there")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such academy or user, or the user is not a member")
    public Response removeMember(@PathParam("academy_id") long academyId, @PathParam("user_id") String user) {
        caller.requirePlatformAdmin();
        roster.removeMember(academyId, user);
        return Response.noContent().build();
    }

    public record NewCohort(String slug, String name,
            @JsonbProperty("academy_id") @Schema(name = "academy_id") Long academyId,
            @JsonbProperty("current_day") @Schema(name = "current_day") Integer currentDay) {
    }

    public record CohortView(long id, String slug, String name,
            @JsonbProperty("academy_id") @Schema(name = "academy_id") long academyId,
            @JsonbProperty("current_day") @Schema(name = "current_day") Integer currentDay) {
    }

    @POST
    @Path("cohorts")
    @Operation(operationId = "identity_cohort_create", summary = "Create a cohort in an academy")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CohortView.class)))
    public Response createCohort(@Valid @NotNull NewCohort body) {
        caller.requirePlatformAdmin();
        Cohort cohort = cohorts.create(body.slug(), body.name(), body.academyId(), body.currentDay());
        return created(new CohortView(cohort.id(), cohort.slug(), cohort.name(), cohort.academy().id(),
                cohort.currentDay()));
    }

    public record NewCohortUser(@JsonbProperty("user_id") @Schema(name = "user_id") String userId, String role) {
    }

    public record CohortUser(@JsonbProperty("cohort_id") @Schema(name = "cohort_id") long cohortId,
            @JsonbProperty("user_id") @Schema(name = "user_id") long userId,
            String role) {
    }

    @POST
    @Path("cohorts/{slug_or_id}/users")
    @Operation(operationId = "identity_cohort_user_add", summary = "Put an account in a cohort as STUDENT, TEACHER or ASSISTANT")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = CohortUser.class)))
    @APIResponse(responseCode = "404", description = "No such cohort")
    public Response addCohortUser(@PathParam("slug_or_id") String cohort, @Valid @NotNull NewCohortUser body) {
        caller.requirePlatformAdmin();
        CohortMember member = cohorts.addUser(cohort, body.userId(), body.role());
        return created(new CohortUser(member.cohort().id(), accounts.require(body.userId()).id(),
                member.role().name()));
    }

    public record NewClient(String name, String edapp,
            @JsonbProperty("academy_id") @Schema(name = "academy_id") Long academyId) {
    }

    public record ClientCredentials(@JsonbProperty("client_id") @Schema(name = "client_id") String clientId,
            @JsonbProperty("client_secret") @Schema(name = "client_secret") String clientSecret, String edapp, String name,
            @JsonbProperty("academy_id") @Schema(name = "academy_id") Long academyId) {
    }

    @POST
    @Path("clients")
    @Operation(operationId = "identity_client_create", summary = "Register an API client; the secret is shown in this response only",
            description = "academy_id, optional, binds the client to an academy: its Caliper events count in group "
                    + "progress only for that academy's members.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(ref = "ClientCredentials")))
    public Response createClient(@Valid @NotNull NewClient body) {
        caller.requirePlatformAdmin();
        ApiClients.Registered registered = clients.register(body.name(), body.edapp(), body.academyId());
        return created(new ClientCredentials(registered.clientId(), registered.clientSecret(), registered.edapp(),
                registered.name(), registered.academyId()));
    }

    public record ClientStatus(@JsonbProperty("client_id") @Schema(name = "client_id") String clientId, String name, String edapp, boolean active) {
        static ClientStatus of(ApiClient c) {
            return new ClientStatus(c.clientId(), c.name(), c.edapp(), c.isActive());
        }
    }

    @POST
    @Path("clients/{client_id}/disable")
    @Operation(operationId = "identity_client_disable", summary = "Disable an API client: its secret, every token it holds and its API keys stop working")
    @APIResponse(responseCode = "200", description = "Disabled",
            content = @Content(schema = @Schema(ref = "ClientStatus")))
    @APIResponse(responseCode = "404", description = "No such client")
    public ClientStatus disableClient(@PathParam("client_id") String clientId) {
        caller.requirePlatformAdmin();
        return ClientStatus.of(clients.disable(clientId));
    }

    @POST
    @Path("clients/{client_id}/enable")
    @Operation(operationId = "identity_client_enable", summary = "Enable a disabled API client; tokens and API keys issued before it was disabled stay void")
    @APIResponse(responseCode = "200", description = "Enabled",
            content = @Content(schema = @Schema(ref = "ClientStatus")))
    @APIResponse(responseCode = "404", description = "No such client")
    public ClientStatus enableClient(@PathParam("client_id") String clientId) {
        caller.requirePlatformAdmin();
        return ClientStatus.of(clients.enable(clientId));
    }

    @POST
    @Path("clients/{client_id}/rotate-secret")
    @Operation(operationId = "identity_client_secret_rotate", summary = "Give an API client a new secret, shown in this response only; the old secret, "
            + "every token issued with it and the client's API keys stop working")
    @APIResponse(responseCode = "200", description = "The new credentials",
            content = @Content(schema = @Schema(ref = "ClientCredentials")))
    @APIResponse(responseCode = "404", description = "No such client")
    public ClientCredentials rotateClientSecret(@PathParam("client_id") String clientId) {
        caller.requirePlatformAdmin();
        ApiClients.Registered registered = clients.rotateSecret(clientId);
        return new ClientCredentials(registered.clientId(), registered.clientSecret(), registered.edapp(),
                registered.name(), registered.academyId());
    }

    public record ApiKey(@JsonbProperty("key_id") @Schema(name = "key_id") String keyId, String key,
            @JsonbProperty("client_id") @Schema(name = "client_id") String clientId,
            @JsonbProperty("created_at") @Schema(name = "created_at") Instant createdAt) {
        @Override
        public String toString() {
            return "ApiKey[keyId=" + keyId + ", clientId=" + clientId + "]";
        }
    }

    @POST
    @Path("clients/{client_id}/keys")
    @Operation(operationId = "identity_client_key_issue", summary = "Issue an API key for an API client; the key is shown in this response only",
            description = "The key is accepted wherever the client's token is (Authorization: Bearer <key>, or the bare "
                    + "key), with no expiry, until it is revoked, the client is disabled or its secret rotated.")
    @APIResponse(responseCode = "201", description = "key_id, key (shown once), client_id, created_at",
            content = @Content(schema = @Schema(implementation = ApiKey.class)))
    @APIResponse(responseCode = "404", description = "No such client")
    public Response issueClientKey(@PathParam("client_id") String clientId) {
        caller.requirePlatformAdmin();
        ClientKeys.IssuedKey issued = keys.issue(clientId);
        return created(new ApiKey(issued.keyId(), issued.key(), issued.clientId(), issued.createdAt()));
    }

    @DELETE
    @Path("clients/{client_id}/keys/{key_id}")
    @Operation(operationId = "identity_client_key_revoke", summary = "Revoke an API key: it is refused from the next request on (on every instance within "
            + "PULSE_ACCOUNT_STATE_TTL)")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such client, or the client has no such key")
    public Response revokeClientKey(@PathParam("client_id") String clientId, @PathParam("key_id") String keyId) {
        caller.requirePlatformAdmin();
        keys.revoke(clientId, keyId);
        return Response.noContent().build();
    }

    public record Role(String slug, String name, Set<String> capabilities) {
    }

    @GET
    @Path("roles")
    @Operation(operationId = "identity_role_list", summary = "The academy role catalogue with each role's capabilities")
    @APIResponse(responseCode = "200", description = "Every role",
            content = @Content(schema = @Schema(ref = "RoleList")))
    public List<Role> roles() {
        caller.requirePlatformAdmin();
        return roster.roles().stream().map(r -> new Role(r.slug(), r.name(), r.capabilities())).toList();
    }

    private static Response created(Object body) {
        return Response.status(Response.Status.CREATED).entity(body).build();
    }
}
