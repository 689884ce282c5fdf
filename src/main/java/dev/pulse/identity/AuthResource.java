package dev.pulse.identity;

import dev.pulse.platform.api.ApiFamily;
import dev.pulse.platform.api.Family;
import dev.pulse.platform.api.OpenApiContract;
import dev.pulse.platform.security.Caller;
import dev.pulse.platform.security.Capable;
import dev.pulse.platform.security.TokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** BreatheCode sign-in (/v1/auth/login, /v1/auth/me) and what academy staff read of their academy. */
@Path("/v1/auth")
@Family(ApiFamily.BREATHECODE)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "BreatheCode")
@SecurityRequirement(name = "BreatheCodeToken")
public class AuthResource {

    @Inject
    Accounts accounts;

    @Inject
    AcademyRoster roster;

    @Inject
    AccountStates states;

    @Inject
    Cohorts cohorts;

    @Inject
    TokenIssuer tokens;

    @Inject
    PasswordChanges passwordChanges;

    @Inject
    Caller caller;

    public record Login(@NotBlank String email, @NotBlank String password) {
    }

    public record LoggedIn(String token, @JsonbProperty("user_id") @Schema(name = "user_id") long userId, String email,
            @JsonbProperty("expires_at") @Schema(name = "expires_at") Instant expiresAt) {
    }

    @POST
    @Path("login")
    @Operation(operationId = "identity_auth_login", summary = "Exchange email and password for a token")
    @Extension(name = OpenApiContract.NO_TOKEN, value = "true")
    @APIResponse(responseCode = "200", description = "Signed in",
            content = @Content(schema = @Schema(ref = "SignedIn")))
    @APIResponse(responseCode = "400", description = "Wrong credentials (slug invalid-credentials) or missing fields")
    @APIResponse(responseCode = "429", description = "Too many wrong passwords for this account from this address, "
            + "sign-in to it paced, or too many password checks from this address (Retry-After)")
    public LoggedIn login(@Valid @NotNull Login login) {
        return loggedIn(accounts.signIn(login.email(), login.password()));
    }

    private LoggedIn loggedIn(Account account) {
        TokenIssuer.IssuedToken token = tokens.forAccount(account.id(), account.uuid(), account.email(),
                account.isPlatformAdmin(), account.tokenVersion());
        return new LoggedIn(token.token(), account.id(), account.email(), token.expiresAt());
    }

    public record PasswordChange(@JsonbProperty("current_password") @Schema(name = "current_password") String currentPassword,
            @JsonbProperty("new_password") @Schema(name = "new_password") String newPassword) {
    }

