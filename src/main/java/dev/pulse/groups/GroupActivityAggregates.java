package dev.pulse.groups;

import dev.pulse.groups.ActivityProgress.ActivityFigures;
import dev.pulse.groups.ActivityProgress.Evidence;
import dev.pulse.groups.ActivityProgress.MemberFigures;
import dev.pulse.groups.GroupRequests.AggregateRequest;
import dev.pulse.identity.AccountState;
import dev.pulse.identity.AccountStates;
import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.progress.LearnerProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The group activity aggregate, computed on request from every source of learners' progress
 * ({@link LearnerProgress}: assignment telemetry for the asset whose slug is the activity id, Caliper
 * events whose {@code object.assignable.id} is the activity id), read through the platform's port.
 * Only one of the group's own activities can be asked about. Each source aggregates in its database,
 * so a request costs a few queries whose answers are bounded by the members, however many events
 * they have.
 */
@ApplicationScoped
@Transactional
public class GroupActivityAggregates {

    /** The family's item code for an activity the group does not have, here for the whole request. */
    static final String ACTIVITY_NOT_FOUND = GroupActivityRules.ACTIVITY_NOT_FOUND;

    @Inject
    GroupStore store;

    @Inject
    AccountStates states;

    @Inject
    Clock clock;

    /** Every feature that records progress: assignment telemetry and Caliper events. */
    @Inject
    @Any
    Instance<LearnerProgress> progressSources;

    public record MemberAggregate(UUID userId, String name, String role, String status, MemberFigures figures) {
    }

    /** {@code asOf}: when it was computed, the time of every figure that has no record behind it yet. */
    public record Aggregate(UUID groupId, String activityId, String activityType, ActivityFigures activity,
            List<MemberAggregate> members, Instant asOf) {
    }

    public Aggregate aggregate(long callerId, boolean platformAdmin, AggregateRequest request) {
        List<String> problems = GroupRequests.problemsOf(request);
        if (!problems.isEmpty()) {
            throw ApiError.badRequest("GS_AGG02", String.join("; ", problems));
        }
        StudyGroup group = store.find(request.groupId())
                .orElseThrow(() -> ApiError.notFound("GS_AGG07", "group " + request.groupId() + " does not exist"));
        if (!GroupPermissions.mayRead(store.activeMember(group, callerId), platformAdmin)) {
            throw new ApiError(401, "GS_AGG03", "only the group's members may read its activity aggregate");
        }
        if (!store.hasActivity(group, request.activityId())) {
            throw ApiError.notFound(ACTIVITY_NOT_FOUND, "group " + request.groupId() + " has no activity "
                    + request.activityId());
        }
        List<GroupMember> members = store.activeMembers(group);
        List<Long> accountIds = members.stream().map(GroupMember::accountId).toList();

        List<Evidence> evidence = new ArrayList<>();
        for (LearnerProgress source : progressSources) {
            source.of(accountIds, request.activityId())
                    .forEach(p -> evidence.add(new Evidence(p.accountId(), p.percent(), p.at())));
        }

        List<MemberFigures> figures = ActivityProgress.perMember(accountIds, evidence);
        List<MemberAggregate> perMember = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            GroupMember m = members.get(i);
            Optional<AccountState> account = states.byId(m.accountId());
            perMember.add(new MemberAggregate(account.map(AccountState::uuid).orElse(null),
                    account.flatMap(GroupViewer::publicName).orElse(null), m.role(), m.status(), figures.get(i)));
        }
        return new Aggregate(group.id(), request.activityId(), request.activityType(), ActivityProgress.overall(figures),
                perMember, clock.instant());
    }
}
