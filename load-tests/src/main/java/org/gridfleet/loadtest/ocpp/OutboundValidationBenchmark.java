package org.gridfleet.loadtest.ocpp;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.gridfleet.v2g.ocpp.OcppSchemas;
import org.gridfleet.v2g.ocpp.OcppVersion;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one outbound control frame of a fan-out costs the gateway's event loop, per charger: schema validation of
 * a 2.0.1 SetChargingProfile (TxProfile, per-charger transaction id, so never a repeat) and of a 2.1
 * UpdateDynamicSchedule, the deep equality test that lets a repeated payload skip validation, and encoding the
 * CALL frame. Forked with and without {@code -XX:-DontCompileHugeMethods} (the validator's main method is above
 * HotSpot's huge-method limit).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-XX:-DontCompileHugeMethods")
public class OutboundValidationBenchmark {
  private final OcppSchemas schemas = new OcppSchemas();

  @Param({"SetChargingProfile-2.0.1", "UpdateDynamicSchedule-2.1"})
  String frame;

  private OcppVersion version;
  private String action;
  private JsonObject payload;
  private JsonObject repeat;

  @Setup
  public void build() {
    if (frame.startsWith("SetChargingProfile")) {
      version = OcppVersion.V2_0_1;
      action = "SetChargingProfile";
      payload = new JsonObject().put("evseId", 1).put("chargingProfile", new JsonObject()
          .put("id", 1001).put("stackLevel", 1).put("chargingProfilePurpose", "TxProfile")
          .put("chargingProfileKind", "Relative").put("transactionId", "sim-4711-1")
          .put("chargingSchedule", new JsonArray().add(new JsonObject().put("id", 1).put("chargingRateUnit", "W")
              .put("chargingSchedulePeriod", new JsonArray().add(
                  new JsonObject().put("startPeriod", 0).put("limit", 7000.0))))));
    } else {
      version = OcppVersion.V2_1;
      action = "UpdateDynamicSchedule";
      payload = new JsonObject().put("chargingProfileId", 1001).put("scheduleUpdate", new JsonObject()
          .put("setpoint", -7000.0).put("limit", 11000.0).put("dischargeLimit", -11000.0));
    }
    repeat = payload.copy();
    if (schemas.violation(version, action, true, payload) != null) {
      throw new IllegalStateException(frame + " is not valid: " + schemas.violation(version, action, true, payload));
    }
  }

  @Benchmark
  public String validate() {
    return schemas.violation(version, action, true, payload);
  }

  @Benchmark
  public boolean repeatCheck() {
    return repeat.equals(payload);
  }

  @Benchmark
  public String encodeFrame() {
    return new JsonArray().add(2).add("2bq4x").add(action).add(payload).encode();
  }
}
