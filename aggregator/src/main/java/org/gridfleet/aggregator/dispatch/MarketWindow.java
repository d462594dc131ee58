package org.gridfleet.aggregator.dispatch;

import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.SampledSeries;

import java.util.Objects;

/**
 * An awarded grid-service window with its signal as it will arrive (a replayed file, or a live feed's buffer):
 * the simulator's and the live server's input to {@link GridServiceController}.
 *
 * @param id stable id (obligations inside it are {@code id@hourStart})
 * @param kind {@link ProductKind#REGULATION} (signal = r in [-1, 1]) or {@link ProductKind#FREQUENCY_CONTAINMENT}
 *     (signal = grid frequency, Hz)
 * @param period when the award holds
 * @param capacityKw awarded symmetric capability, kW, &gt; 0
 * @param signal the signal samples; only values at or before the current instant are read
 */
public record MarketWindow(String id, ProductKind kind, DeliveryPeriod period, double capacityKw,
                           SampledSeries signal) {

    public MarketWindow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(signal, "signal");
        if (kind == ProductKind.DEMAND_RESPONSE) {
            throw new IllegalArgumentException("kind: demand response windows are DemandResponseLimits");
        }
        if (!(capacityKw > 0 && Double.isFinite(capacityKw))) {
            throw new IllegalArgumentException("capacityKw must be > 0, but was " + capacityKw);
        }
    }

    /** The signal known at {@code t}: the sample in force then (NaN when missing). */
    public double signalAt(java.time.Instant t) {
        return signal.valueAt(t);
    }
}
