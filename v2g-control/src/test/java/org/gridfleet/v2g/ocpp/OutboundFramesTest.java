package org.gridfleet.v2g.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridfleet.v2g.charger.ChargerCommands;
import org.gridfleet.v2g.charger.ChargerRecord;
import org.gridfleet.v2g.charger.ChargerRecord.Admission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every payload Gridfleet puts on the wire validates against the official schema of its version. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OutboundFramesTest {
  private static final Vertx VERTX = Vertx.vertx();
  private static final OcppSchemas SCHEMAS = new OcppSchemas();

  @AfterAll
  static void close() {
    VERTX.close();
  }

  private static ChargerConnection connection(OcppVersion version) {
    ChargerRecord charger = new ChargerRecord("cp-1", "site", Admission.PENDING, true, 11, 2, 44, 4);
    RecordingPorts ports = new RecordingPorts();
    return new ChargerConnection(VERTX, null, charger, version, SCHEMAS, new OutboundCheck(SCHEMAS, true),
        new ProvenShapes(SCHEMAS, true), new ProvenShapes(SCHEMAS, false), new KnownAnswers(),
        new GatewayServices(new InMemoryChargerDirectory(), ports, ports, ports, Clock.systemUTC()),
        OcppServerConfig.defaults("127.0.0.1", 0), GatewayMetrics.NOOP);
  }

  @ParameterizedTest
  @EnumSource(OcppVersion.class)
  void everyCallGridfleetSendsShouldValidateWhenBuiltForAnyVersion(OcppVersion version) {
    // GIVEN a connection with a session on EVSE 1
    ChargerConnection c = connection(version);
    OcppAdapter adapter = OcppAdapter.forVersion(version);
    EvseState evse = c.evse(1);
    evse.transactionId = version == OcppVersion.V1_6 ? "17" : "tx-1";
    List<OutboundRequest> sent = new ArrayList<>();

    // WHEN Gridfleet builds the fallback, charge/discharge setpoints, limits and the 2.1 fast update
    sent.add(adapter.fallbackProfile(c));
    for (double kw : new double[] {7.4, -7.0, 0, 22.1, -33.3}) {
      sent.add(adapter.control(c, evse, kw, true).request());
    }
    sent.add(adapter.control(c, evse, 3.7, false).request());
    evse.dynamicProfileId = 1001;
    sent.add(adapter.control(c, evse, -5.5, true).request());

    // AND every one-off command, with a running transaction and without one
    sent.add(adapter.clearTxProfile(evse).request());
    sent.add(adapter.compositeSchedule(evse, 900).request());
    sent.add(adapter.stopTransaction(evse).request());
    for (ChargerCommands.Trigger trigger : ChargerCommands.Trigger.values()) {
      sent.add(adapter.trigger(evse, trigger).request());
    }
    evse.endSession();
    sent.add(adapter.startTransaction(evse, "FLEET-CARD-0042").request());

    // THEN every one is schema-valid, and the actions cover what each version needs
    assertThat(sent).doesNotContainNull();
    for (OutboundRequest request : sent) {
      assertThat(SCHEMAS.violation(version, request.action(), true, request.payload()))
          .as(request.action() + " " + request.payload().encode()).isNull();
    }
    assertThat(sent).extracting(OutboundRequest::action).contains("SetChargingProfile");
    if (version == OcppVersion.V2_1) {
      assertThat(sent).extracting(OutboundRequest::action).contains("UpdateDynamicSchedule");
    }
    assertThat(sent).extracting(OutboundRequest::action).contains("ClearChargingProfile", "GetCompositeSchedule",
        "TriggerMessage", version == OcppVersion.V1_6 ? "RemoteStartTransaction" : "RequestStartTransaction",
        version == OcppVersion.V1_6 ? "RemoteStopTransaction" : "RequestStopTransaction");
    // AND the list the metrics are registered from at start is exactly what the adapters build
    assertThat(sent).extracting(OutboundRequest::action)
        .containsOnly(OcppActions.outbound(version).toArray(String[]::new));
  }

  @ParameterizedTest
  @EnumSource(OcppVersion.class)
  void everyCallResultGridfleetSendsShouldValidateWhenAnsweringTheWorkedExamples(OcppVersion version)
      throws Exception {
    // GIVEN the worked examples the charger sends, in order (boot first)
    JsonObject examples = new JsonObject(Files.readString(Path.of("../reference/ocpp/examples/v2x-payloads.json")));
    JsonArray fromCharger = examples.getJsonObject(version.subprotocol()).getJsonArray("csToCsms");
    ChargerConnection c = connection(version);
    OcppAdapter adapter = OcppAdapter.forVersion(version);
    c.evse(1).transactionId = "tx-0002";

    for (int i = 0; i < fromCharger.size(); i++) {
      String action = fromCharger.getJsonArray(i).getString(0);
      JsonObject request = fromCharger.getJsonArray(i).getJsonObject(1);
      if (version == OcppVersion.V1_6 && "MeterValues".equals(action)) {
        c.evse(1).transactionId = "17";
      }
      // WHEN Gridfleet answers it
      JsonObject response = adapter.onCall(c, action, request);
      // THEN the answer validates
      assertThat(SCHEMAS.violation(version, action, false, response)).as(action).isNull();
    }
  }
}
