package org.gridfleet.aggregator.http;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Limit/offset pagination of list endpoints.
 *
 * @param limit  items per page, 1..{@value #MAX_LIMIT}
 * @param offset items skipped, >= 0
 */
public record Page(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public Page {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw GridfleetException.badRequest("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (offset < 0) {
            throw GridfleetException.badRequest("offset", "must be >= 0");
        }
    }

    public static Page from(MultiMap query) {
        return new Page(intParam(query, "limit", DEFAULT_LIMIT), intParam(query, "offset", 0));
    }

    private static int intParam(MultiMap query, String name, int dflt) {
        String v = query.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw GridfleetException.badRequest(name, "must be a whole number (was '" + v + "')");
        }
    }

    /** The list body: {@code items}, {@code total}, and {@code next} (path of the next page) when there is one. */
    public JsonObject body(JsonArray items, long total, String path) {
        JsonObject o = new JsonObject().put("items", items).put("total", total)
                .put("limit", limit).put("offset", offset);
        if (offset + items.size() < total) {
            o.put("next", path + "?limit=" + limit + "&offset=" + (offset + limit));
        }
        return o;
    }
}
