package org.gridfleet.v2g.ocpp;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The last CALL payload text (or, in a responses' instance, CALLRESULT payload text) of each version and action
 * that passed the full schema validator, and whether a new one repeats it apart from plain values (strings without
 * escapes, numbers, true/false) of fields the schema judges alone ({@link OcppSchemas#standaloneFields}). Such a
 * text parses to the same tree but for those values, and in such a schema no other keyword's verdict depends on
 * them, so the payload is valid when each value that changed passes its field's own subschema. A fan-out sends
 * nearly the same payload to thousands of chargers, and chargers send nearly the same meter values every
 * interval: the full validator runs once per shape instead of once per frame. Anything else (other keys, order,
 * spacing, an escaped string, an object in place of a value) differs in text and is validated in full.
 * Gridfleet's own answers repeat too: every Heartbeat answer is {@code {"currentTime":...}}. One per gateway
 * verticle and kind, used only on its event loop.
 */
final class ProvenShapes {
  /** A value's token in a payload text, {@code [start, end)} (quotes included), and its field's subschema. */
  private record Token(int start, int end, Predicate<Object> field) {}

  /** A payload text that passed the full validator, with its value tokens. */
  private record Proven(String text, List<Token> tokens) {}

  private final OcppSchemas schemas;
  private final boolean requests;
  private final PerAction<Proven> proven = new PerAction<>();

  /** @param requests true for CALL payloads, false for CALLRESULT payloads */
  ProvenShapes(OcppSchemas schemas, boolean requests) {
    this.schemas = schemas;
    this.requests = requests;
  }

  /**
   * Checks a payload: a {@link #repeats repeat} of the proven shape by its changed values alone, anything else
   * {@link #proveInFull in full}.
   *
   * @param payloadText the payload's JSON text as it is (or will be) on the wire
   * @return whether it went through the full validator (false: it repeated the proven shape)
   * @throws OcppException the constraint the payload violates
   */
  boolean check(OcppVersion version, String action, JsonObject payload, String payloadText) {
    if (repeats(version, action, payloadText)) {
      return false;
    }
    proveInFull(version, action, payload, payloadText);
    return true;
  }

  /**
   * Runs a payload that did not {@link #repeats repeat} a proven one through the full validator and, valid,
   * remembers it as the proven one of its version and action.
   *
   * @param payloadText the payload's JSON text as it is (or will be) on the wire
   * @throws OcppException the constraint the payload violates
   */
  void proveInFull(OcppVersion version, String action, JsonObject payload, String payloadText) {
    if (requests) {
      schemas.checkRequest(version, action, payload);
    } else {
      schemas.checkResponse(version, action, payload);
    }
    remember(version, action, payloadText);
  }

  /**
   * Whether the payload text is valid by repeating the last proven one of the action (see the class). Walks the
   * proven text's value tokens: the text between them must be the same, and where the proven text had a value the
   * new one must hold a plain value too, the same or one its field's subschema accepts. So the new text is never
   * tokenized by keys, and a frame costs a few region comparisons.
   */
  boolean repeats(OcppVersion version, String action, String payloadText) {
    Proven last = proven.get(version, action);
    if (last == null) {
      return false;
    }
    int at = 0;
    int lastAt = 0;
    for (Token token : last.tokens()) {
      int gap = token.start() - lastAt;
      if (!payloadText.regionMatches(at, last.text(), lastAt, gap)) {
        return false;
      }
      int start = at + gap;
      int end = plainValueEnd(payloadText, start);
      if (end < 0) {
        return false;
      }
      boolean same = end - start == token.end() - token.start()
          && payloadText.regionMatches(start, last.text(), token.start(), end - start);
      if (!same && !token.field().test(value(payloadText, start, end))) {
        return false;
      }
      at = end;
      lastAt = token.end();
    }
    return payloadText.length() - at == last.text().length() - lastAt
        && payloadText.regionMatches(at, last.text(), lastAt, payloadText.length() - at);
  }

  /** Remembers a payload text that just passed the full validator as the action's proven one. */
  void remember(OcppVersion version, String action, String payloadText) {
    List<Token> tokens = tokens(payloadText, schemas.standaloneFields(version, action, requests));
    proven.put(version, action, new Proven(payloadText, tokens));
  }

  /**
   * The payload object's text inside a frame that decoded as a CALL or SEND {@code [n,"id","Action",{...}]}: from
   * the first brace outside a string to the last one.
   */
  static String payloadOf(String frame) {
    int i = 0;
    while (frame.charAt(i) != '{') {
      i = frame.charAt(i) == '"' ? closingQuote(frame, i) + 1 : i + 1;
    }
    return frame.substring(i, frame.lastIndexOf('}') + 1);
  }

  /**
   * The plain value tokens of the given fields in a JSON text, in order. Strings are skipped whole, so a key is
   * only ever found where the JSON has one.
   */
  private static List<Token> tokens(String text, Map<String, Predicate<Object>> fields) {
    List<Token> tokens = new ArrayList<>();
    for (int i = 0; !fields.isEmpty() && i < text.length(); i++) {
      if (text.charAt(i) != '"') {
        continue;
      }
      int end = closingQuote(text, i);
      Predicate<Object> field = end + 1 < text.length() && text.charAt(end + 1) == ':'
          ? fields.get(text.substring(i + 1, end)) : null;
      int valueEnd = field == null ? -1 : plainValueEnd(text, end + 2);
      if (valueEnd >= 0) {
        tokens.add(new Token(end + 2, valueEnd, field));
        end = valueEnd - 1;
      }
      i = end;
    }
    return tokens;
  }

  private static int closingQuote(String text, int open) {
    int i = open + 1;
    while (i < text.length() && text.charAt(i) != '"') {
      i += text.charAt(i) == '\\' ? 2 : 1;
    }
    return i;
  }

  /** End of a string without escapes, a number, true or false starting at {@code start}; -1 for anything else. */
  private static int plainValueEnd(String text, int start) {
    if (start >= text.length()) {
      return -1;
    }
    if (text.charAt(start) == '"') {
      int i = start + 1;
      while (i < text.length() && text.charAt(i) != '"' && text.charAt(i) != '\\') {
        i++;
      }
      return i < text.length() && text.charAt(i) == '"' ? i + 1 : -1;
    }
    int i = start;
    while (i < text.length() && "0123456789.eE+-truefals".indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    return i > start ? i : -1;
  }

  /**
   * The plain value token {@code [start, end)} of a valid JSON text as Vert.x's decoder reads it: a String, Boolean,
   * Integer, Long or Double. Read directly: a JSON parser per changed value cost a fan-out frame more than the
   * rest of its check and allocated far more (BENCHMARKS.md, OCPP over the wire, seventh pass). Integers past 18
   * digits, rarer than anything else, go to the decoder.
   */
  static Object value(String text, int start, int end) {
    char first = text.charAt(start);
    if (first == '"') {
      return text.substring(start + 1, end - 1);
    }
    if (first == 't' || first == 'f') { // in a valid JSON text, true or false
      return first == 't';
    }
    String number = text.substring(start, end);
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '.' || c == 'e' || c == 'E') {
        return Double.parseDouble(number);
      }
    }
    if (end - start > 18) {
      return Json.decodeValue(number);
    }
    long n = Long.parseLong(number);
    return n == (int) n ? (Object) (int) n : (Object) n;
  }
}
