package dev.pulse.platform.progress;

import java.util.Collection;
import java.util.List;

/**
 * A source of learners' progress on an activity. Implemented by the features that record progress
 * (telemetry, Caliper) and read by the features that report it (the groups' activity aggregate),
 * so that neither depends on the other. Inject every source with {@code @Any Instance<LearnerProgress>}.
 */
public interface LearnerProgress {

    /**
     * What this source knows of these accounts' progress on the activity: a few records per account
     * (none for an account it knows nothing of), combined in the source's database so that the answer
     * is bounded by the accounts asked about, never by how much each has recorded. The caller decides
     * how to combine the sources.
     */
    List<ProgressRecord> of(Collection<Long> accountIds, String activityId);
}
