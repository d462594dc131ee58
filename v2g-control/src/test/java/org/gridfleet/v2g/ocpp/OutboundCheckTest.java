package org.gridfleet.v2g.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class OutboundCheckTest {
  private static final OcppSchemas SCHEMAS = new OcppSchemas();

  private static OutboundRequest update(double setpointW) {
    return new OutboundRequest("UpdateDynamicSchedule", new JsonObject().put("chargingProfileId", 1001)
        .put("scheduleUpdate", new JsonObject().put("setpoint", setpointW).put("limit", 11000.0)
            .put("dischargeLimit", -11000.0)));
  }

  /** Checks the request as the connection does: with the text it is about to send. */
  private static void check(OutboundCheck check, OcppVersion version, OutboundRequest request) {
    check.check(version, request, request.payload().encode());
  }

  @Test
  void checkShouldValidateOncePerDistinctPayloadWhenTheSameSetpointGoesToManyChargers() {
    // GIVEN
    OutboundCheck check = new OutboundCheck(SCHEMAS, true);
    // WHEN one setpoint fans out to 1,000 chargers, then a second one
    for (int i = 0; i < 1000; i++) {
      check(check, OcppVersion.V2_1, update(-7000.0));
    }
    check(check, OcppVersion.V2_1, update(3500.0));
    check(check, OcppVersion.V2_1, update(3500.0));
    // THEN the validator ran once per distinct payload
    assertThat(check.validations()).isEqualTo(2);
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
}
