package dev.pulse.live;

import dev.pulse.platform.api.ApiError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mentorship help queue. Every state change that can race (claim, close, reopen, expire) is one
 * conditional UPDATE whose WHERE clause is the rule, so the database decides who wins; the ticket is
 * read afterwards only to answer or to explain a refusal.
 */
@ApplicationScoped
@Transactional
public class MentorshipQueue {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TicketExpiry expiry;

    @Inject
    Notifications notifications;

    @Inject
    @ConfigProperty(name = "PULSE_TICKET_EXPIRY", defaultValue = "PT30M")
    Duration expiryWindow;

    public MentorTicket create(long creatorId, String description, String location, String contact) {
        Instant now = clock.instant();
        MentorTicket ticket = new MentorTicket(description, location, contact, creatorId, now, now.plus(expiryWindow));
        em.persist(ticket);
        em.flush();
        expiry.schedule(ticket.id(), ticket.expiresAt());
        saved(ticket, now);
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

    /** Every ticket still waiting to expire (not flagged yet, unclaimed, not closed), with its deadline. */
    public Map<Long, Instant> awaitingExpiry() {
        Map<Long, Instant> deadlines = new java.util.LinkedHashMap<>();
        em.createQuery("""
                        select t from MentorTicket t
                        where t.claimerId is null and t.timeComplete is null and t.expired = false""", MentorTicket.class)
                .getResultStream()
                .forEach(t -> deadlines.put(t.id(), t.expiresAt()));
        return deadlines;
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
        long ticketId = existing(id);
        Instant now = clock.instant();
        int won = em.createQuery("""
                        update MentorTicket t set t.claimerId = :me
                        where t.id = :id and t.claimerId is null and t.timeComplete is null
                          and t.expired = false and t.expiresAt > :now""")
                .setParameter("me", accountId).setParameter("id", ticketId).setParameter("now", now)
                .executeUpdate();
        MentorTicket ticket = reload(ticketId);
        if (won == 0) {
            String why = ticket.isClosed() ? "closed" : ticket.isClaimed() ? "already claimed" : "expired";
            throw ApiError.conflict("ticket-unavailable", "Ticket " + id + " is " + why + " and cannot be claimed");
        }
        expiry.cancel(ticketId);
        saved(ticket, now);
        return ticket;
    }

    public MentorTicket close(String id, long accountId) {
        long ticketId = existing(id);
        Instant now = clock.instant();
        int closed = em.createQuery("""
                        update MentorTicket t set t.timeComplete = :now
                        where t.id = :id and t.timeComplete is null and (t.creatorId = :me or t.claimerId = :me)""")
                .setParameter("me", accountId).setParameter("id", ticketId).setParameter("now", now)
                .executeUpdate();
        MentorTicket ticket = reload(ticketId);
        if (closed == 0) {
            requireInvolved(ticket, accountId, "close");
            throw ApiError.badRequest("ticket-closed", "Ticket " + id + " is already closed");
        }
        expiry.cancel(ticketId);
        saved(ticket, now);
        return ticket;
    }

    /** Clears claim and completion and restarts the expiry window; time_created, the queue place, stays. */
    public MentorTicket reopen(String id, long accountId) {
        long ticketId = existing(id);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(expiryWindow);
        int reopened = em.createQuery("""
                        update MentorTicket t set t.claimerId = null, t.timeComplete = null, t.expired = false,
                            t.openedAt = :now, t.expiresAt = :expiresAt
                        where t.id = :id and (t.creatorId = :me or t.claimerId = :me)
                          and (t.claimerId is not null or t.timeComplete is not null or t.expired = true
                               or t.expiresAt <= :now)""")
                .setParameter("me", accountId).setParameter("id", ticketId)
                .setParameter("now", now).setParameter("expiresAt", expiresAt)
                .executeUpdate();
        MentorTicket ticket = reload(ticketId);
        if (reopened == 0) {
            requireInvolved(ticket, accountId, "reopen");
            throw ApiError.badRequest("ticket-open", "Ticket " + id + " is already open");
        }
        expiry.schedule(ticketId, expiresAt);
        saved(ticket, now);
        return ticket;
    }

    /**
     * Called by the ticket's timer: marks it expired if it is still open and due, and announces it.
     * Returns when to try again if the ticket is open but not yet due.
     */
    public Optional<Instant> expireIfDue(long ticketId) {
        Instant now = clock.instant();
        int expired = em.createQuery("""
                        update MentorTicket t set t.expired = true
                        where t.id = :id and t.claimerId is null and t.timeComplete is null and t.expired = false
                          and t.expiresAt <= :now""")
                .setParameter("id", ticketId).setParameter("now", now)
                .executeUpdate();
        MentorTicket ticket = em.find(MentorTicket.class, ticketId);
        if (ticket == null) {
            return Optional.empty();
        }
        em.refresh(ticket);
        if (expired == 1) {
            notifications.publish("expire", Notifications.Channel.MENTORSHIP,
                    Json.createArrayBuilder().add(ticket.toJson(null, now)).build());
            return Optional.empty();
        }
        return ticket.isOpen(now) ? Optional.of(ticket.expiresAt()) : Optional.empty();
    }

    private long existing(String id) {
        return Fields.idOf(id).filter(i -> em.find(MentorTicket.class, i) != null)
                .orElseThrow(() -> ApiError.notFound("ticket-not-found", "No ticket with id " + id));
    }

    /** The row as the conditional update left it, not as this persistence context last saw it. */
    private MentorTicket reload(long ticketId) {
        MentorTicket ticket = em.find(MentorTicket.class, ticketId);
        em.refresh(ticket);
        return ticket;
    }

    private static void requireInvolved(MentorTicket ticket, long accountId, String action) {
        if (!ticket.involves(accountId)) {
            throw ApiError.forbidden("not-your-ticket",
                    "Only the ticket's creator or the mentor who claimed it can " + action + " it");
        }
    }

    private void saved(MentorTicket ticket, Instant now) {
        notifications.publish("save", Notifications.Channel.MENTORSHIP, ticket.toJson(null, now));
    }
}
