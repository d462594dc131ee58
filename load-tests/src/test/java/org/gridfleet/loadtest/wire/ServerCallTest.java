package org.gridfleet.loadtest.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ServerCallTest {
  /** A 2.1 Dynamic TxProfile as the gateway encodes it (limitAtSoC and dischargeLimit must not be read as limit). */
  private static final String DYNAMIC_PROFILE = "[2,\"1a\",\"SetChargingProfile\",{\"evseId\":1,\"chargingProfile\":"
      + "{\"id\":1001,\"stackLevel\":1,\"chargingProfilePurpose\":\"TxProfile\",\"chargingProfileKind\":\"Dynamic\","
      + "\"transactionId\":\"sim-1-1\",\"chargingSchedule\":[{\"id\":1,\"chargingRateUnit\":\"W\",\"limitAtSoC\":"
      + "{\"soc\":80,\"limit\":3000.0},\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"operationMode\":"
      + "\"CentralSetpoint\",\"dischargeLimit\":-11000.0,\"setpoint\":-7000.0,\"limit\":11000.0}]}]}}]";

  @Test
  void parseShouldReadIdActionAndPayloadWhenTheFrameIsACompactCall() {
    // GIVEN WHEN
    ServerCall call = ServerCall.parse("[2,\"zz9\",\"UpdateDynamicSchedule\",{\"chargingProfileId\":1001,"
        + "\"scheduleUpdate\":{\"setpoint\":3500.5,\"limit\":11000.0,\"dischargeLimit\":-11000.0}}]");
    // THEN
    assertThat(call.messageId()).isEqualTo("zz9");
    assertThat(call.action()).isEqualTo("UpdateDynamicSchedule");
    assertThat(call.number("setpoint")).isEqualTo(3500.5);
    assertThat(call.number("limit")).isEqualTo(11000.0);
    assertThat(call.number("dischargeLimit")).isEqualTo(-11000.0);
    assertThat(call.number("chargingProfileId")).isEqualTo(1001.0);
  }

  @Test
  void parseShouldReturnNullWhenTheFrameIsNotACompactCall() {
    // GIVEN WHEN THEN answers, errors, spaced or escaped CALLs are left to the tree parser
    for (String frame : new String[] {"[3,\"a\",{\"status\":\"Accepted\"}]", "[4,\"a\",\"NotImplemented\",\"\",{}]",
        "[2, \"a\",\"Reset\",{}]", "[2,\"a\\\"b\",\"Reset\",{}]", "[2,\"a\",\"Reset\",{} ]", "[2,\"a\"]", "[2,\""}) {
      assertThat(ServerCall.parse(frame)).as(frame).isNull();
    }
  }

  @Test
  void ofShouldReadTheSameFieldsWhenTheFrameCameInAnotherLayout() {
    // GIVEN the profile with spaces, parsed as a tree
    JsonArray spaced = new JsonArray(DYNAMIC_PROFILE.replace(":", " : ").replace(",", " , "));
    // WHEN
    ServerCall call = ServerCall.of(spaced);
    // THEN
    assertThat(call).isEqualTo(ServerCall.parse(DYNAMIC_PROFILE));
    assertThat(ServerCall.of(new JsonArray().add(3).add("a").add(new JsonObject()))).isNull();
  }

  @Test
  void numberAndStringShouldReadTheFirstExactFieldWhenOthersShareAPartOfItsName() {
    // GIVEN
    ServerCall call = ServerCall.parse(DYNAMIC_PROFILE);
    // WHEN THEN the first "limit" is limitAtSoC's own, as in the payload order; names are matched whole
    assertThat(call.number("setpoint")).isEqualTo(-7000.0);
    assertThat(call.number("limit")).isEqualTo(3000.0);
    assertThat(call.string("chargingRateUnit")).isEqualTo("W");
    assertThat(call.string("chargingProfilePurpose")).isEqualTo("TxProfile");
    assertThat(call.number("absent")).isNaN();
    assertThat(call.number("chargingRateUnit")).isNaN();
    assertThat(call.string("stackLevel")).isNull();
  }

  @Test
  void commandShouldReadTheControlValueOfEachVersionWhenTheGatewaySendsIt() {
    // GIVEN a 2.1 setpoint profile, a 2.1 update, a 2.0.1 limit in A and a 1.6 TxDefaultProfile
    ServerCall update = ServerCall.parse("[2,\"b\",\"UpdateDynamicSchedule\",{\"chargingProfileId\":1001,"
        + "\"scheduleUpdate\":{\"setpoint\":-3300.0,\"limit\":11000.0,\"dischargeLimit\":-11000.0}}]");
    ServerCall amps = ServerCall.parse("[2,\"c\",\"SetChargingProfile\",{\"evseId\":1,\"chargingProfile\":{\"id\":1001,"
        + "\"chargingProfilePurpose\":\"TxProfile\",\"transactionId\":\"t\",\"chargingSchedule\":[{\"id\":1,"
        + "\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":10.0}]}]}}]");
    ServerCall fallback16 = ServerCall.parse("[2,\"d\",\"SetChargingProfile\",{\"connectorId\":0,"
        + "\"csChargingProfiles\":{\"chargingProfileId\":900,\"stackLevel\":0,\"chargingProfilePurpose\":"
        + "\"TxDefaultProfile\",\"chargingProfileKind\":\"Relative\",\"chargingSchedule\":{\"chargingRateUnit\":\"W\","
        + "\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":3700.0}]}}}]");
    // WHEN THEN
    assertThat(ChargerDialect.of(Subprotocol.OCPP_2_1).command(update)).contains(new ChargerCommand(-3.3, false));
    assertThat(ChargerDialect.of(Subprotocol.OCPP_2_0_1).command(amps))
        .contains(new ChargerCommand(10 * 230 * 3 / 1000.0, false));
    assertThat(ChargerDialect.of(Subprotocol.OCPP_1_6).command(fallback16)).contains(new ChargerCommand(3.7, true));
    assertThat(ChargerDialect.of(Subprotocol.OCPP_2_1).command(ServerCall.parse("[2,\"e\",\"Reset\",{\"type\":"
        + "\"Immediate\"}]"))).isEmpty();
  }
}
