package org.gridfleet.v2g.ocpp;

import io.vertx.core.json.JsonObject;

/**
 * The CALLRESULT payloads already proven schema-valid, per OCPP version and action, kept as the raw text they
 * arrived in. Chargers answer most of Gridfleet's CALLs with a constant such as {@code {"status":"Accepted"}}, so
 * a fan-out to 10,000 chargers would otherwise parse and validate the same few bytes 10,000 times. A frame
 * {@code [3,"<messageId>",<text>]} whose text is byte-identical to a proven one is the same frame as before but
 * for the message id, so it parses to an equal payload and is taken without parsing or validating it again.
 * Anything else (other spacing, order, values, an escaped id) goes through the decoder and the schema as before.
 * Only the last proven text of each action is kept. One per gateway verticle, used only on its event loop.
 */
final class KnownAnswers {
  private static final String PREFIX = "[3,\"";
  private static final String ID_END = "\",";

  /** A payload text proven valid, and its parsed form (handed out as copies: callers may change theirs). */
  private record Proven(String text, JsonObject payload) {}

  private final PerAction<Proven> proven = new PerAction<>();
  private long recalled;

  /**
   * The payload of {@code frame} when the frame is exactly {@code [3,"<messageId>",<text>]} with a text proven
   * valid for this version and action; a copy the caller owns. Null when it is not: parse and validate it.
   */
  JsonObject recall(OcppVersion version, String action, String messageId, String frame) {
    Proven known = proven.get(version, action);
    if (known == null) {
      return null;
    }
    int start = PREFIX.length() + messageId.length() + ID_END.length();
    if (frame.length() != start + known.text().length() + 1 || !framedBy(frame, messageId)
        || !frame.regionMatches(start, known.text(), 0, known.text().length())) {
      return null;
    }
    recalled++;
    return known.payload().copy();
  }

  /**
   * Remembers the payload text of a frame that was just decoded as a CALLRESULT with {@code messageId} and whose
   * {@code payload} passed the action's response schema. A frame not written as {@code [3,"<messageId>",...]} is
   * not remembered.
   */
  void remember(OcppVersion version, String action, String messageId, String frame, JsonObject payload) {
    if (framedBy(frame, messageId)) {
      int start = PREFIX.length() + messageId.length() + ID_END.length();
      proven.put(version, action, new Proven(frame.substring(start, frame.length() - 1), payload.copy()));
    }
  }

  /** Frames recalled without parsing or validation so far. */
  long recalled() {
    return recalled;
  }

  /**
   * Whether the frame starts {@code [3,"<messageId>",} and ends {@code ]}. The id must be plain letters and
   * digits (Gridfleet's own ids are): then its text in the frame is the id itself, never an escape or a quote.
   */
  private static boolean framedBy(String frame, String messageId) {
    int idEnd = PREFIX.length() + messageId.length();
    return OcppSchemas.lettersAndDigits(messageId) && frame.length() > idEnd + ID_END.length()
        && frame.startsWith(PREFIX) && frame.startsWith(messageId, PREFIX.length())
        && frame.startsWith(ID_END, idEnd) && frame.charAt(frame.length() - 1) == ']';
  }
}
