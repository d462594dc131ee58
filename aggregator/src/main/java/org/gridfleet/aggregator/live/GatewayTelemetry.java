package org.gridfleet.aggregator.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gridfleet.aggregator.storage.TelemetryRow;
import org.gridfleet.aggregator.storage.TelemetryWriter;
import org.gridfleet.v2g.charger.DispatchResult;
import org.gridfleet.v2g.charger.EvseRef;
import org.gridfleet.v2g.charger.MeterSample;
import org.gridfleet.v2g.charger.TelemetrySink;

/**
 * The gateway's {@link TelemetrySink}: meter values, SoC readings, setpoints and acknowledgements become
 * {@link TelemetryRow}s offered to the {@link TelemetryWriter} (which never blocks; it drops and counts when
 * full). An acknowledgement carries the time since its setpoint went out on the same EVSE.
 */
public final class GatewayTelemetry implements TelemetrySink {

    private final TelemetryWriter writer;
    private final OcppMetrics metrics;
    /** One CALL is in flight per connection, so one send time per EVSE is enough. */
    private final Map<EvseRef, Instant> sentAt = new ConcurrentHashMap<>();

    public GatewayTelemetry(TelemetryWriter writer, OcppMetrics metrics) {
        this.writer = writer;
        this.metrics = metrics;
    }

    @Override
    public void meter(MeterSample s) {
        String charger = s.evse().chargerId();
        int evse = s.evse().evseId();
        if (s.powerKw() != null || s.energyImportKwh() != null) {
            writer.offer(new TelemetryRow.MeterValue(s.at(), charger, evse, s.powerKw(), s.energyImportKwh()));
        }
        if (s.socReported() != null) {
            writer.offer(new TelemetryRow.SocReading(s.at(), charger, evse, s.socReported()));
        }
    }

    @Override
    public void setpointSent(EvseRef evse, double powerKw, Instant at) {
        sentAt.put(evse, at);
        metrics.setpointSent();
        writer.offer(new TelemetryRow.Setpoint(at, evse.chargerId(), evse.evseId(), powerKw));
    }

    @Override
    public void ackReceived(EvseRef evse, DispatchResult result, Instant at) {
        Instant sent = sentAt.remove(evse);
        Long latencyMs = sent == null ? null : Duration.between(sent, at).toMillis();
        metrics.setpointAnswered(result.status());
        writer.offer(new TelemetryRow.SetpointAck(at, evse.chargerId(), evse.evseId(),
                result.status() == DispatchResult.Status.ACCEPTED, latencyMs));
    }
}
