package dev.pulse.activity;

import java.util.List;

/** Placeholder until the Datastore implementation lands. */
public class DatastoreActivityStore implements ActivityStore {

    static DatastoreActivityStore connect(String project, String emulatorHost) {
        throw new IllegalStateException("the datastore activity store is not available yet");
    }

    @Override public Activity append(Activity activity) { throw new UnsupportedOperationException(); }
    @Override public Page<Activity> userActivities(long userId, Window window) { throw new UnsupportedOperationException(); }
    @Override public Page<Activity> cohortActivities(long cohortId, Window window) { throw new UnsupportedOperationException(); }
    @Override public CodingError append(CodingError error) { throw new UnsupportedOperationException(); }
    @Override public Page<CodingError> codingErrors(long userId, Window window) { throw new UnsupportedOperationException(); }
    @Override public List<Count> report(Report report) { throw new UnsupportedOperationException(); }
}
