package dev.pulse.telemetry;

import dev.pulse.identity.Account;
import dev.pulse.identity.Accounts;
import dev.pulse.identity.Cohort;
import dev.pulse.identity.Cohorts;
import dev.pulse.platform.api.ApiError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The academy's telemetry list: newest update first, a page at a time, narrowed to an asset, a
 * user or a cohort's members. The position of the next page travels as {@code cursor} in the
 * query; the answer names it {@code next_cursor}.
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
    public record Page(List<AssignmentTelemetry> records, Optional<TelemetryCursor> next) {
        static final Page EMPTY = new Page(List.of(), Optional.empty());
    }

    /** What the academy list is narrowed to, as the query gave it; null means "any". */
    public record Filter(String asset, String user, String cohort, String limit, String cursor) {
    }

    Page list(long academyId, Filter filter) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        int limit = DEFAULT_PAGE;
        if (filter.limit() != null && !filter.limit().isBlank()) {
            try {
                int asked = Integer.parseInt(filter.limit().trim());
                if (asked < 1) {
                    errors.put("limit", List.of("Ensure this value is greater than or equal to 1."));
                }
                limit = Math.min(Math.max(asked, 1), MAX_PAGE); // larger pages are cut to the maximum, as DRF does
            } catch (NumberFormatException e) {
                errors.put("limit", List.of("A valid integer is required."));
            }
        }
        Optional<TelemetryCursor> after = Optional.empty();
        if (filter.cursor() != null && !filter.cursor().isBlank()) {
            after = TelemetryCursor.decode(filter.cursor());
            if (after.isEmpty()) {
                errors.put("cursor", List.of("Invalid cursor."));
            }
        }
        String asset = blankAsNull(filter.asset());
        if (asset != null) {
            List<String> slug = TelemetryValidator.slugErrors(asset);
            if (!slug.isEmpty()) {
                errors.put("asset", slug);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiError.invalid(errors);
        }

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
        List<AssignmentTelemetry> rows = store.page(new TelemetryStore.Scope(academyId, asset, accountId, members),
                after, limit + 1);
        if (rows.size() <= limit) {
            return new Page(rows, Optional.empty());
        }
        List<AssignmentTelemetry> page = rows.subList(0, limit);
        AssignmentTelemetry last = page.get(limit - 1);
        return new Page(List.copyOf(page), Optional.of(new TelemetryCursor(last.updatedAt(), last.id())));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
