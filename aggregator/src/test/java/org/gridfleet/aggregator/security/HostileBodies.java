package org.gridfleet.aggregator.security;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds hostile variants of a valid request body: one spot (a field, an array element or the body
 * itself) gets raw bytes that are wrong for it, so the expected problem can name that spot.
 */
final class HostileBodies {

    private static final String MARKER = "@@hostile@@";

    /** A place in a JSON body: its path segments (field names and indexes) and the valid value there. */
    record Spot(List<Object> path, Object value) {

        /** The field name a problem should carry: {@code departurePlan[0].targetSoc}, {@code body} for the root. */
        String field() {
            StringBuilder sb = new StringBuilder();
            for (Object seg : path) {
                if (seg instanceof Integer i) {
                    sb.append('[').append(i).append(']');
                } else {
                    sb.append(sb.length() == 0 ? "" : ".").append(seg);
                }
            }
            return sb.length() == 0 ? "body" : sb.toString();
        }

        String child(String name) {
            return path.isEmpty() ? name : field() + "." + name;
        }
    }

    private HostileBodies() {
    }

    /** Every spot of {@code body}, the root first. */
    static List<Spot> spots(JsonObject body) {
        List<Spot> out = new ArrayList<>();
        walk(body, List.of(), out);
        return out;
    }

    private static void walk(Object value, List<Object> path, List<Spot> out) {
        out.add(new Spot(path, value));
        if (value instanceof JsonObject o) {
            for (String name : o.fieldNames()) {
                walk(o.getValue(name), append(path, name), out);
            }
        } else if (value instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                walk(a.getValue(i), append(path, i), out);
            }
        }
    }

    private static List<Object> append(List<Object> path, Object seg) {
        List<Object> p = new ArrayList<>(path);
        p.add(seg);
        return List.copyOf(p);
    }

    /** {@code body} with the value at {@code spot} replaced by {@code raw} (bytes sent as they are). */
    static Buffer replace(JsonObject body, Spot spot, byte[] raw) {
        JsonObject copy = body.copy();
        Object parent = copy;
        for (int i = 0; i < spot.path().size() - 1; i++) {
            parent = get(parent, spot.path().get(i));
        }
        Object last = spot.path().get(spot.path().size() - 1);
        if (parent instanceof JsonObject o) {
            o.put((String) last, MARKER);
        } else {
            ((JsonArray) parent).set((Integer) last, MARKER);
        }
        String text = copy.encode();
        int at = text.indexOf('"' + MARKER + '"');
        return Buffer.buffer(text.substring(0, at)).appendBytes(raw)
                .appendString(text.substring(at + MARKER.length() + 2));
    }

    /** {@code body} with one more member {@code name: raw} in the object at {@code spot}. */
    static Buffer addMember(JsonObject body, Spot spot, String name, byte[] raw) {
        JsonObject copy = body.copy();
        Object target = copy;
        for (Object seg : spot.path()) {
            target = get(target, seg);
        }
        ((JsonObject) target).put(MARKER, true);
        String text = copy.encode();
        int at = text.indexOf('"' + MARKER + "\":true");
        return Buffer.buffer(text.substring(0, at)).appendString('"' + name + "\":").appendBytes(raw).appendString(text.substring(at + MARKER.length() + 7));
    }

    private static Object get(Object container, Object seg) {
        return container instanceof JsonObject o ? o.getValue((String) seg) : ((JsonArray) container).getValue((Integer) seg);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
