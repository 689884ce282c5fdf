package dev.pulse.groups;

import dev.pulse.groups.ActivityProgress.ActivityFigures;
import dev.pulse.groups.ActivityProgress.Evidence;
import dev.pulse.groups.ActivityProgress.MemberFigures;
import dev.pulse.groups.GroupRequests.AggregateRequest;
import dev.pulse.caliper.CaliperEvents;
import dev.pulse.caliper.StoredEvent;
import dev.pulse.identity.Account;
import dev.pulse.identity.Accounts;
import dev.pulse.platform.api.ApiError;
import dev.pulse.telemetry.AssignmentTelemetries;
import dev.pulse.telemetry.TelemetryProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The group activity aggregate, computed on request from real progress: assignment telemetry
 * (completion rate of the asset whose slug is the activity id) and Caliper events (whose
 * {@code object.assignable.id} is the activity id), both read through their features' services.
 */
@ApplicationScoped
@Transactional
public class GroupActivityAggregates {

    @Inject
    GroupStore store;

    @Inject
    Accounts accounts;

    @Inject
    AssignmentTelemetries telemetries;

    @Inject
    CaliperEvents caliperEvents;

    /** The Caliper query service's largest page. */
    private static final int CALIPER_PAGE = 500;

    public record MemberAggregate(UUID userId, String name, String role, String status, MemberFigures figures) {
    }

    public record Aggregate(UUID groupId, String activityId, String activityType, ActivityFigures activity,
            List<MemberAggregate> members) {
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
        List<GroupMember> members = store.activeMembers(group);
        List<Long> accountIds = members.stream().map(GroupMember::accountId).toList();

        List<Evidence> evidence = new ArrayList<>();
        for (TelemetryProgress p : telemetries.latestProgress(accountIds, request.activityId())) {
            evidence.add(new Evidence(p.accountId(), p.completionRate() == null ? 0 : p.completionRate(), p.updatedAt()));
        }
        evidence.addAll(caliperEvidence(new HashSet<>(accountIds), request.activityId()));

        List<MemberFigures> figures = ActivityProgress.perMember(accountIds, evidence);
        List<MemberAggregate> perMember = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            GroupMember m = members.get(i);
            Optional<Account> account = accounts.byId(m.accountId());
            perMember.add(new MemberAggregate(account.map(Account::uuid).orElse(null),
                    account.map(Account::displayName).orElse(null), m.role(), m.status(), figures.get(i)));
        }
        return new Aggregate(group.id(), request.activityId(), request.activityType(), ActivityProgress.overall(figures),
                perMember);
    }

    /**
     * Every Caliper event about the activity, from any integrator, page by page through the Caliper
     * query service; events about accounts outside the group (or about no account) prove nothing here.
     */
    private List<Evidence> caliperEvidence(Set<Long> members, String activityId) {
        List<Evidence> evidence = new ArrayList<>();
        String cursor = null;
        do {
            CaliperEvents.Page page = caliperEvents.find(new CaliperEvents.Filter(null, null, activityId, null, null,
                    null, null, String.valueOf(CALIPER_PAGE), cursor));
            for (StoredEvent e : page.events()) {
                if (e.accountId() != null && members.contains(e.accountId())) {
                    evidence.add(new Evidence(e.accountId(), ActivityProgress.ofCaliperEvent(e.payload()), e.eventTime()));
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return evidence;
    }
}
