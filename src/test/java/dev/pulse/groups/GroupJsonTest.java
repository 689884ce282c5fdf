package dev.pulse.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pulse.groups.ActivityProgress.ActivityFigures;
import dev.pulse.groups.ActivityProgress.MemberFigures;
import dev.pulse.groups.GroupActivityAggregates.Aggregate;
import dev.pulse.groups.GroupActivityAggregates.MemberAggregate;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GroupJsonTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void aFigureWithoutARecordIsDatedWhenTheAggregateWasComputedAndOneWithARecordByTheRecord() {
        Instant recorded = Instant.parse("2024-03-02T10:00:00Z");
        Aggregate agg = new Aggregate(UUID.randomUUID(), "do_1", "Course",
                new ActivityFigures(0, 0, 0, null),
                List.of(new MemberAggregate(UUID.randomUUID(), "Ada", "admin", "active", new MemberFigures(1, false, 0, null)),
                        new MemberAggregate(UUID.randomUUID(), "Bob", "member", "active",
                                new MemberFigures(2, true, 40, recorded))),
                NOW.instant());
        JsonObject json = GroupJson.aggregate(agg);
        for (JsonValue metric : json.getJsonObject("activity").getJsonArray("agg")) {
            assertEquals(NOW.millis(), metric.asJsonObject().getJsonNumber("lastUpdatedOn").longValueExact());
        }
        assertEquals(NOW.millis(), json.getJsonArray("members").getJsonObject(0).getJsonArray("agg")
                .getJsonObject(0).getJsonNumber("lastUpdatedOn").longValueExact());
        assertEquals(recorded.toEpochMilli(), json.getJsonArray("members").getJsonObject(1).getJsonArray("agg")
                .getJsonObject(1).getJsonNumber("lastUpdatedOn").longValueExact());
    }
}
