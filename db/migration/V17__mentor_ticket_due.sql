-- open tickets by the end of their expiry window: every instance looks for the overdue ones every second
create index mentor_ticket_due on mentor_ticket (expires_at)
    where claimer_id is null and time_complete is null and not expired;
