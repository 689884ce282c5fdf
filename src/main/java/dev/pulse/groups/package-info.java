/**
 * Study groups in the Sunbird group API ({@code /api/group/v1/*}): groups, their members
 * (admins and members, removed softly), the activities a group follows, and the activity
 * aggregate ({@code /api/data/v1/group/activity/agg}) that reports each member's progress.
 * Responses use the Sunbird envelope; limits come from configuration ({@link dev.pulse.groups.GroupLimits}).
 * <p>
 * {@link dev.pulse.groups.Groups} holds each operation's transaction; the rules it applies are pure:
 * {@link dev.pulse.groups.GroupPermissions} (who may), {@link dev.pulse.groups.MembershipRules} and
 * {@link dev.pulse.groups.GroupActivityRules} (which changes apply, within the limits);
 * {@link dev.pulse.groups.GroupStore} holds the queries. Progress for the aggregate comes through the
 * platform's {@link dev.pulse.platform.progress.LearnerProgress} port, not from other features.
 */
package dev.pulse.groups;