    @POST
    @Path("password")
    @Operation(operationId = "identity_password_change", summary = "Change your own password; every earlier token of the account stops working, "
            + "and the answer carries a new one")
    @APIResponse(responseCode = "200", description = "Changed; a new token, as from login",
            content = @Content(schema = @Schema(ref = "SignedIn")))
    @APIResponse(responseCode = "400", description = "Wrong current_password, or new_password missing or shorter than 8")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "429", description = "Too many wrong passwords, as for login (Retry-After)")
    public LoggedIn changePassword(@Valid @NotNull PasswordChange change) {
        return loggedIn(passwordChanges.change(caller.requireUser().accountId(), change.currentPassword(),
                change.newPassword()));
    }

    public record AcademyRole(long id, String slug, String name, String role, Set<String> capabilities) {
    }

    public record CohortRole(long id, String slug, String name, String role) {
    }

    public record Me(long id, UUID uuid, String email, String username,
            @JsonbProperty("first_name") @Schema(name = "first_name") String firstName,
            @JsonbProperty("last_name") @Schema(name = "last_name") String lastName,
            @JsonbProperty("is_platform_admin") @Schema(name = "is_platform_admin") boolean platformAdmin,
            List<AcademyRole> academies, List<CohortRole> cohorts) {
    }

    public record AcademyMemberView(@JsonbProperty("user_id") @Schema(name = "user_id") long userId, String email,
            @JsonbProperty("first_name") @Schema(name = "first_name") String firstName,
            @JsonbProperty("last_name") @Schema(name = "last_name") String lastName, String role) {

        static AcademyMemberView of(Account account, String role) {
            return new AcademyMemberView(account.id(), account.email(), account.firstName(), account.lastName(), role);
        }
    }

    @GET
    @Path("academy/member")
    @Capable("read_member")
    @Operation(operationId = "identity_academy_member_list", summary = "The members of the academy named by the Academy header, with their roles")
    @APIResponse(responseCode = "200", description = "Every member",
            content = @Content(schema = @Schema(ref = "AcademyMemberList")))
    @APIResponse(responseCode = "403", description = "No academy given, or the caller lacks read_member there")
    public List<AcademyMemberView> academyMembers() {
        long academy = caller.academyId().orElseThrow();
        return roster.membersOf(academy).stream()
                .map(m -> AcademyMemberView.of(m.account(), m.role().slug()))
                .toList();
    }

    public record AcademyCohortView(long id, String slug, String name, @JsonbProperty("current_day") @Schema(name = "current_day") Integer currentDay) {
    }

    @GET
    @Path("academy/cohort")
    @Capable("read_all_cohort")
    @Operation(operationId = "identity_academy_cohort_list", summary = "The cohorts of the academy named by the Academy header, by slug")
    @APIResponse(responseCode = "200", description = "Every cohort of the academy",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AcademyCohortView.class)))
    @APIResponse(responseCode = "403", description = "No academy given, or the caller lacks read_all_cohort there")
    public List<AcademyCohortView> academyCohorts() {
        long academy = caller.academyId().orElseThrow();
        return cohorts.ofAcademy(academy).stream()
                .map(c -> new AcademyCohortView(c.id(), c.slug(), c.name(), c.currentDay()))
                .toList();
    }

    @GET
    @Path("academy/cohort/{slug_or_id}/user")
    @Capable("read_member")
    @Operation(operationId = "identity_academy_cohort_user_list", summary = "The members of one of the academy's cohorts, with their cohort roles (STUDENT, TEACHER, ASSISTANT)")
    @APIResponse(responseCode = "200", description = "Every member of the cohort",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AcademyMemberView.class)))
    @APIResponse(responseCode = "403", description = "No academy given, or the caller lacks read_member there")
    @APIResponse(responseCode = "404", description = "No such cohort in the academy")
    public List<AcademyMemberView> cohortUsers(@PathParam("slug_or_id") String cohort) {
        long academy = caller.academyId().orElseThrow();
        return cohorts.membersIn(academy, cohort).stream()
                .map(m -> AcademyMemberView.of(m.account(), m.role().name()))
                .toList();
    }

    @GET
    @Path("me")
    @Operation(operationId = "identity_me_read", summary = "Who am I: the account, its academies with role and capabilities, and its cohorts")
    @APIResponse(responseCode = "200", description = "The calling account",
            content = @Content(schema = @Schema(ref = "Me")))
    @APIResponse(responseCode = "401", description = "No or invalid token")
    public Me me() {
        AccountState account = states.byId(caller.requireUser().accountId())
                .orElseThrow(() -> dev.pulse.platform.api.ApiError.unauthorized("This account no longer exists."));
        List<AcademyRole> academies = account.academies().stream()
                .map(m -> new AcademyRole(m.academyId(), m.slug(), m.name(), m.role(), m.capabilities()))
                .toList();
        List<CohortRole> inCohorts = account.cohorts().stream()
                .map(m -> new CohortRole(m.cohortId(), m.slug(), m.name(), m.role()))
                .toList();
        return new Me(account.id(), account.uuid(), account.email(), account.username(), account.firstName(),
                account.lastName(), account.platformAdmin(), academies, inCohorts);
    }
}
