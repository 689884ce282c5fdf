package dev.pulse.telemetry;

import dev.pulse.platform.progress.LearnerProgress;
import dev.pulse.platform.progress.ProgressRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;

/**
 * Assignment telemetry as a source of progress: the latest completion rate of the asset whose slug
 * is the activity id (0 when never reported), as of the record's last change.
 */
@ApplicationScoped
public class TelemetryProgressSource implements LearnerProgress {

    @Inject
    AssignmentTelemetries telemetries;

    @Override
    public List<ProgressRecord> of(Collection<Long> accountIds, String activityId) {
        return telemetries.latestProgress(accountIds, activityId).stream()
                .map(p -> new ProgressRecord(p.accountId(), p.completionRate() == null ? 0 : p.completionRate(),
                        p.updatedAt()))
                .toList();
    }
}
