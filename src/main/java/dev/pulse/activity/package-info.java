/**
 * BreatheCode's Activity API under /v1/activity: what learners do (logins, lessons opened,
 * attendance, exercises) and the coding errors their tools report, recorded as an append-only
 * stream and read back newest first with keyset pagination, plus counts by slug or day.
 * Storage goes through {@link dev.pulse.activity.ActivityStore}: PostgreSQL by default, Google
 * Cloud Datastore when {@code PULSE_ACTIVITY_STORE=datastore}.
 */
package dev.pulse.activity;
