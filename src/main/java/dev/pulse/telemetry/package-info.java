/**
 * Assignment telemetry (BreatheCode): what LearnPack reports while a student works on an asset,
 * one record per academy, asset and student, written by academy staff with the
 * {@code crud_telemetry} capability under /v1/assignment/academy, and by the student's own LearnPack
 * under /v1/assignment/me/telemetry ({@link dev.pulse.telemetry.LearnPackReport}). Upserts and partial updates
 * are single SQL statements so that racing requests neither duplicate records nor lose fields.
 * Other features read progress through {@link dev.pulse.telemetry.AssignmentTelemetries#latestProgress}.
 */
package dev.pulse.telemetry;
