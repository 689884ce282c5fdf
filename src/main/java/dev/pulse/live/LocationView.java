package dev.pulse.live;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;

/**
 * A location on the wire: {@code {id, name, map, rank, is_primary}}. The map URL is absolute, built
 * from the base URL the request came in on.
 */
record LocationView(Long id, String name, URI map, int rank, boolean primary) {

    static LocationView of(Location l, URI base) {
        return new LocationView(l.id(), l.name(), base.resolve("live/location/image/" + l.id()), l.rank(), l.isPrimary());
    }

    JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("id", String.valueOf(id))
                .add("name", name)
                .add("map", map.toString())
                .add("rank", rank)
                .add("is_primary", primary)
                .build();
    }
}
