package dev.pulse.telemetry;

import dev.pulse.identity.AccountState;
import dev.pulse.identity.AccountStates;
import dev.pulse.platform.api.ApiError;
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

    @Inject
    AccountStates accounts;

    @Inject
    TelemetryStore store;

    @Inject
    TelemetryListing listing;

    @Inject
    Clock clock;

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
        return new Upserted(written.record(), written.created());
    }

    /** PUT: changes only the fields present; 404 when the record does not exist. */
    public AssignmentTelemetry update(long academyId, String userRef, String assetSlug, JsonValue body) {
        AccountState student = requireStudent(academyId, userRef);
        TelemetryChanges changes = checked(assetSlug, body);
        long id = store.update(key(academyId, student, assetSlug), merge.update(changes))
                .orElseThrow(() -> notFound(assetSlug, userRef));
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

    /** The student must exist and belong to the academy; both failures read the same, as in BreatheCode. */
    private AccountState requireStudent(long academyId, String userRef) {
        AccountState student = accounts.require(userRef);
        if (!student.isMemberOf(academyId)) {
            throw ApiError.notFound("user-not-found", "User with id " + userRef + " not found");
        }
        return student;
    }

    private static TelemetryChanges checked(String assetSlug, JsonValue body) {
        TelemetryChanges changes = TelemetryValidator.validate(assetSlug, body);
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
