package dev.pulse.groups;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of the group activity aggregate, apart from where the records come from: a
 * member's progress is the best of their progress records (from every
 * {@link dev.pulse.platform.progress.LearnerProgress} source), 100 counts as completed, and the
 * activity's figures summarise the members.
 */
final class ActivityProgress {

    static final double COMPLETE = 100.0;

    private ActivityProgress() {
    }

    /** One piece of evidence of an account's progress on the activity, 0–100, as of {@code at}. */
    record Evidence(long accountId, double progress, Instant at) {
    }

    /** A member's figures; {@code lastUpdated} null when there is no record at all. */
    record MemberFigures(long accountId, boolean enrolled, double progress, Instant lastUpdated) {

        boolean completed() {
            return enrolled && progress >= COMPLETE;
        }
    }

    record ActivityFigures(int enrolmentCount, int completedCount, double averageProgress, Instant lastUpdated) {
    }

    /** Each member's best progress, in the members' order; evidence about non-members is ignored. */
    static List<MemberFigures> perMember(List<Long> members, Collection<Evidence> evidence) {
        Map<Long, MemberFigures> figures = new LinkedHashMap<>();
        members.forEach(m -> figures.put(m, new MemberFigures(m, false, 0, null)));
        for (Evidence e : evidence) {
            MemberFigures current = figures.get(e.accountId());
            if (current == null) {
                continue;
            }
            double best = current.enrolled() ? Math.max(current.progress(), clamp(e.progress())) : clamp(e.progress());
            Instant latest = current.lastUpdated() == null || (e.at() != null && e.at().isAfter(current.lastUpdated()))
                    ? e.at() : current.lastUpdated();
            figures.put(e.accountId(), new MemberFigures(e.accountId(), true, best, latest));
        }
        return new ArrayList<>(figures.values());
    }

    /** Enrolment = members with any record; the average is over all members, those without records counting 0. */
    static ActivityFigures overall(List<MemberFigures> members) {
        int enrolled = 0;
        int completed = 0;
        double sum = 0;
        Instant latest = null;
        for (MemberFigures m : members) {
            if (m.enrolled()) {
                enrolled++;
            }
            if (m.completed()) {
                completed++;
            }
            sum += m.progress();
            if (m.lastUpdated() != null && (latest == null || m.lastUpdated().isAfter(latest))) {
                latest = m.lastUpdated();
            }
        }
        double average = members.isEmpty() ? 0 : round2(sum / members.size());
        return new ActivityFigures(enrolled, completed, average, latest);
    }

    static double clamp(double progress) {
        return Double.isNaN(progress) ? 0 : Math.max(0, Math.min(COMPLETE, progress));
    }

    private static double round2(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
