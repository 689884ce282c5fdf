package dev.pulse.live;

import dev.pulse.platform.input.JsonBodies;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;

/**
 * A mentorship ticket as one viewer sees it: {@code is_mine} and {@code claimed_by_me} are that
 * viewer's; broadcasts and anonymous readers (no viewer) see both false.
 */
record TicketView(Long id, String description, String location, String contact, boolean claimed, boolean expired,
        boolean mine, boolean claimedByMe, Instant timeCreated, Instant timeComplete) {

    private static final JsonProvider JSON = JsonBodies.provider();

    static TicketView of(MentorTicket t, Long viewer, Instant now) {
        return new TicketView(t.id(), t.description(), t.location(), t.contact(), t.isClaimed(), t.isExpired(now),
                viewer != null && viewer == t.creatorId(), viewer != null && viewer.equals(t.claimerId()),
                t.timeCreated(), t.timeComplete());
    }

    /** For notifications: nobody's flags. */
    static TicketView broadcast(MentorTicket t, Instant now) {
        return of(t, null, now);
    }

    JsonObject toJson() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", String.valueOf(id))
                .add("description", description)
                .add("location", location)
                .add("contact", contact)
                .add("claimed", claimed)
                .add("expired", expired)
                .add("is_mine", mine)
                .add("claimed_by_me", claimedByMe)
                .add("time_created", LiveTime.format(timeCreated));
        if (timeComplete == null) {
            json.addNull("time_complete");
        } else {
            json.add("time_complete", LiveTime.format(timeComplete));
        }
        return json.build();
    }
}
