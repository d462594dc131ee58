package org.gridfleet.v2g.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.Validator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class OcppSchemasTest {
  private final OcppSchemas schemas = new OcppSchemas();

  @Test
  void knowsShouldAnswerPerVersionWhenTheActionExistsInOnlySomeVersions() {
    assertThat(schemas.knows(OcppVersion.V2_1, "UpdateDynamicSchedule")).isTrue();
    assertThat(schemas.knows(OcppVersion.V2_0_1, "UpdateDynamicSchedule")).isFalse();
    assertThat(schemas.knows(OcppVersion.V1_6, "StartTransaction")).isTrue();
    assertThat(schemas.knows(OcppVersion.V2_1, "StartTransaction")).isFalse();
  }

  @Test
  void knowsShouldRefuseWhenTheActionNameIsAResourcePath() {
    // "ocpp/2.1/../1.6/Heartbeat" + "Request.json" would otherwise be looked up on the classpath
    assertThat(schemas.knows(OcppVersion.V2_1, "../1.6/Heartbeat")).isFalse();
    assertThat(schemas.knows(OcppVersion.V1_6, "Heartbeat.json#")).isFalse();
    assertThat(schemas.knows(OcppVersion.V1_6, "")).isFalse();
  }

  @Test
  void schemasShouldStillValidateKnownActionsWhenAChargerHasSentThousandsOfMadeUpNames() {
    // GIVEN more made-up names than the cache remembers
    for (int i = 0; i < 3 * OcppSchemas.MAX_CACHED_ACTIONS; i++) {
      assertThat(schemas.knows(OcppVersion.V2_1, "MadeUp" + i)).isFalse();
    }
    // WHEN a known action comes in for the first time THEN it is still found and checked
    assertThat(schemas.violation(OcppVersion.V2_1, "Heartbeat", true, new JsonObject())).isNull();
    assertThat(schemas.violation(OcppVersion.V2_1, "Heartbeat", true, new JsonObject().put("x", 1)))
        .startsWith("PropertyConstraintViolation");
  }

  @Test
  void standaloneFieldsShouldJudgeATxProfilesPerChargerValuesAloneWhenTheSchemaIsLocal() {
    // the official SetChargingProfile schemas define transactionId, validTo and limit alike wherever they appear
    for (OcppVersion version : OcppVersion.values()) {
      Map<String, Predicate<Object>> fields = schemas.standaloneFields(version, "SetChargingProfile", true);
      assertThat(valid(fields, "validTo", "2026-11-29T12:00:00Z")).isTrue();
      assertThat(valid(fields, "validTo", "29.11.2026")).isFalse();
      assertThat(valid(fields, "limit", -7000.5)).isTrue();
      assertThat(valid(fields, "limit", "7000")).isFalse();
    }
    Map<String, Predicate<Object>> v201 = schemas.standaloneFields(OcppVersion.V2_0_1, "SetChargingProfile", true);
    assertThat(valid(v201, "transactionId", "x".repeat(36))).isTrue();
    assertThat(valid(v201, "transactionId", "x".repeat(37))).isFalse();
    Map<String, Predicate<Object>> v16 = schemas.standaloneFields(OcppVersion.V1_6, "SetChargingProfile", true);
    assertThat(valid(v16, "transactionId", 42)).isTrue();
    assertThat(valid(v16, "transactionId", "42")).isFalse();
    // "id" means a profile, a schedule and a sales tariff there: the same constraints, other descriptions
    assertThat(v201).containsKey("id");
  }

  private static boolean valid(Map<String, Predicate<Object>> fields, String field, Object value) {
    return fields.get(field).test(value);
  }

  @Test
  void standaloneLeavesShouldLeaveOutAFieldWhenAnotherKeywordCouldJudgeItsValue() {
    JsonObject leaf = new JsonObject().put("type", "string").put("maxLength", 36);
    JsonObject plain = new JsonObject().put("type", "object").put("additionalProperties", false)
        .put("properties", new JsonObject().put("id", leaf.copy().put("description", "the id")));
    assertThat(OcppSchemas.standaloneLeaves(plain)).containsExactly(Map.entry("id", leaf));
    // a combinator, a sibling-dependent keyword, an additionalProperties schema, an enum of objects
    assertThat(OcppSchemas.standaloneLeaves(plain.copy().put("oneOf", new JsonArray()))).isEmpty();
    assertThat(OcppSchemas.standaloneLeaves(plain.copy().put("dependencies", new JsonObject()))).isEmpty();
    assertThat(OcppSchemas.standaloneLeaves(plain.copy().put("additionalProperties", leaf))).isEmpty();
    assertThat(OcppSchemas.standaloneLeaves(
        plain.copy().put("enum", new JsonArray().add(new JsonObject().put("id", "a"))))).isEmpty();
    // defined twice with other constraints
    JsonObject twice = plain.copy().put("definitions", new JsonObject().put("Other", new JsonObject()
        .put("properties", new JsonObject().put("id", new JsonObject().put("type", "integer")))));
    assertThat(OcppSchemas.standaloneLeaves(twice)).isEmpty();
    // a lone reference is followed; one beside another keyword, or to another reference, is not
    JsonObject referenced = new JsonObject().put("definitions", new JsonObject().put("Id", leaf)
            .put("Alias", new JsonObject().put("$ref", "#/definitions/Id")))
        .put("properties", new JsonObject().put("id", new JsonObject().put("$ref", "#/definitions/Id")));
    assertThat(OcppSchemas.standaloneLeaves(referenced)).containsExactly(Map.entry("id", leaf));
    JsonObject beside = referenced.copy();
    beside.getJsonObject("properties").getJsonObject("id").put("maxLength", 4);
    assertThat(OcppSchemas.standaloneLeaves(beside)).isEmpty();
    JsonObject chained = referenced.copy();
    chained.getJsonObject("properties").getJsonObject("id").put("$ref", "#/definitions/Alias");
    assertThat(OcppSchemas.standaloneLeaves(chained)).isEmpty();
  }

  @Test
  void leafCheckShouldNeverAcceptAValueTheValidatorRejectsWhenItChecksDirectly() {
    List<Object> values = List.of("", "Charging", "Power.Active.Import", "W", "x".repeat(20), "x".repeat(21),
        "x".repeat(36), "x".repeat(37), "\uD83D\uDE00".repeat(20), "2026-11-29T12:00:00Z",
        "2026-11-29T12:00:00.123+01:00", "2026-02-30T00:00:00Z", "2026-11-29t12:00:00z", "2026-11-29T12:00:00",
        0, 1, -1, 42,
        Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 0.5, -7000.5, 1e300, true, false);
    int compared = 0;
    for (OcppVersion version : OcppVersion.values()) {
      for (String action : List.of("TransactionEvent", "MeterValues", "SetChargingProfile", "UpdateDynamicSchedule",
          "NotifyEVChargingNeeds", "StatusNotification", "BootNotification", "StartTransaction")) {
        Optional<JsonObject> schema = OcppSchemas.read(version.requestSchema(action));
        for (JsonObject leaf : schema.map(OcppSchemas::standaloneLeaves).orElse(Map.of()).values()) {
          Validator validator = Validator.create(JsonSchema.of(leaf),
              new JsonSchemaOptions().setDraft(Draft.DRAFT7).setBaseUri("urn:test").setOutputFormat(OutputFormat.Flag));
          Predicate<Object> check = OcppSchemas.leafCheck(leaf);
          for (Object value : values) {
            boolean schemaSays = Boolean.TRUE.equals(validator.validate(value).getValid());
            assertThat(!check.test(value) || schemaSays).as("%s %s %s: %s", version, action, leaf, value).isTrue();
            compared++;
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(1000);
  }

  @Test
  void everyStandaloneDateTimeFieldShouldBeCheckedDirectlyInItsCommonForm() {
    int dateTimes = 0;
    for (OcppVersion version : OcppVersion.values()) {
      for (String action : List.of("TransactionEvent", "MeterValues", "StatusNotification", "NotifyEVChargingNeeds",
          "Heartbeat", "BootNotification")) {
        for (String schema : List.of(version.requestSchema(action), version.responseSchema(action))) {
          Map<String, JsonObject> leaves = OcppSchemas.read(schema).map(OcppSchemas::standaloneLeaves).orElse(Map.of());
          for (JsonObject leaf : leaves.values()) {
            if ("date-time".equals(leaf.getString("format"))) {
              assertThat(OcppSchemas.leafCheck(leaf)).as("%s %s %s", version, action, leaf)
                  .isInstanceOf(OcppSchemas.DateTimeCheck.class);
              dateTimes++;
            }
          }
        }
      }
    }
    assertThat(dateTimes).isGreaterThanOrEqualTo(15);
  }
}
