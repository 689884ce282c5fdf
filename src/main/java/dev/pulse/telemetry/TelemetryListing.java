package dev.pulse.telemetry;

import dev.pulse.identity.Account;
import dev.pulse.identity.Accounts;
import dev.pulse.identity.Cohort;
import dev.pulse.identity.Cohorts;
import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.input.Cursor;
import dev.pulse.platform.input.FieldMessages;
import dev.pulse.platform.input.JsonFields;
import dev.pulse.platform.input.PageRequest;
import dev.pulse.platform.input.Slug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The academy's telemetry list: newest update first, a page at a time, narrowed to an asset, a
 * user or a cohort's members. The keyset position travels in the {@code cursor} query parameter;
 * the answer hands the next page's out as {@code next_cursor} (and inside the {@code next} URL).
 */
@ApplicationScoped
public class TelemetryListing {

    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;

    /**
     * A page also ends before the record that would take its documents (telemetry and metrics) past this
     * many characters, so that a page of 10 MiB documents is not a gigabyte; it always holds one record.
     */
    static final long MAX_PAGE_CHARS = 16L * 1024 * 1024;

    @Inject
    Accounts accounts;

    @Inject
    Cohorts cohorts;

    @Inject
    TelemetryStore store;

    /** One page of the academy list and the cursor of the next page, if there is one. */
    public record Page(List<AssignmentTelemetry> records, Optional<Cursor> next) {
        static final Page EMPTY = new Page(List.of(), Optional.empty());
    }

    /** What the academy list is narrowed to, as the query gave it; null means "any". */
    public record Filter(String asset, String user, String cohort, String limit, String cursor) {
    }

    Page list(long academyId, Filter filter) {
        JsonFields problems = JsonFields.of(Map.of(), FieldMessages.BREATHECODE);
        // larger pages are cut to the maximum, as DRF does
        PageRequest page = PageRequest.read(filter.limit(), filter.cursor(), DEFAULT_PAGE, MAX_PAGE, problems);
        String asset = blankAsNull(filter.asset());
        if (asset != null) {
            Slug.problems(asset, problems.messages()).forEach(problem -> problems.fail("asset", problem));
        }
        problems.check();

        Long accountId = null;
        if (blankAsNull(filter.user()) != null) {
            Optional<Account> user = accounts.resolve(filter.user());
            if (user.isEmpty()) {
                return Page.EMPTY; // nobody by that reference has records
            }
            accountId = user.get().id();
        }
        List<Long> members = null;
        if (blankAsNull(filter.cohort()) != null) {
            Cohort cohort = cohorts.resolve(filter.cohort())
                    .filter(c -> c.academy().id() == academyId)
                    .orElseThrow(() -> ApiError.notFound("cohort-not-found", "Cohort " + filter.cohort() + " not found"));
            members = cohorts.memberAccountIds(cohort.id());
            if (members.isEmpty()) {
                return Page.EMPTY;
            }
        }
        int limit = page.limit();
        List<TelemetryStore.Position> positions = store.page(
                new TelemetryStore.Scope(academyId, asset, accountId, members), page.after(), limit + 1);
        List<AssignmentTelemetry> records = new ArrayList<>();
        TelemetryStore.Position last = null;
        long chars = 0;
        for (TelemetryStore.Position position : positions) {
            if (records.size() == limit) {
                return new Page(List.copyOf(records), Optional.of(last.cursor()));
            }
            Optional<AssignmentTelemetry> found = store.find(position);
            if (found.isEmpty()) {
                continue; // deleted since the positions were read
            }
            AssignmentTelemetry record = found.get();
            chars += documentChars(record);
            if (!records.isEmpty() && chars > MAX_PAGE_CHARS) {
                store.forget(record);
                return new Page(List.copyOf(records), Optional.of(last.cursor()));
            }
            records.add(record);
            last = position;
        }
        // a record deleted meanwhile leaves the page short, but those after it are still to come
        boolean more = positions.size() > limit && last != null;
        return new Page(List.copyOf(records), more ? Optional.of(last.cursor()) : Optional.empty());
    }

    private static long documentChars(AssignmentTelemetry record) {
        return (record.telemetry() == null ? 0 : record.telemetry().length())
                + (record.metrics() == null ? 0 : record.metrics().length());
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
