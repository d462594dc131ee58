package org.gridfleet.loadtest.wire.harness;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.gridfleet.v2g.charger.DispatchResult;
import org.gridfleet.v2g.charger.EvseRef;
import org.gridfleet.v2g.charger.MeterSample;
import org.gridfleet.v2g.charger.TelemetrySink;

/** Counts what the gateway hands to telemetry and keeps each EVSE's latest meter sample; never blocks. */
public final class RecordingTelemetry implements TelemetrySink {
  private final LongAdder meterSamples = new LongAdder();
  private final LongAdder setpointsSent = new LongAdder();
  private final Map<DispatchResult.Status, LongAdder> acks = new ConcurrentHashMap<>();
  private final Map<EvseRef, MeterSample> latest = new ConcurrentHashMap<>();

  @Override
  public void meter(MeterSample sample) {
    meterSamples.increment();
    latest.put(sample.evse(), sample);
  }

  @Override
  public void setpointSent(EvseRef evse, double powerKw, Instant at) {
    setpointsSent.increment();
  }

  @Override
  public void ackReceived(EvseRef evse, DispatchResult result, Instant at) {
    acks.computeIfAbsent(result.status(), s -> new LongAdder()).increment();
  }

  public long meterSamples() {
    return meterSamples.sum();
  }

  public long setpointsSent() {
    return setpointsSent.sum();
  }

  /** Answers to setpoints by outcome. */
  public long acks(DispatchResult.Status status) {
    LongAdder n = acks.get(status);
    return n == null ? 0 : n.sum();
  }

  /** The latest meter sample of every EVSE that reported. */
  public Map<EvseRef, MeterSample> latestSamples() {
    return Map.copyOf(latest);
  }
}
