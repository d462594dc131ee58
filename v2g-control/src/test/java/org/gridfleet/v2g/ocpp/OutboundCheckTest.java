package org.gridfleet.v2g.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class OutboundCheckTest {
  private static final OcppSchemas SCHEMAS = new OcppSchemas();

  private static OutboundRequest update(double setpointW) {
    return new OutboundRequest("UpdateDynamicSchedule", new JsonObject().put("chargingProfileId", 1001)
        .put("scheduleUpdate", new JsonObject().put("setpoint", setpointW).put("limit", 11000.0)
            .put("dischargeLimit", -11000.0)));
  }

  /** A 2.0.1 TxProfile as {@code Ocpp201Adapter} builds it: the transaction and validTo differ per charger. */
  private static OutboundRequest txProfile(String transactionId, String validTo, double limitW) {
    return Ocpp201Adapter.setChargingProfile(1, new JsonObject().put("id", 1001).put("stackLevel", 1)
        .put("chargingProfilePurpose", "TxProfile").put("chargingProfileKind", "Relative")
        .put("transactionId", transactionId).put("validTo", validTo)
        .put("chargingSchedule", Ocpp201Adapter.schedule(new JsonObject().put("startPeriod", 0).put("limit", limitW))));
  }

  /** A 1.6 TxProfile: transactionId is an integer there. */
  private static OutboundRequest txProfile16(int transactionId, String validTo) {
    return new OutboundRequest("SetChargingProfile", new JsonObject().put("connectorId", 1)
        .put("csChargingProfiles", new JsonObject().put("chargingProfileId", 1001).put("transactionId", transactionId)
            .put("stackLevel", 1).put("chargingProfilePurpose", "TxProfile").put("chargingProfileKind", "Relative")
            .put("validTo", validTo).put("chargingSchedule", new JsonObject().put("chargingRateUnit", "W")
                .put("chargingSchedulePeriod", new JsonArray()
                    .add(new JsonObject().put("startPeriod", 0).put("limit", 7000.0))))));
  }

  /** Checks the request as the connection does: with the text it is about to send. */
  private static void check(OutboundCheck check, OcppVersion version, OutboundRequest request) {
    check.check(version, request, request.payload().encode());
  }

  @Test
  void checkShouldValidateOncePerShapeWhenSetpointsFanOutToManyChargers() {
    // GIVEN
    OutboundCheck check = new OutboundCheck(SCHEMAS, true);
    // WHEN one setpoint fans out to 1,000 chargers, then a second one
    for (int i = 0; i < 1000; i++) {
      check(check, OcppVersion.V2_1, update(-7000.0));
    }
    check(check, OcppVersion.V2_1, update(3500.0));
    check(check, OcppVersion.V2_1, update(3500.0));
    // THEN the full validator ran once: the second setpoint differs only in a value its subschema judges alone
    assertThat(check.validations()).isEqualTo(1);
  }

  @Test
  void checkShouldRefuseAnInvalidPayloadEvenWhenAValidOneOfTheSameActionWasSeen() {
    // GIVEN a valid update already checked
    OutboundCheck check = new OutboundCheck(SCHEMAS, true);
    check(check, OcppVersion.V2_1, update(-7000.0));
    // WHEN a payload missing the required chargingProfileId comes next
    OutboundRequest broken = new OutboundRequest("UpdateDynamicSchedule",
        new JsonObject().put("scheduleUpdate", new JsonObject().put("setpoint", -7000.0)));
    // THEN it is refused, naming the field, each time
    assertThatThrownBy(() -> check(check, OcppVersion.V2_1, broken)).isInstanceOf(OcppException.class)
        .hasMessageContaining("chargingProfileId");
    assertThatThrownBy(() -> check(check, OcppVersion.V2_1, broken)).isInstanceOf(OcppException.class);
  }

  @Test
  void checkShouldNotTrustARememberedPayloadWhenTheSenderChangesItAfterwards() {
    // GIVEN a valid payload checked, then changed by whoever holds it
    OutboundCheck check = new OutboundCheck(SCHEMAS, true);
    OutboundRequest request = update(-7000.0);
    check(check, OcppVersion.V2_1, request);
    request.payload().remove("chargingProfileId");
    // WHEN THEN the changed one is validated again and refused
    assertThatThrownBy(() -> check(check, OcppVersion.V2_1, request)).isInstanceOf(OcppException.class);
    assertThat(check.validations()).isEqualTo(2);
  }

  @Test
  void checkShouldKeepVersionsApartWhenTheSamePayloadIsSentOnAnother() {
    // GIVEN an UpdateDynamicSchedule valid on 2.1
    OutboundCheck check = new OutboundCheck(SCHEMAS, true);
    check(check, OcppVersion.V2_1, update(-7000.0));
    // WHEN THEN 2.0.1 has no such action: refused, not waved through as a repeat
    assertThatThrownBy(() -> check(check, OcppVersion.V2_0_1, update(-7000.0)))
        .isInstanceOf(OcppException.class).hasMessageContaining("not defined");
  }

  @Test
  void checkShouldLetEverythingThroughUnvalidatedWhenOutboundValidationIsOff() {
    // GIVEN
    OutboundCheck check = new OutboundCheck(SCHEMAS, false);
    // WHEN an invalid payload is checked
    check(check, OcppVersion.V2_1, new OutboundRequest("UpdateDynamicSchedule", new JsonObject()));
    // THEN nothing ran
    assertThat(check.validations()).isZero();
  }

  @Test
  void checkShouldValidateOnceWhenTxProfilesDifferOnlyInTransactionValidToAndLimit() {
    // GIVEN
    OutboundCheck check = new OutboundCheck(SCHEMAS, true);
    // WHEN limits fan out to 1,000 2.0.1 and 1,000 1.6 transactions, each with its own id and validTo
    for (int i = 0; i < 1000; i++) {
      check(check, OcppVersion.V2_0_1, txProfile("tx-" + i, "2026-11-29T12:" + (10 + i % 50) + ":00." + i + "Z",
          -7000.0 + i));
      check(check, OcppVersion.V1_6, txProfile16(i, "2026-11-29T12:00:0" + i % 10 + "Z"));
    }
    // THEN the full validator ran once per version
    assertThat(check.validations()).isEqualTo(2);
  }

  @Test
  void checkShouldRefuseAPerChargerValueTheSchemaRejectsWhenTheRestRepeatsAProvenPayload() {
    // GIVEN a proven 2.0.1 and 1.6 TxProfile
    OutboundCheck check = new OutboundCheck(SCHEMAS, true);
    check(check, OcppVersion.V2_0_1, txProfile("tx-1", "2026-11-29T12:00:00Z", -7000.0));
    check(check, OcppVersion.V1_6, txProfile16(1, "2026-11-29T12:00:00Z"));
    // WHEN THEN a transactionId over 36 characters, a validTo that is no date-time, a fractional 1.6 id are refused
    assertThatThrownBy(() -> check(check, OcppVersion.V2_0_1, txProfile("x".repeat(37), "2026-11-29T12:00:00Z",
        -7000.0))).isInstanceOf(OcppException.class);
    assertThatThrownBy(() -> check(check, OcppVersion.V2_0_1, txProfile("tx-2", "2026-11-29T25:00:00Z", -7000.0)))
        .isInstanceOf(OcppException.class);
    OutboundRequest fractional = txProfile16(2, "2026-11-29T12:00:00Z");
    fractional.payload().getJsonObject("csChargingProfiles").put("transactionId", 2.5);
    assertThatThrownBy(() -> check(check, OcppVersion.V1_6, fractional)).isInstanceOf(OcppException.class);
    assertThat(check.validations()).isEqualTo(5);
  }

  @Test
  void checkShouldValidateInFullWhenMoreThanPlainValuesDiffer() {
    // GIVEN a proven TxProfile
    OutboundCheck check = new OutboundCheck(SCHEMAS, true);
    check(check, OcppVersion.V2_0_1, txProfile("tx-1", "2026-11-29T12:00:00Z", -7000.0));
    // WHEN one with a field more, one whose transactionId has an escape, one whose validTo is an object follow
    OutboundRequest recurring = txProfile("tx-2", "2026-11-29T12:00:00Z", 3500.0);
    recurring.payload().getJsonObject("chargingProfile").put("recurrencyKind", "Daily");
    check(check, OcppVersion.V2_0_1, recurring);
    check(check, OcppVersion.V2_0_1, txProfile("tx\"3", "2026-11-29T12:00:00Z", 3500.0));
    OutboundRequest objectValidTo = txProfile("tx-4", "2026-11-29T12:00:00Z", 3500.0);
    objectValidTo.payload().getJsonObject("chargingProfile").put("validTo", new JsonObject());
    // THEN each went through the full validator, which refused the object
    assertThatThrownBy(() -> check(check, OcppVersion.V2_0_1, objectValidTo)).isInstanceOf(OcppException.class);
    assertThat(check.validations()).isEqualTo(4);
  }
}
