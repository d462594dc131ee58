package org.gridfleet.v2g.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ProvenShapesTest {
  private static final OcppSchemas SCHEMAS = new OcppSchemas();

  /** A 2.0.1 meter-value TransactionEvent as a charger sends one every interval. */
  private static JsonObject meterValues(String timestamp, int seqNo, Object powerW, String measurand) {
    return new JsonObject().put("eventType", "Updated").put("timestamp", timestamp)
        .put("triggerReason", "MeterValuePeriodic").put("seqNo", seqNo)
        .put("transactionInfo", new JsonObject().put("transactionId", "tx-" + seqNo).put("chargingState", "Charging"))
        .put("meterValue", new JsonArray().add(new JsonObject().put("timestamp", timestamp)
            .put("sampledValue", new JsonArray()
                .add(new JsonObject().put("value", 61.5).put("measurand", "SoC")
                    .put("unitOfMeasure", new JsonObject().put("unit", "Percent")))
                .add(new JsonObject().put("value", powerW).put("measurand", measurand)
                    .put("unitOfMeasure", new JsonObject().put("unit", "W"))))));
  }

  private static boolean repeats(ProvenShapes shapes, JsonObject payload) {
    return shapes.repeats(OcppVersion.V2_0_1, "TransactionEvent", payload.encode());
  }

  private static ProvenShapes provenWith(JsonObject payload) {
    assertThat(SCHEMAS.violation(OcppVersion.V2_0_1, "TransactionEvent", true, payload)).isNull();
    ProvenShapes shapes = new ProvenShapes(SCHEMAS, true);
    shapes.remember(OcppVersion.V2_0_1, "TransactionEvent", payload.encode());
    return shapes;
  }

  @Test
  void repeatsShouldTakeTheNextMeterValuesWhenOnlyPlainValuesChangedAndEachIsValid() {
    // GIVEN a proven TransactionEvent
    ProvenShapes shapes = provenWith(meterValues("2026-11-29T12:00:00Z", 1, 7000.0, "Power.Active.Import"));
    // WHEN THEN the next ones (time, sequence, transaction, power, measurand, a number written as an integer) repeat it
    assertThat(repeats(shapes, meterValues("2026-11-29T12:00:10.5Z", 2, -3500.5, "Power.Active.Export"))).isTrue();
    assertThat(repeats(shapes, meterValues("2026-11-29T12:00:20Z", 3, 0, "Power.Active.Import"))).isTrue();
  }

  @Test
  void repeatsShouldRefuseWhenAChangedValueFailsItsSubschema() {
    // GIVEN a proven TransactionEvent
    ProvenShapes shapes = provenWith(meterValues("2026-11-29T12:00:00Z", 1, 7000.0, "Power.Active.Import"));
    // WHEN THEN a bad date-time, a measurand outside the enum, a string for a number, a transactionId too long
    assertThat(repeats(shapes, meterValues("2026-11-29T24:00:00Z", 2, 7000.0, "Power.Active.Import"))).isFalse();
    assertThat(repeats(shapes, meterValues("2026-11-29T12:00:00Z", 2, 7000.0, "Power.Madeup"))).isFalse();
    assertThat(repeats(shapes, meterValues("2026-11-29T12:00:00Z", 2, "7000", "Power.Active.Import"))).isFalse();
    JsonObject longId = meterValues("2026-11-29T12:00:00Z", 2, 7000.0, "Power.Active.Import");
    longId.getJsonObject("transactionInfo").put("transactionId", "x".repeat(37));
    assertThat(repeats(shapes, longId)).isFalse();
    // and each of them is refused by the full validator too
    assertThat(SCHEMAS.violation(OcppVersion.V2_0_1, "TransactionEvent", true, longId)).isNotNull();
  }

  @Test
  void repeatsShouldRefuseWhenMoreThanPlainValuesDiffer() {
    // GIVEN a proven TransactionEvent
    ProvenShapes shapes = provenWith(meterValues("2026-11-29T12:00:00Z", 1, 7000.0, "Power.Active.Import"));
    // WHEN THEN a field more, an object for a value, an escaped string, spacing, another action or version
    JsonObject more = meterValues("2026-11-29T12:00:00Z", 2, 7000.0, "Power.Active.Import").put("offline", true);
    assertThat(repeats(shapes, more)).isFalse();
    assertThat(repeats(shapes, meterValues("2026-11-29T12:00:00Z", 2, new JsonObject(), "Power.Active.Import")))
        .isFalse();
    JsonObject escaped = meterValues("2026-11-29T12:00:00Z", 2, 7000.0, "Power.Active.Import");
    escaped.getJsonObject("transactionInfo").put("transactionId", "tx\"2");
    assertThat(repeats(shapes, escaped)).isFalse();
    String text = meterValues("2026-11-29T12:00:00Z", 2, 7000.0, "Power.Active.Import").encode();
    assertThat(shapes.repeats(OcppVersion.V2_0_1, "TransactionEvent", text.replace(",", ", "))).isFalse();
    assertThat(shapes.repeats(OcppVersion.V2_1, "TransactionEvent", text)).isFalse();
    assertThat(shapes.repeats(OcppVersion.V2_0_1, "MeterValues", text)).isFalse();
  }

  @Test
  void aResponsesInstanceShouldJudgeAnswersByTheResponseSchema() {
    // GIVEN Gridfleet's answer to a Heartbeat, proven against the 2.1 HeartbeatResponse schema
    ProvenShapes answers = new ProvenShapes(SCHEMAS, false);
    JsonObject first = new JsonObject().put("currentTime", "2026-11-29T12:00:00.123Z");
    answers.proveInFull(OcppVersion.V2_1, "Heartbeat", first, first.encode());
    // WHEN THEN the next answer repeats it with a new time; a time that is no date-time does not
    assertThat(answers.repeats(OcppVersion.V2_1, "Heartbeat", "{\"currentTime\":\"2026-11-29T12:00:10Z\"}")).isTrue();
    assertThat(answers.repeats(OcppVersion.V2_1, "Heartbeat", "{\"currentTime\":\"2026-11-29T25:00:10Z\"}"))
        .isFalse();
    // and an answer that breaks the response schema is refused in full (the request schema has no currentTime)
    JsonObject noTime = new JsonObject();
    assertThatThrownBy(() -> answers.proveInFull(OcppVersion.V2_1, "Heartbeat", noTime, noTime.encode()))
        .isInstanceOf(OcppException.class).hasMessageContaining("currentTime");
  }

  @Test
  void payloadOfShouldCutThePayloadWhenTheIdOrActionHoldBraces() {
    assertThat(ProvenShapes.payloadOf("[2,\"a{b\\\"{\",\"Heartbeat\",{\"x\":{}}]")).isEqualTo("{\"x\":{}}");
    assertThat(ProvenShapes.payloadOf("[ 2 , \"1\" , \"Heartbeat\" , { } ] ")).isEqualTo("{ }");
  }
}
