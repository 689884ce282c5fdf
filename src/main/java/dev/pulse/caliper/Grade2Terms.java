package dev.pulse.caliper;

import java.util.List;

/**
 * The analytics hub's grade2 vocabulary: the closed value lists of its reading and grading events,
 * in the order the error messages name them.
 */
final class Grade2Terms {

    private Grade2Terms() {
    }

    static final List<String> TYPES = List.of("GradeEvent", "ViewEvent", "GradeViewEvent");
    static final List<String> PROFILES = List.of("GradingProfile", "ReadingProfile", "ReadingGradingProfile");
    // the hub's integrators spell the combined action "ViewdGraded"; the natural spelling is accepted too
    static final List<String> ACTIONS = List.of("Viewed", "Graded", "ViewdGraded", "ViewedGraded");
    static final List<String> OBJECT_TYPES = List.of("Attempt", "Reading", "Reading/Listen");
    static final List<String> ASSIGNEE_TYPES = List.of("Person");
    static final List<String> ASSIGNABLE_TYPES = List.of("Activity", "Book Activity");
    static final List<String> COMPLETION = List.of("SUCCESSFULL", "FAILURE", "ONGOING", "EXTRA", "CANCEL");
    static final List<String> SUBJECT_TYPES = List.of("Subject", "GroupStudy", "Task");
    static final List<String> GENERATED_TYPES = List.of("Score");
}
