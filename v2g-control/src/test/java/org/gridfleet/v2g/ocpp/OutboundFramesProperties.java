package org.gridfleet.v2g.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.time.Clock;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import org.gridfleet.v2g.charger.ChargerRecord;
import org.gridfleet.v2g.charger.ChargerRecord.Admission;

/**
 * The control frames of a fan-out are schema-valid for any rating, setpoint, limit, EVSE and transaction id a
 * charger can have: the evidence that lets {@link OcppServerConfig#validateOutbound()} be switched off.
 */
class OutboundFramesProperties {
  private static final Vertx VERTX = Vertx.vertx();
  private static final OcppSchemas SCHEMAS = new OcppSchemas();

  @AfterContainer
  static void close() {
    VERTX.close();
  }

  @Property(tries = 600)
  void controlFramesShouldValidateWhenSetpointsLimitsAndIdsAreAnything(
      @ForAll OcppVersion version,
      @ForAll @DoubleRange(min = 1.4, max = 350) double maxPowerKw,
      @ForAll @IntRange(min = 1, max = 8) int evses,
      @ForAll @IntRange(min = 1, max = 8) int evseChoice,
      @ForAll @DoubleRange(min = -400, max = 400) double powerKw,
      @ForAll boolean setpoint,
      @ForAll boolean dynamicProfileInstalled,
      @ForAll @IntRange(min = 1, max = 1_000_000) int profileId,
      @ForAll @StringLength(min = 1, max = 36) @AlphaChars @NumericChars @Chars({'-', '_', '.'}) String txId,
      @ForAll @IntRange(min = 1, max = Integer.MAX_VALUE) int txNumber) {
    // GIVEN a discharge-capable charger of any rating with a transaction on one of its EVSEs
    ChargerRecord charger = new ChargerRecord("cp-1", "site", Admission.ACCEPTED, true, maxPowerKw, evses,
        maxPowerKw * evses * 10, 10);
    RecordingPorts ports = new RecordingPorts();
    ChargerConnection c = new ChargerConnection(VERTX, null, charger, version, SCHEMAS,
        new OutboundCheck(SCHEMAS, true), new ProvenShapes(SCHEMAS, true), new ProvenShapes(SCHEMAS, false),
        new KnownAnswers(),
        new GatewayServices(new InMemoryChargerDirectory(), ports, ports, ports, Clock.systemUTC()),
        OcppServerConfig.defaults("127.0.0.1", 0), GatewayMetrics.NOOP);
    EvseState evse = c.evse(1 + (evseChoice - 1) % evses);
    evse.transactionId = version == OcppVersion.V1_6 ? Integer.toString(txNumber) : txId;
    evse.dynamicProfileId = dynamicProfileInstalled ? profileId : 0;
    OcppAdapter adapter = OcppAdapter.forVersion(version);
    double value = setpoint ? powerKw : Math.abs(powerKw);
    // WHEN Gridfleet builds the control value and the fallback
    OcppAdapter.Control control = adapter.control(c, evse, value, setpoint);
    OutboundRequest fallback = adapter.fallbackProfile(c);
    // THEN both are valid against the official schema of the version
    assertThat(control.refusal()).isNull();
    assertThat(SCHEMAS.violation(version, control.request().action(), true, control.request().payload()))
        .as(control.request().payload().encode()).isNull();
    assertThat(SCHEMAS.violation(version, fallback.action(), true, fallback.payload()))
        .as(fallback.payload().encode()).isNull();
  }
}
