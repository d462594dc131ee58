package org.gridfleet.loadtest.wire;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A central-system CALL {@code [2,"<messageId>","<action>",<payload>]} read without building a JSON tree: the
 * simulator needs only the id, the action and a few control fields of each of the 10,000 frames of a fan-out.
 * The payload stays text; {@link #number} and {@link #string} read the first occurrence of a field from it, which
 * is well-defined on compact JSON (no spaces around {@code :}, as Vert.x/Jackson write it) whose string values do
 * not themselves hold quoted field names (the gateway's payloads hold ids, enums and timestamps). A frame in another
 * layout is parsed as a tree and its payload re-encoded compactly, so both layouts read the same.
 *
 * @param payload the payload object as compact JSON text
 */
record ServerCall(String messageId, String action, String payload) {
  private static final String PREFIX = "[2,\"";

  /**
   * The CALL in a compact frame, or null when the frame is not a compact CALL (a CALLRESULT, a CALLERROR, spaces,
   * an escaped id or action): read those with {@link #of}.
   */
  static ServerCall parse(String frame) {
    if (!frame.startsWith(PREFIX)) {
      return null;
    }
    int idEnd = frame.indexOf('"', PREFIX.length());
    int actionStart = idEnd + 3; // after ","
    int actionEnd = idEnd < 0 ? -1 : frame.indexOf('"', actionStart);
    if (actionEnd < 0 || !frame.startsWith("\",\"", idEnd) || !frame.startsWith("\",{", actionEnd)
        || !frame.endsWith("}]") || frame.lastIndexOf('\\', actionEnd) >= 0) {
      return null;
    }
    return new ServerCall(frame.substring(PREFIX.length(), idEnd), frame.substring(actionStart, actionEnd),
        frame.substring(actionEnd + 2, frame.length() - 1));
  }

  /** The CALL in an already parsed frame (its payload re-encoded compactly), or null when it is none. */
  static ServerCall of(JsonArray frame) {
    if (frame.size() != 4 || !Integer.valueOf(2).equals(frame.getValue(0)) || !(frame.getValue(1) instanceof String id)
        || !(frame.getValue(2) instanceof String action) || !(frame.getValue(3) instanceof JsonObject payload)) {
      return null;
    }
    return new ServerCall(id, action, payload.encode());
  }

  /** The first number field {@code key} of the payload, or NaN when there is none. */
  double number(String key) {
    int start = valueStart(key);
    if (start < 0) {
      return Double.NaN;
    }
    int end = start;
    while (end < payload.length() && "-+.eE0123456789".indexOf(payload.charAt(end)) >= 0) {
      end++;
    }
    try {
      return Double.parseDouble(payload.substring(start, end));
    } catch (NumberFormatException e) {
      return Double.NaN; // the field holds a string, object or null
    }
  }

  /** The first string field {@code key} of the payload (without escapes), or null when there is none. */
  String string(String key) {
    int start = valueStart(key);
    if (start < 0 || start >= payload.length() || payload.charAt(start) != '"') {
      return null;
    }
    int end = payload.indexOf('"', start + 1);
    return end < 0 ? null : payload.substring(start + 1, end);
  }

  /** Index just after {@code "key":}, or -1. */
  private int valueStart(String key) {
    int at = payload.indexOf("\"" + key + "\":");
    return at < 0 ? -1 : at + key.length() + 3;
  }
}
