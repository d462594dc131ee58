package org.gridfleet.v2g.ocpp;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the gateway's shape check pays for a frame that repeats a proven payload but for its values: a charger's
 * next meter-value TransactionEvent (2.0.1), each changed value read and checked against its field's subschema.
 * In this package for {@link ProvenShapes}, which the gateway keeps package-private. {@code valueDirect} and
 * {@code valueDecoder} read one number token as the check does now and as it did before with Vert.x's decoder.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-XX:-DontCompileHugeMethods")
public class ChangedValueBenchmark {
  private static final String TOKEN_TEXT = "{\"limit\":7000.0}";

  private ProvenShapes shapes;
  private String next;

  @Setup
  public void prove() {
    shapes = new ProvenShapes(new OcppSchemas(), true);
    shapes.proveInFull(OcppVersion.V2_0_1, "TransactionEvent", meterValues("2026-11-29T19:00:00Z", 41, 7012.5),
        meterValues("2026-11-29T19:00:00Z", 41, 7012.5).encode());
    next = meterValues("2026-11-29T19:00:10Z", 42, 6990.25).encode();
    if (!shapes.repeats(OcppVersion.V2_0_1, "TransactionEvent", next)) {
      throw new IllegalStateException("the next meter values should repeat the proven shape");
    }
  }

  private static JsonObject meterValues(String timestamp, int seqNo, double powerW) {
    return new JsonObject().put("eventType", "Updated").put("timestamp", timestamp)
        .put("triggerReason", "MeterValuePeriodic").put("seqNo", seqNo)
        .put("transactionInfo", new JsonObject().put("transactionId", "tx-4711").put("chargingState", "Charging"))
        .put("meterValue", new JsonArray().add(new JsonObject().put("timestamp", timestamp)
            .put("sampledValue", new JsonArray()
                .add(new JsonObject().put("value", 61.5).put("measurand", "SoC"))
                .add(new JsonObject().put("value", powerW).put("measurand", "Power.Active.Import"))
                .add(new JsonObject().put("value", 12345.6).put("measurand", "Energy.Active.Import.Register")))));
  }

  @Benchmark
  public boolean repeatsMeterValues() {
    return shapes.repeats(OcppVersion.V2_0_1, "TransactionEvent", next);
  }

  @Benchmark
  public Object valueDirect() {
    return ProvenShapes.value(TOKEN_TEXT, 9, 15);
  }

  @Benchmark
  public Object valueDecoder() {
    return Json.decodeValue(TOKEN_TEXT.substring(9, 15));
  }
}
