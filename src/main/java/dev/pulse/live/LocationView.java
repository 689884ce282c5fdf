package dev.pulse.live;

import dev.pulse.platform.input.JsonBodies;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.net.URI;

/**
 * A location on the wire: {@code {id, name, map, rank, is_primary}}, {@code rank} on primary locations
 * only. The map URL is absolute, built from the public base URL ({@code PublicBaseUri}).
 */
record LocationView(Long id, String name, URI map, int rank, boolean primary) {

    private static final JsonProvider JSON = JsonBodies.provider();

    static LocationView of(Location l, URI base) {
        return new LocationView(l.id(), l.name(), base.resolve("live/location/image/" + l.id()), l.rank(), l.isPrimary());
    }

    JsonObject toJson() {
        var json = JSON.createObjectBuilder()
                .add("id", String.valueOf(id))
                .add("name", name)
                .add("map", map.toString());
        if (primary) {
            json.add("rank", rank); // a rank orders the maps; a secondary location has none to show
        }
        return json.add("is_primary", primary).build();
    }
}
