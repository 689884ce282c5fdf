package dev.pulse.activity;

import jakarta.ws.rs.QueryParam;

/** The query parameters every activity listing takes: slug filter, time window and keyset page. */
public class ListingParams {

    @QueryParam("slug")
    String slug;

    @QueryParam("since")
    String since;

    @QueryParam("until")
    String until;

    @QueryParam("limit")
    String limit;

    @QueryParam("cursor")
    String cursor;

    ListingQuery query() {
        return new ListingQuery(slug, since, until, limit, cursor);
    }
}
