package dev.pulse.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.groups.ActivityProgress.ActivityFigures;
import dev.pulse.groups.ActivityProgress.Evidence;
import dev.pulse.groups.ActivityProgress.MemberFigures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityProgressTest {

    private static final Instant T1 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-01-02T10:00:00Z");

    @Test
    void aMembersProgressIsTheirBestRecordAndTheLatestTime() {
        List<MemberFigures> figures = ActivityProgress.perMember(List.of(1L, 2L, 3L), List.of(
                new Evidence(1, 30, T2), new Evidence(1, 80, T1), new Evidence(2, 100, T1), new Evidence(9, 100, T2)));
        assertEquals(new MemberFigures(1, true, 80, T2), figures.get(0));
        assertTrue(figures.get(1).completed());
        assertEquals(new MemberFigures(3, false, 0, null), figures.get(2));
        assertFalse(figures.get(0).completed());
    }

    @Test
    void theActivityCountsEnrolmentsCompletionsAndAveragesOverAllMembers() {
        ActivityFigures overall = ActivityProgress.overall(List.of(new MemberFigures(1, true, 80, T2),
                new MemberFigures(2, true, 100, T1), new MemberFigures(3, false, 0, null)));
        assertEquals(new ActivityFigures(2, 1, 60.0, T2), overall);
        ActivityFigures none = ActivityProgress.overall(List.of());
        assertEquals(0, none.enrolmentCount());
        assertNull(none.lastUpdated());
    }
}
