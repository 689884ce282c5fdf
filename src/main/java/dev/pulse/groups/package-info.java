/**
 * Study groups in the Sunbird group API ({@code /api/group/v1/*}): groups, their members
 * (admins and members, removed softly), the activities a group follows, and the activity
 * aggregate ({@code /api/data/v1/group/activity/agg}) that reports each member's progress.
 * Responses use the Sunbird envelope; limits come from configuration ({@link dev.pulse.groups.GroupLimits}).
 */
package dev.pulse.groups;
