package dev.pulse.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.platform.api.ApiError;
import dev.pulse.platform.input.JsonBodies;
import dev.pulse.platform.input.JsonFields;
import dev.pulse.platform.input.NumericId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pure rules of Live: date parsing, image types, ids, ticket buckets. */
class LiveRulesTest {

    @Test
    void datesWithoutAnOffsetAreUtcAndDatesAloneMeanMidnight() {
        assertEquals(Optional.of(Instant.parse("2017-02-22T21:44:27Z")), LiveTime.parse("2017-02-22T21:44:27"));
        assertEquals(Optional.of(Instant.parse("2017-02-22T19:44:27Z")), LiveTime.parse("2017-02-22T21:44:27+02:00"));
        // an unencoded '+' in a query string arrives as a space
        assertEquals(Optional.of(Instant.parse("2017-02-22T19:44:27Z")), LiveTime.parse("2017-02-22T21:44:27 02:00"));
        assertEquals(Optional.of(Instant.parse("2017-02-22T00:00:00Z")), LiveTime.parse("2017-02-22"));
        assertEquals(Optional.empty(), LiveTime.parse("last tuesday"));
        assertEquals("1970-01-01T00:00:00", LiveTime.format(Instant.EPOCH));
        assertEquals("2017-03-18T00:15:00", LiveTime.format(Instant.parse("2017-03-18T00:15:00.987654Z")),
                "no fraction: the MenloHacks app parses the seconds form only");
    }

    @Test
    void mapImagesAreRecognisedByTheirBytes() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        assertEquals("image/png", MapImages.accept("image/png", png).contentType());
        assertEquals("image/png", MapImages.accept("application/octet-stream", png).contentType());
        assertEquals("image/jpeg", MapImages.accept("image/jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0}).contentType());
        assertEquals("image/webp", MapImages.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("image/svg+xml", MapImages.sniff("<?xml version=\"1.0\"?><svg/>".getBytes(StandardCharsets.UTF_8)));
        assertNull(MapImages.sniff("GIF89a".getBytes(StandardCharsets.UTF_8)));
        ApiError wrongType = assertThrows(ApiError.class, () -> MapImages.accept("image/gif", "GIF89a".getBytes()));
        assertEquals(415, wrongType.status());
        ApiError mismatch = assertThrows(ApiError.class, () -> MapImages.accept("image/jpeg", png));
        assertEquals(415, mismatch.status());
    }

    @Test
    void vivereIdsThatAreNotOursNameNothing() {
        assertEquals(Optional.of(42L), NumericId.parse("42"));
        assertEquals(Optional.empty(), NumericId.parse("58b2357f7a2f2e2e723e130e"));
        assertEquals(Optional.empty(), NumericId.parse("-1"));
        assertEquals(Optional.empty(), NumericId.parse("99999999999999999999"));
        assertEquals(Optional.empty(), NumericId.parse(null));
    }

    private static JsonFields live(String body) {
        return JsonFields.of(JsonBodies.object(body), LiveFieldMessages.LIVE);
    }

    @Test
    void everyBadFieldIsNamedInOneError() {
        JsonFields fields = live("{\"description\":\" \",\"contact\":5}");
        fields.text("description", 10);
        fields.text("location", 10);
        fields.text("contact", 10);
        ApiError error = assertThrows(ApiError.class, fields::check);
        assertEquals(400, error.status());
        assertEquals(List.of("description: This field may not be blank.", "location: This field is required.",
                "contact: Must be a string."), error.messages());
        assertThrows(ApiError.class, () -> live("[1]"));
        assertThrows(ApiError.class, () -> live("{oops"));
    }

    @Test
    void liveMessagesNameTheirFieldInVivereWords() {
        JsonFields fields = live("""
                {"password": " ", "rank": 1.5, "start_time": 5, "end_time": "soon", "name": "%s"}"""
                .formatted("x".repeat(201)));
        fields.secret("password", 200);
        fields.optionalInteger("rank", -1, 1_000_000);
        fields.time("start_time");
        fields.time("end_time");
        fields.text("name", 200);
        ApiError error = assertThrows(ApiError.class, fields::check);
        assertEquals(List.of("password: Must be a non-blank string of at most 200 characters.",
                "rank: Must be a whole number between -1 and 1000000.",
                "start_time: Must be an ISO 8601 date-time string.",
                "end_time: Must be an ISO 8601 date-time, like 2017-03-18T00:15:00Z.",
                "name: Ensure this field has no more than 200 characters."), error.messages());
        assertEquals(List.of("end_time: Must be after start_time."),
                LiveFieldMessages.LIVE.invalid("end_time", "Must be after start_time.").messages());
    }

    @Test
    void bodyTimesAreReadAsVivereWritesThem() {
        JsonFields fields = live("{\"time\": \"2017-02-22T21:44:27\", \"day\": \"2017-02-22\"}");
        assertEquals(Instant.parse("2017-02-22T21:44:27Z"), fields.time("time"));
        assertEquals(Instant.parse("2017-02-22T00:00:00Z"), fields.time("day"));
    }

    @Test
    void anOverdueUnclaimedTicketIsExpiredEvenBeforeItsTimerFires() {
        Instant created = Instant.parse("2026-01-01T10:00:00Z");
        MentorTicket ticket = new MentorTicket("help", "gym", "555", 1L, created, created.plusSeconds(1800));
        assertEquals(MentorTicket.Bucket.open, ticket.bucket(created.plusSeconds(60)));
        assertTrue(ticket.isOpen(created.plusSeconds(1799)));
        assertEquals(MentorTicket.Bucket.expired, ticket.bucket(created.plusSeconds(1800)));
        assertFalse(TicketView.of(ticket, null, created).toJson().getBoolean("is_mine"));
        assertTrue(TicketView.of(ticket, 1L, created).toJson().getBoolean("is_mine"));
        assertTrue(TicketView.of(ticket, 1L, created).toJson().isNull("time_complete"));
        assertThrows(IllegalArgumentException.class, () -> new MentorTicket(" ", "gym", "555", 1L, created, created.plusSeconds(1)));
    }
}
