package dev.pulse.live;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.input.JsonBodies;
import dev.pulse.platform.input.NumericId;
import dev.pulse.platform.input.PageRequest;
import dev.pulse.platform.metrics.Meter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mentorship help queue. Every state change that can race (claim, close, reopen, expire) locks
 * the ticket's row first and then applies the ticket's own rule ({@link MentorTicket}), so of two
 * simultaneous claims the second waits, sees the first one's claim and is refused. The per-account limits
 * ({@link MentorshipLimits}) are counted under a per-account advisory lock, taken before any ticket row, so two
 * claims or creations by one account at once (on any instance) are counted one after the other.
 */
@ApplicationScoped
@Transactional
public class MentorshipQueue {

    private static final JsonProvider JSON = JsonBodies.provider();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Notifications notifications;

    @Inject
    Meter meter;

    @Inject
    @ConfigProperty(name = "PULSE_TICKET_EXPIRY", defaultValue = "PT30M")
    Duration expiryWindow;

    @Inject
    @ConfigProperty(name = "PULSE_LIVE_MAX_CLAIMS", defaultValue = "2")
    int maxClaims;

    @Inject
    @ConfigProperty(name = "PULSE_LIVE_MAX_OPEN_TICKETS", defaultValue = "5")
    int maxOpenTickets;

    @Inject
    @ConfigProperty(name = "PULSE_LIVE_MENTORS_ONLY", defaultValue = "false")
    boolean mentorsOnly;

    /** Namespace of this feature's advisory locks (pg_advisory_xact_lock(int, int)): one per account. */
    private static final int TICKET_COUNT_LOCK = 0x6d6e7472;

    public MentorTicket create(long creatorId, String description, String location, String contact) {
        Instant now = clock.instant();
        lockTicketCountsOf(creatorId);
        limits().refuseOpen(activeTicketsOf(creatorId, now)).ifPresent(refusal -> {
            throw refusal;
        });
        MentorTicket ticket = new MentorTicket(description, location, contact, creatorId, now, now.plus(expiryWindow));
        em.persist(ticket);
        em.flush();
        saved(ticket, now);
        counted("opened");
        return ticket;
    }

    /** Open tickets, oldest first (a reopened ticket keeps its place). */
    public List<MentorTicket> open() {
        return em.createQuery("""
                        select t from MentorTicket t
                        where t.claimerId is null and t.timeComplete is null and t.expired = false and t.expiresAt > :now
                        order by t.timeCreated, t.id""", MentorTicket.class)
                .setParameter("now", clock.instant())
                .getResultList();
    }

    /**
     * One page of the open queue, oldest first: up to {@code page.limit()} tickets after the cursor's
     * (time created, id), and one more when there is a next page.
     */
    public List<MentorTicket> open(PageRequest page) {
        String after = page.after().isPresent() ? "and (t.timeCreated > :at or (t.timeCreated = :at and t.id > :id))" : "";
        var query = em.createQuery("""
                        select t from MentorTicket t
                        where t.claimerId is null and t.timeComplete is null and t.expired = false and t.expiresAt > :now
                        %s order by t.timeCreated, t.id""".formatted(after), MentorTicket.class)
                .setParameter("now", clock.instant())
                .setMaxResults(page.limit() + 1);
        page.after().ifPresent(c -> query.setParameter("at", c.at()).setParameter("id", c.id()));
        return query.getResultList();
    }

    /** The caller's own tickets in Vivere's four buckets, each newest first. */
    public Map<MentorTicket.Bucket, List<MentorTicket>> bucketsOf(long accountId) {
        Instant now = clock.instant();
        Map<MentorTicket.Bucket, List<MentorTicket>> buckets = new EnumMap<>(MentorTicket.Bucket.class);
        for (MentorTicket.Bucket bucket : MentorTicket.Bucket.values()) {
            buckets.put(bucket, new java.util.ArrayList<>());
        }
        em.createQuery("select t from MentorTicket t where t.creatorId = :me order by t.timeCreated desc, t.id desc",
                        MentorTicket.class)
                .setParameter("me", accountId)
                .getResultStream()
                .forEach(t -> buckets.get(t.bucket(now)).add(t));
        return buckets;
    }

    /** Tickets the caller claimed and has not closed, oldest first. */
    public List<MentorTicket> claimedBy(long accountId) {
        return em.createQuery("""
                        select t from MentorTicket t where t.claimerId = :me and t.timeComplete is null
                        order by t.timeCreated, t.id""", MentorTicket.class)
                .setParameter("me", accountId)
                .getResultList();
    }

    public MentorTicket claim(String id, long accountId) {
        limits().refuseClaimer(mentorsOnly && isMentor(accountId)).ifPresent(refusal -> {
            throw refusal;
        });
        lockTicketCountsOf(accountId);
        MentorTicket ticket = locked(id);
        Instant now = clock.instant();
        if (ticket.isOpen(now)) {
            limits().refuseClaim(claimsHeldBy(accountId)).ifPresent(refusal -> {
                throw refusal;
            });
        }
        ticket.claim(accountId, now).ifPresent(refusal -> {
            String why = switch (refusal) {
                case CLOSED -> "closed";
                case CLAIMED -> "already claimed";
                default -> "expired";
            };
            throw ApiError.conflict("ticket-unavailable", "Ticket " + id + " is " + why + " and cannot be claimed");
        });
        saved(ticket, now);
        counted("claimed");
        return ticket;
    }

