package org.gridfleet.v2g.ocpp;

import io.vertx.core.json.JsonArray;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
  /**
   * Keywords whose verdict on a value depends on that value alone (and, for objects, on which keys are present),
   * never on a sibling or descendant value. Subschemas under {@code properties}, {@code definitions},
   * {@code items}, {@code additionalItems} are walked; anything else (allOf, oneOf, if, dependencies, uniqueItems,
   * patternProperties, an additionalProperties schema, ...) makes a schema non-local.
   */
  private static final Set<String> LOCAL_KEYWORDS = Set.of("type", "required", "enum", "format", "maxLength",
      "minLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems",
      "maxItems", "minProperties", "maxProperties", "description", "comment", "$comment", "javaType", "title",
      "default");
  /** Keywords {@link #leafCheck} checks itself; additionalProperties (true or false) says nothing of plain values. */
  private static final Set<String> DIRECT_KEYWORDS = Set.of("type", "maxLength", "enum", "minimum", "maximum",
      "additionalProperties");
  /** A plain date-time field, as every OCPP schema writes timestamps (annotations removed). */
  private static final JsonObject DATE_TIME_LEAF = new JsonObject().put("type", "string").put("format", "date-time");
  /**
   * A date-time field's check: the common form directly ({@link Rfc3339}, which accepts nothing the validator
   * refuses and skips its pattern match and java.time parse), any other text by the validator.
   */
  record DateTimeCheck(Predicate<Object> validator) implements Predicate<Object> {
    @Override
    public boolean test(Object value) {
      return value instanceof String s && Rfc3339.parse(s) != null || validator.test(value);
    }
  }

  /** Keywords that only annotate: two subschemas that differ only in these judge every value alike. */
  private static final Set<String> ANNOTATIONS = Set.of("description", "comment", "$comment", "javaType", "title",
      "default");
  /** Per version, request and response validators by action name. */
  private final Map<OcppVersion, Map<String, Optional<Compiled>>> requests = cacheByVersion();
  private final Map<OcppVersion, Map<String, Optional<Compiled>>> responses = cacheByVersion();
  private final Map<OcppVersion, Map<String, Map<String, Predicate<Object>>>> standaloneInRequests = cacheByVersion();
  private final Map<OcppVersion, Map<String, Map<String, Predicate<Object>>>> standaloneInResponses = cacheByVersion();

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

  /**
   * The request (or response) fields of an action that the schema judges alone, each with a check of a plain
   * value against its own subschema ({@link #leafCheck}); empty unless {@link #standaloneLeaves} finds them. Used
   * by {@link ProvenShapes}.
   */
  Map<String, Predicate<Object>> standaloneFields(OcppVersion version, String action, boolean request) {
    Map<String, Map<String, Predicate<Object>>> cache =
        (request ? standaloneInRequests : standaloneInResponses).get(version);
    Map<String, Predicate<Object>> fields = cache.get(action);
    if (fields == null) {
      String schema = request ? version.requestSchema(action) : version.responseSchema(action);
      fields = read(schema).map(OcppSchemas::standaloneLeaves).orElse(Map.of())
          .entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> leafCheck(e.getValue())));
      cache.put(action, fields);
    }
    return fields;
  }

  /**
   * Whether a plain value (String, Integer, Long, Double, Boolean) passes a leaf subschema. A leaf of only
   * {@code type} (one name), {@code maxLength}, a string {@code enum}, integer {@code minimum}/{@code maximum} is
   * checked directly, never more leniently than the validator (length in UTF-16 units, which is at least the
   * count of code points; integers only as Integer or Long); any other leaf (a format, ...) by the validator. The
   * validator's generic walk costs more than the whole direct check, and a meter value has a dozen such values.
   */
  static Predicate<Object> leafCheck(JsonObject leaf) {
    String type = leaf.getValue("type") instanceof String t ? t : "";
    boolean direct = DIRECT_KEYWORDS.containsAll(leaf.fieldNames())
        && List.of("string", "integer", "number", "boolean").contains(type)
        && (type.equals("string") || !leaf.containsKey("maxLength") && !leaf.containsKey("enum"))
        && (!leaf.containsKey("enum") || leaf.getJsonArray("enum").stream().allMatch(String.class::isInstance))
        && Stream.of("minimum", "maximum").allMatch(k -> !leaf.containsKey(k) || leaf.getValue(k) instanceof Integer);
    if (!direct) {
      boolean dateTime = DATE_TIME_LEAF.equals(leaf); // before compiling: JsonSchema.of marks the object it is given
      Validator validator = compile(leaf, OutputFormat.Flag);
      Predicate<Object> full = value -> Boolean.TRUE.equals(validator.validate(value).getValid());
      return dateTime ? new DateTimeCheck(full) : full;
    }
    Integer maxLength = leaf.getInteger("maxLength");
    Set<Object> allowed = leaf.containsKey("enum") ? Set.copyOf(leaf.getJsonArray("enum").getList()) : null;
    Integer minimum = leaf.getInteger("minimum");
    Integer maximum = leaf.getInteger("maximum");
    Predicate<Object> typed = switch (type) {
      case "string" -> v -> v instanceof String s && (maxLength == null || s.length() <= maxLength)
          && (allowed == null || allowed.contains(s));
      case "integer" -> v -> v instanceof Integer || v instanceof Long;
      case "number" -> v -> v instanceof Integer || v instanceof Long || v instanceof Double d && Double.isFinite(d);
      default -> v -> v instanceof Boolean;
    };
    // bounds speak of numbers only; an int bound compares exactly with a long or double
    return value -> typed.test(value) && (!(value instanceof Number n)
        || (minimum == null || n.doubleValue() >= minimum) && (maximum == null || n.doubleValue() <= maximum));
  }

  /**
   * The fields whose subschema alone decides whether a value is valid wherever it sits in a payload, by name.
   * Empty unless every keyword of the schema is local (see {@link #LOCAL_KEYWORDS}; {@code $ref} only into
   * {@code #/definitions}, enums of plain values, additionalProperties true or false): then a field qualifies when
   * every {@code properties} entry of its name is the same leaf subschema (local keywords, no reference) but for
   * annotations, after following a reference that is all an entry holds (2.x enums are such references). The
   * subschemas are returned without annotations.
   */
  static Map<String, JsonObject> standaloneLeaves(JsonObject schema) {
    Map<String, List<JsonObject>> definitions = new HashMap<>();
    if (!local(schema, definitions)) {
      return Map.of();
    }
    Map<String, JsonObject> leaves = new HashMap<>();
    definitions.forEach((name, defs) -> {
      List<JsonObject> constraints = defs.stream().map(d -> constraints(schema, d)).toList();
      JsonObject leaf = constraints.get(0);
      // additionalProperties (true or false, see local) only speaks of objects: a leaf's value is plain
      if (constraints.stream().allMatch(leaf::equals) && leaf.fieldNames().stream()
          .allMatch(k -> LOCAL_KEYWORDS.contains(k) || k.equals("additionalProperties"))) {
        leaves.put(name, leaf);
      }
    });
    return leaves;
  }

  /** The subschema without annotations; a lone {@code $ref} is replaced by its definition (one step). */
  private static JsonObject constraints(JsonObject schema, JsonObject subschema) {
    JsonObject constraints = subschema.copy();
    ANNOTATIONS.forEach(constraints::remove);
    if (constraints.size() == 1 && constraints.getValue("$ref") instanceof String ref) {
      JsonObject definitions = schema.getJsonObject("definitions");
      Object target = definitions == null ? null : definitions.getValue(ref.substring("#/definitions/".length()));
      if (target instanceof JsonObject definition) {
        constraints = definition.copy();
        ANNOTATIONS.forEach(constraints::remove);
      }
    }
    return constraints;
  }

  /** Whether every keyword of the schema is local; collects the {@code properties} entries by name. */
  private static boolean local(JsonObject schema, Map<String, List<JsonObject>> definitions) {
    for (Map.Entry<String, Object> keyword : schema) {
      Object value = keyword.getValue();
      boolean ok = switch (keyword.getKey()) {
        case "properties", "definitions" -> value instanceof JsonObject named && named.stream().allMatch(entry -> {
          if (!(entry.getValue() instanceof JsonObject sub)) {
            return false;
          }
          if (keyword.getKey().equals("properties")) {
            definitions.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(sub);
          }
          return local(sub, definitions);
        });
        case "items" -> value instanceof JsonObject sub ? local(sub, definitions)
            : value instanceof JsonArray tuple
                && tuple.stream().allMatch(i -> i instanceof JsonObject sub && local(sub, definitions));
        case "additionalItems" -> value instanceof Boolean
            || value instanceof JsonObject sub && local(sub, definitions);
        case "additionalProperties" -> value instanceof Boolean;
        case "$ref" -> value instanceof String ref && ref.startsWith("#/definitions/");
        case "enum" -> value instanceof JsonArray values
            && values.stream().noneMatch(v -> v instanceof JsonObject || v instanceof JsonArray);
        default -> LOCAL_KEYWORDS.contains(keyword.getKey());
      };
      if (!ok) {
        return false;
      }
    }
    return true;
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
    } else if (node instanceof JsonArray array) {
      array.forEach(OcppSchemas::stripMultipleOf);
    }
  }

  private static <T> Map<OcppVersion, Map<String, T>> cacheByVersion() {
    Map<OcppVersion, Map<String, T>> byVersion = new EnumMap<>(OcppVersion.class);
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
    return read(resource).map(schema -> new Compiled(compile(schema, OutputFormat.Flag),
        compile(schema, OutputFormat.Basic)));
  }

  /** The schema as the validators see it. */
  static Optional<JsonObject> read(String resource) {
    try (InputStream in = OcppSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      JsonObject schema = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      // The files declare draft-04/06 and urn ids; re-key in memory (files stay unedited).
      schema.remove("$schema");
      schema.remove("$id");
      schema.remove("id");
      stripMultipleOf(schema);
      return Optional.of(schema);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read OCPP schema " + resource, e);
    }
  }
}
