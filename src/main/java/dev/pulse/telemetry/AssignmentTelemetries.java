package dev.pulse.telemetry;

import dev.pulse.identity.AccountState;
import dev.pulse.identity.AccountStates;
import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.metrics.Meter;
import dev.pulse.platform.security.Caller;
import dev.pulse.platform.security.Capabilities;
import dev.pulse.telemetry.TelemetryChanges.Field;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * Assignment telemetry's service: one transaction per call (a POST's is shared with other POSTs), and the rules of who may be written
 * about (a student of the academy), what a body may change ({@link TelemetryValidator}, at most
 * {@link #MAX_TELEMETRY_BYTES} of telemetry) and how it merges into the record
 * ({@link TelemetryMerge}); {@link TelemetryStore} runs the statements.
 */
@ApplicationScoped
@Transactional
public class AssignmentTelemetries {

    /** The most telemetry JSON one record holds, 10 MiB; the body limit for these paths is a little higher. */
    public static final int MAX_TELEMETRY_BYTES = 10 * 1024 * 1024;

    /** What a student needs, in an academy it belongs to, to upload its own telemetry. */
    static final String UPLOAD_OWN = "upload_assignment_telemetry";

    @Inject
    AccountStates accounts;

    @Inject
    TelemetryStore store;

    @Inject
    TelemetryListing listing;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    Capabilities capabilities;

    @Inject
    Meter meter;

    private TelemetryMerge merge;

    @PostConstruct
    void init() {
        merge = new TelemetryMerge(clock);
    }

    /** A record after a POST, and whether the POST created it. */
    public record Upserted(AssignmentTelemetry record, boolean created) {
    }

    /**
     * POST: creates the record or changes only the fields present in the body. Not a JTA
     * transaction: the store commits the upsert together with other requests' upserts.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Upserted upsert(long academyId, String userRef, String assetSlug, JsonValue body) {
        AccountState student = requireStudent(academyId, userRef);
        TelemetryChanges changes = checked(assetSlug, body);
        TelemetryStore.Written written = store.upsert(key(academyId, student, assetSlug), merge.upsert(changes));
        return written(written);
    }

    /** PUT: changes only the fields present; 404 when the record does not exist. */
    public AssignmentTelemetry update(long academyId, String userRef, String assetSlug, JsonValue body) {
        AccountState student = requireStudent(academyId, userRef);
        TelemetryChanges changes = checked(assetSlug, body);
        long id = store.update(key(academyId, student, assetSlug), merge.update(changes))
                .orElseThrow(() -> notFound(assetSlug, userRef));
        writes("updated");
        return store.load(id);
    }

    public AssignmentTelemetry find(long academyId, String userRef, String assetSlug) {
        AccountState student = requireStudent(academyId, userRef);
        TelemetryValidator.requireSlug(assetSlug);
        return store.find(key(academyId, student, assetSlug)).orElseThrow(() -> notFound(assetSlug, userRef));
    }

    public void delete(long academyId, String userRef, String assetSlug) {
        AccountState student = requireStudent(academyId, userRef);
        TelemetryValidator.requireSlug(assetSlug);
        if (!store.delete(key(academyId, student, assetSlug))) {
            throw notFound(assetSlug, userRef);
        }
        writes("deleted");
    }

    private Upserted written(TelemetryStore.Written written) {
        writes(written.created() ? "created" : "updated");
        return new Upserted(written.record(), written.created());
    }

    /** Counts a committed (or, inside a JTA transaction, about to commit) change of a record. */
    private void writes(String operation) {
        meter.count("pulse_telemetry_writes", "operation", operation);
    }

    /**
     * LearnPack's POST: the calling student's record for the blob's asset, created or replaced by the
     * blob (and the scores it summarises) in the academy {@link LearnPackReport#academyAmong} picks. Not a
     * JTA transaction, as {@link #upsert}.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Upserted upsertOwn(String body, Collection<String> assetIds) {
        Own own = own(body, assetIds);
        TelemetryStore.Written written = store.upsert(own.key(), merge.upsertUnlessSame(own.report().changes()));
        return written(written);
    }

    /** The same on PUT: only an existing record changes; 404 as the academy endpoint's when there is none. */
    public AssignmentTelemetry updateOwn(String body, Collection<String> assetIds) {
        Own own = own(body, assetIds);
        long id = store.update(own.key(), merge.update(own.report().changes()))
                .orElseThrow(() -> notFound(own.key().assetSlug(), String.valueOf(own.key().accountId())));
        writes("updated");
        return store.load(id);
    }

    /** A student's own report and the record it goes to. */
    private record Own(LearnPackReport report, TelemetryStore.Key key) {
    }

    /**
     * The caller must hold {@code upload_assignment_telemetry} in an academy it belongs to (by role or
     * through a cohort), and the blob must be about the caller when it names a {@code user_id}.
     */
    private Own own(String body, Collection<String> assetIds) {
        long me = caller.requireUser().accountId();
        AccountState student = accounts.require(String.valueOf(me));
        capabilities.requireInAnyAcademyOf(me, UPLOAD_OWN);
        LearnPackReport report = LearnPackReport.read(body, assetIds);
        withinLimit(report.changes());
        if (!report.isAbout(me)) {
            throw ApiError.forbidden("telemetry-of-another-user", "You (user: " + me
                    + ") can only upload your own telemetry, not that of user " + report.userId().orElseThrow());
        }
        List<Long> academies = student.academies().stream()
                .filter(m -> caller.isPlatformAdmin() ? m.academyActive() : student.holds(m.academyId(), UPLOAD_OWN))
                .map(AccountState.AcademyMembership::academyId)
                .toList();
        long academy = report.academyAmong(academies, me);
        return new Own(report, key(academy, student, report.assetSlug()));
    }

    /** The academy's records, newest update first, a page at a time. */
    public TelemetryListing.Page list(long academyId, TelemetryListing.Filter filter) {
        return listing.list(academyId, filter);
    }

    /**
     * Each student's latest progress per asset, for the groups aggregate: records, never the
     * entity. {@code assetSlug} null means every asset. Students without telemetry are simply
     * absent from the answer.
     */
    public List<TelemetryProgress> latestProgress(Collection<Long> accountIds, String assetSlug) {
        if (accountIds == null || accountIds.isEmpty()) {
            return List.of();
        }
        return TelemetryProgress.latestPerStudentAndAsset(store.progress(accountIds, assetSlug));
    }

    /**
     * The student must exist (else BreatheCode's 404 "User with id N not found") and belong to the
     * academy, by role or through a cohort (else a 403: the account exists).
     */
    private AccountState requireStudent(long academyId, String userRef) {
        AccountState student = accounts.require(userRef);
        student.requireMemberOf(academyId);
        return student;
    }

    private static TelemetryChanges checked(String assetSlug, JsonValue body) {
        return withinLimit(TelemetryValidator.validate(assetSlug, body));
    }

    /** The changes, unless their telemetry is over {@link #MAX_TELEMETRY_BYTES} (a 413). */
    private static TelemetryChanges withinLimit(TelemetryChanges changes) {
        Object telemetry = changes.get(Field.TELEMETRY);
        if (telemetry instanceof String json && json.length() > MAX_TELEMETRY_BYTES / 4
                && json.getBytes(StandardCharsets.UTF_8).length > MAX_TELEMETRY_BYTES) {
            throw new ApiError(413, "payload-too-large",
                    "Telemetry is larger than the limit of " + MAX_TELEMETRY_BYTES + " bytes");
        }
        return changes;
    }

    private static TelemetryStore.Key key(long academyId, AccountState student, String assetSlug) {
        return new TelemetryStore.Key(academyId, student.id(), assetSlug);
    }

    private static ApiError notFound(String assetSlug, String userRef) {
        return ApiError.notFound("telemetry-not-found",
                "Assignment telemetry not found for asset " + assetSlug + " and user " + userRef);
    }
}