    public MentorTicket close(String id, long accountId) {
        MentorTicket ticket = locked(id);
        Instant now = clock.instant();
        Optional<MentorTicket.Refusal> refusal = ticket.close(accountId, now);
        if (refusal.isEmpty()) {
            saved(ticket, now);
            counted("closed");
        } else if (refusal.get() == MentorTicket.Refusal.NOT_INVOLVED) {
            throw notInvolved("close");
        }
        // closing a closed ticket succeeds again, as Vivere answers it, and changes nothing
        return ticket;
    }

    /** Clears claim and completion and restarts the expiry window; time_created, the queue place, stays. */
    public MentorTicket reopen(String id, long accountId) {
        // the creator's count is locked before the ticket's row, in the order claim and create take them; only the
        // creator (which never changes) is read first, so the ticket itself is loaded under its lock
        NumericId.parse(id)
                .flatMap(i -> em.createQuery("select t.creatorId from MentorTicket t where t.id = :id", Long.class)
                        .setParameter("id", i).getResultStream().findFirst())
                .ifPresent(this::lockTicketCountsOf);
        MentorTicket ticket = locked(id);
        Instant now = clock.instant();
        if (!ticket.isActive(now) && ticket.involves(accountId)) {
            limits().refuseOpen(activeTicketsOf(ticket.creatorId(), now)).ifPresent(refusal -> {
                throw refusal;
            });
        }
        ticket.reopen(accountId, now, now.plus(expiryWindow)).ifPresent(refusal -> {
            throw refusal == MentorTicket.Refusal.NOT_INVOLVED ? notInvolved("reopen")
                    : ApiError.forbidden("ticket-open", "Ticket " + id + " is already open");
        });
        saved(ticket, now);
        counted("reopened");
        return ticket;
    }

    /**
     * Expires up to {@code atMost} open tickets whose window has ended and announces each; returns how
     * many. Every instance sweeps ({@link TicketExpiry}): {@code skip locked} hands simultaneous sweeps
     * different rows, and each ticket's rule runs again on its locked row, so a ticket expires once,
     * whichever instance created it and whether or not that instance still runs (docs/decisions/0027).
     */
    public int expireDue(int atMost) {
        Instant now = clock.instant();
        List<?> due = em.createNativeQuery("""
                        select id from mentor_ticket
                        where claimer_id is null and time_complete is null and not expired and expires_at <= ?1
                        order by expires_at limit ?2 for update skip locked""")
                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                .setParameter(2, atMost)
                .getResultList();
        int expired = 0;
        for (Object id : due) {
            MentorTicket ticket = em.find(MentorTicket.class, ((Number) id).longValue());
            if (ticket.expireIfDue(now)) {
                counted("expired");
                notifications.publish("expire", Notifications.Channel.MENTORSHIP,
                        JSON.createArrayBuilder().add(TicketView.broadcast(ticket, now).toJson()).build());
                expired++;
            }
        }
        return expired;
    }

    /** Counts a ticket's change of state: opened, claimed, closed, reopened or expired. */
    private void counted(String transition) {
        meter.count("pulse_mentorship_tickets", "transition", transition);
    }

    /** Marks (or unmarks) an account as a mentor; idempotent, so two organisers at once agree. */
    public void markMentor(long accountId, boolean mentor) {
        if (mentor) {
            em.createNativeQuery("insert into live_mentor (account_id, marked_at) values (?1, now()) on conflict do nothing")
                    .setParameter(1, accountId).executeUpdate();
        } else {
            em.createNativeQuery("delete from live_mentor where account_id = ?1").setParameter(1, accountId)
                    .executeUpdate();
        }
    }

    private boolean isMentor(long accountId) {
        return !em.createNativeQuery("select 1 from live_mentor where account_id = ?1").setParameter(1, accountId)
                .getResultList().isEmpty();
    }

    private MentorshipLimits limits() {
        return new MentorshipLimits(maxClaims, maxOpenTickets, mentorsOnly);
    }

    /** Serialises the counting of one account's claims and tickets, across instances, until commit. */
    private void lockTicketCountsOf(long accountId) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1, ?2)) locked")
                .setParameter(1, TICKET_COUNT_LOCK)
                .setParameter(2, (int) accountId)
                .getSingleResult();
    }

    private long claimsHeldBy(long accountId) {
        return em.createQuery("select count(t) from MentorTicket t where t.claimerId = :me and t.timeComplete is null",
                        Long.class)
                .setParameter("me", accountId).getSingleResult();
    }

    /** The account's tickets that {@link MentorTicket#isActive} at {@code now}, counted in SQL. */
    private long activeTicketsOf(long accountId, Instant now) {
        return em.createQuery("""
                        select count(t) from MentorTicket t where t.creatorId = :me and t.timeComplete is null
                        and t.expired = false and (t.claimerId is not null or t.expiresAt > :now)""", Long.class)
                .setParameter("me", accountId).setParameter("now", now).getSingleResult();
    }

    /** The ticket, its row locked until commit: of two changes at once, the second sees what the first did. */
    private MentorTicket locked(String id) {
        return NumericId.parse(id).map(i -> em.find(MentorTicket.class, i, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> ApiError.notFound("ticket-not-found", "No ticket with id " + id));
    }

    private static ApiError notInvolved(String action) {
        return ApiError.forbidden("not-your-ticket",
                "Only the ticket's creator or the mentor who claimed it can " + action + " it");
    }

    private void saved(MentorTicket ticket, Instant now) {
        notifications.publish("save", Notifications.Channel.MENTORSHIP, TicketView.broadcast(ticket, now).toJson());
    }
}
