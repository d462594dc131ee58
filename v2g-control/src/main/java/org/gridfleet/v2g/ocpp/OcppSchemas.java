package org.gridfleet.v2g.ocpp;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates OCPP payloads against the official OCA JSON schemas on the classpath ({@code ocpp/<version>/}).
 * Validators are built once per (version, action, direction) and cached; thread-safe. A lookup by a
 * cached action name allocates nothing. Action names are letters and digits only (no resource path
 * tricks), and names that have no schema are remembered only up to {@link #MAX_CACHED_ACTIONS}, so a
 * charger inventing action names cannot grow the cache.
 */
public final class OcppSchemas {

  /** Far above the ~130 actions of OCPP 2.1, the largest version. */
  static final int MAX_CACHED_ACTIONS = 512;
  private static final int MAX_ACTION_LENGTH = 64;
  private static final Optional<Compiled> ABSENT = Optional.empty();
  /** Per version, request and response validators by action name. */
  private final Map<OcppVersion, Map<String, Optional<Compiled>>> requests = cacheByVersion();
  private final Map<OcppVersion, Map<String, Optional<Compiled>>> responses = cacheByVersion();

  /**
   * One schema, twice: the pass/fail "flag" output for every frame, and the "basic" output (which
   * collects error locations) run only on a payload already known to be invalid, to name the field.
   */
  private record Compiled(Validator flag, Validator detailed) {}

  /** Whether the version defines this action (a request schema exists). */
  public boolean knows(OcppVersion version, String action) {
    return validator(version, action, true).isPresent();
  }

  /**
   * Validates a CALL payload.
   *
   * @throws OcppException NotImplemented for an unknown action, or the constraint violated
   */
  void checkRequest(OcppVersion version, String action, JsonObject payload) {
    Compiled v = validator(version, action, true)
        .orElseThrow(() -> new OcppException(OcppErrorCode.NotImplemented,
            "action " + action + " is not defined in " + version.subprotocol()));
    check(v, payload);
  }

  /** Validates a CALLRESULT payload of an action. */
  void checkResponse(OcppVersion version, String action, JsonObject payload) {
    Compiled v = validator(version, action, false)
        .orElseThrow(() -> new OcppException(OcppErrorCode.NotImplemented,
            "action " + action + " is not defined in " + version.subprotocol()));
    check(v, payload);
  }

  /** Null when valid, else a description naming the field (for tests and tooling). */
  public String violation(OcppVersion version, String action, boolean request, JsonObject payload) {
    try {
      if (request) {
        checkRequest(version, action, payload);
      } else {
        checkResponse(version, action, payload);
      }
      return null;
    } catch (OcppException e) {
      return e.code() + ": " + e.getMessage();
    }
  }

  private static void check(Compiled validator, JsonObject payload) {
    if (Boolean.TRUE.equals(validator.flag().validate(payload).getValid())) {
      return;
    }
    throw toException(validator.detailed().validate(payload));
  }

  /** Maps the first schema error to the OCPP error family: missing = occurrence, type, else property. */
  private static OcppException toException(OutputUnit result) {
    List<OutputUnit> errors = result.getErrors();
    OutputUnit first = errors == null || errors.isEmpty() ? result : deepest(errors);
    String keyword = first.getKeywordLocation() == null ? "" : first.getKeywordLocation();
    String where = first.getInstanceLocation() == null || first.getInstanceLocation().isEmpty()
        ? "payload" : first.getInstanceLocation();
    String message = where + ": " + first.getError();
    OcppErrorCode code;
    if (keyword.endsWith("/required")) {
      code = OcppErrorCode.OccurrenceConstraintViolation;
    } else if (keyword.endsWith("/type")) {
      code = OcppErrorCode.TypeConstraintViolation;
    } else {
      code = OcppErrorCode.PropertyConstraintViolation;
    }
    return new OcppException(code, message);
  }

  private static OutputUnit deepest(List<OutputUnit> errors) {
    // The basic output lists the failing keywords; the last one is the most specific.
    OutputUnit pick = errors.get(errors.size() - 1);
    for (OutputUnit e : errors) {
      String k = e.getKeywordLocation();
      if (k != null && (k.endsWith("/required") || k.endsWith("/type"))) {
        return e;
      }
    }
    return pick;
  }

  /**
   * vertx-json-schema 5.0.7 rejects negative numbers under {@code multipleOf} (e.g. a 1.6 limit of
   * -7000.0 fails {@code multipleOf: 0.1}), so the keyword is dropped in memory. It only ever states
   * "at most one decimal" on limits; Gridfleet rounds its own values to 0.1 (see OcppAdapter.watts).
   */
  private static void stripMultipleOf(Object node) {
    if (node instanceof JsonObject object) {
      object.remove("multipleOf");
      object.forEach(e -> stripMultipleOf(e.getValue()));
    } else if (node instanceof io.vertx.core.json.JsonArray array) {
      array.forEach(OcppSchemas::stripMultipleOf);
    }
  }

  private static Map<OcppVersion, Map<String, Optional<Compiled>>> cacheByVersion() {
    Map<OcppVersion, Map<String, Optional<Compiled>>> byVersion = new EnumMap<>(OcppVersion.class);
    for (OcppVersion v : OcppVersion.values()) {
      byVersion.put(v, new ConcurrentHashMap<>());
    }
    return byVersion;
  }

  private Optional<Compiled> validator(OcppVersion version, String action, boolean request) {
    Map<String, Optional<Compiled>> cache = (request ? requests : responses).get(version);
    Optional<Compiled> cached = cache.get(action);
    if (cached != null) {
      return cached;
    }
    if (!wellFormed(action)) {
      return ABSENT;
    }
    String resource = request ? version.requestSchema(action) : version.responseSchema(action);
    Optional<Compiled> loaded = load(resource);
    if (loaded.isPresent() || cache.size() < MAX_CACHED_ACTIONS) {
      Optional<Compiled> raced = cache.putIfAbsent(action, loaded);
      return raced == null ? loaded : raced;
    }
    return loaded;
  }

  private static Validator compile(JsonObject schema, OutputFormat format) {
    return Validator.create(JsonSchema.of(schema), new JsonSchemaOptions()
        .setDraft(Draft.DRAFT7)
        .setBaseUri("urn:gridfleet:ocpp")
        .setOutputFormat(format));
  }

  private static boolean wellFormed(String action) {
    return action.length() <= MAX_ACTION_LENGTH && lettersAndDigits(action);
  }

  /** Whether the text is non-empty and only ASCII letters and digits (written as is in JSON, never escaped). */
  static boolean lettersAndDigits(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }

  private static Optional<Compiled> load(String resource) {
    try (InputStream in = OcppSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return ABSENT;
      }
      JsonObject schema = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      // The files declare draft-04/06 and urn ids; re-key in memory (files stay unedited).
      schema.remove("$schema");
      schema.remove("$id");
      schema.remove("id");
      stripMultipleOf(schema);
      return Optional.of(new Compiled(compile(schema, OutputFormat.Flag), compile(schema, OutputFormat.Basic)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read OCPP schema " + resource, e);
    }
  }
}
