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
        List<AssignmentTelemetry> rows = store.page(new TelemetryStore.Scope(academyId, asset, accountId, members),
                page.after(), limit + 1);
        if (rows.size() <= limit) {
            return new Page(rows, Optional.empty());
        }
        List<AssignmentTelemetry> records = rows.subList(0, limit);
        AssignmentTelemetry last = records.get(limit - 1);
        return new Page(List.copyOf(records), Optional.of(new Cursor(last.updatedAt(), last.id())));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
