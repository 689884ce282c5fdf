package dev.pulse.platform.progress;

import java.time.Instant;

/**
 * One record of an account's progress on an activity.
 *
 * @param accountId the learner's account id
 * @param percent   0–100
 * @param at        when the source recorded it
 */
public record ProgressRecord(long accountId, double percent, Instant at) {
}
