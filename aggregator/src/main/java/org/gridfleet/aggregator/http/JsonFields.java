package org.gridfleet.aggregator.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;

/**
 * Reads request JSON with one rule: a missing, mistyped or out-of-range value throws
 * {@link GridfleetException#badRequest} naming the field path (e.g. {@code departurePlan[2].targetSoc}).
 */
public final class JsonFields {

    private final JsonObject json;
    private final String path;

    private JsonFields(JsonObject json, String path) {
        this.json = json;
        this.path = path;
    }

    /** Wraps a request body; rejects a missing body and fields outside {@code allowed}. */
    public static JsonFields of(JsonObject json, String path, Set<String> allowed) {
        if (json == null) {
            throw GridfleetException.badRequest(path.isEmpty() ? "body" : path, "must be a JSON object");
        }
        for (String name : json.fieldNames()) {
            if (!allowed.contains(name)) {
                throw GridfleetException.badRequest(name(path, name), "is not a known field");
            }
        }
        return new JsonFields(json, path);
    }

    public String field(String name) {
        return name(path, name);
    }

    private static String name(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public boolean has(String name) {
        return json.getValue(name) != null;
    }

    public String string(String name, int maxLength) {
        Object v = json.getValue(name);
        if (!(v instanceof String s) || s.isBlank()) {
            throw GridfleetException.badRequest(field(name), "is required and must be a non-blank string");
        }
        if (s.length() > maxLength) {
            throw GridfleetException.badRequest(field(name), "must be at most " + maxLength + " characters");
        }
        return s;
    }

    public String optionalString(String name, int maxLength) {
        return has(name) ? string(name, maxLength) : null;
    }

    public double number(String name, double min, double max) {
        Object v = json.getValue(name);
        if (!(v instanceof Number n)) {
            throw GridfleetException.badRequest(field(name), "is required and must be a number");
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d) || d < min || d > max) {
            throw GridfleetException.badRequest(field(name), "must be between " + min + " and " + max + " (was " + d + ")");
        }
        return d;
    }

    public double number(String name, double min, double max, double dflt) {
        return has(name) ? number(name, min, max) : dflt;
    }

    public boolean bool(String name) {
        Object v = json.getValue(name);
        if (!(v instanceof Boolean b)) {
            throw GridfleetException.badRequest(field(name), "is required and must be true or false");
        }
        return b;
    }

    public boolean bool(String name, boolean dflt) {
        return has(name) ? bool(name) : dflt;
    }

    public <E extends Enum<E>> E oneOf(String name, Class<E> type, java.util.function.Function<String, java.util.Optional<E>> parse) {
        String s = string(name, 64);
        return parse.apply(s).orElseThrow(() -> GridfleetException.badRequest(field(name),
                "must be one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList()
                        + " (was '" + s + "')"));
    }

    public Instant instant(String name) {
        String s = string(name, 64);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw GridfleetException.badRequest(field(name), "must be an ISO-8601 UTC instant like 2026-01-31T07:30:00Z");
        }
    }

    public Instant optionalInstant(String name) {
        return has(name) ? instant(name) : null;
    }

    public JsonObject object(String name) {
        Object v = json.getValue(name);
        if (!(v instanceof JsonObject o)) {
            throw GridfleetException.badRequest(field(name), "is required and must be an object");
        }
        return o;
    }

    /** An optional array; absent means empty. */
    public JsonArray array(String name, int maxSize) {
        Object v = json.getValue(name);
        if (v == null) {
            return new JsonArray();
        }
        if (!(v instanceof JsonArray a)) {
            throw GridfleetException.badRequest(field(name), "must be an array");
        }
        if (a.size() > maxSize) {
            throw GridfleetException.badRequest(field(name), "must hold at most " + maxSize + " entries");
        }
        return a;
    }

    /** The object at {@code index} of an array field. */
    public static JsonObject element(JsonArray array, int index, String arrayField) {
        Object v = array.getValue(index);
        if (!(v instanceof JsonObject o)) {
            throw GridfleetException.badRequest(arrayField + "[" + index + "]", "must be an object");
        }
        return o;
    }

    /** Parses a path id; a malformed id answers 404 like an unknown one, so ids cannot be probed. */
    public static UUID pathId(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw GridfleetException.notFound(what);
        }
    }
}
