package org.gridfleet.aggregator.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;
import org.gridfleet.aggregator.metrics.MetricNames;
import org.gridfleet.v2g.charger.DispatchResult;

/** What the live gateway reports: chargers online and the fate of every setpoint sent. */
public interface OcppMetrics {

    OcppMetrics NOOP = new OcppMetrics() {
        @Override
        public void setpointSent() {
        }

        @Override
        public void setpointAnswered(DispatchResult.Status status) {
        }
    };

    /** A setpoint or limit went on the wire. */
    void setpointSent();

    /** A charger answered (or failed to answer) one; {@code ACCEPTED} counts as acked, the rest as failed. */
    void setpointAnswered(DispatchResult.Status status);

    /** Micrometer-backed; the online gauge reads {@code online} at scrape time. */
    static OcppMetrics micrometer(MeterRegistry registry, IntSupplier online) {
        Gauge.builder(MetricNames.OCPP_CHARGERS_ONLINE, online::getAsInt).register(registry);
        Counter sent = Counter.builder(MetricNames.OCPP_SETPOINTS_SENT).register(registry);
        Counter acked = Counter.builder(MetricNames.OCPP_SETPOINTS_ACKED).register(registry);
        // One counter per status, made once, so an answer never looks a meter up by name.
        Map<DispatchResult.Status, Counter> failed = new EnumMap<>(DispatchResult.Status.class);
        for (DispatchResult.Status s : DispatchResult.Status.values()) {
            failed.put(s, Counter.builder(MetricNames.OCPP_SETPOINTS_FAILED)
                    .tag("status", s.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        return new OcppMetrics() {
            @Override
            public void setpointSent() {
                sent.increment();
            }

            @Override
            public void setpointAnswered(DispatchResult.Status status) {
                (status == DispatchResult.Status.ACCEPTED ? acked : failed.get(status)).increment();
            }
        };
    }
}
