package org.gridfleet.aggregator.dispatch;

import java.time.Duration;
import java.util.Objects;

/**
 * How the dispatcher keeps state-of-charge headroom while it follows a signal that is not energy neutral (RegD:
 * hourly mean up to ±0.56, MARKET-RULES.md §1.1).
 *
 * @param vehicleGain per vehicle: how strongly its resting power leans towards the middle of its energy band
 *     (floor .. full), as a fraction of its power span, 0..1; the site target keeps the total, so this only moves
 *     energy between vehicles
 * @param excursionKwhPerKw energy the product may swing each way within {@code horizon}, kWh per awarded kW
 *     (market-adapters {@code EnergyExcursion}; RegD: 0.30–0.50 over 30 min), &ge; 0
 * @param maxBiasFraction largest fleet bias away from the request when one direction runs short, fraction of the
 *     awarded kW, 0..1 (it costs precision score, so keep it small)
 * @param horizon the span the headroom must last, &gt; 0
 * @param every how often the headroom is re-evaluated (it moves slowly; the tick reuses the last result), &gt; 0
 */
public record SocBalancing(double vehicleGain, double excursionKwhPerKw, double maxBiasFraction, Duration horizon,
                           Duration every) {

    public SocBalancing {
        if (!(vehicleGain >= 0 && vehicleGain <= 1)) {
            throw new IllegalArgumentException("vehicleGain must be in [0, 1], but was " + vehicleGain);
        }
        if (!(excursionKwhPerKw >= 0 && Double.isFinite(excursionKwhPerKw))) {
            throw new IllegalArgumentException("excursionKwhPerKw must be >= 0, but was " + excursionKwhPerKw);
        }
        if (!(maxBiasFraction >= 0 && maxBiasFraction <= 1)) {
            throw new IllegalArgumentException("maxBiasFraction must be in [0, 1], but was " + maxBiasFraction);
        }
        Objects.requireNonNull(horizon, "horizon");
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("horizon must be positive, but was " + horizon);
        }
        Objects.requireNonNull(every, "every");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("every must be positive, but was " + every);
        }
    }

    /** Gain 0.3, RegD's 0.40 kWh/kW over 30 min, bias up to 5 % of the award, re-evaluated every 5 min. */
    public static SocBalancing ofDefaults() {
        return new SocBalancing(0.3, 0.40, 0.05, Duration.ofMinutes(30), Duration.ofMinutes(5));
    }

    /** No balancing: the plan and the request only. */
    public static SocBalancing off() {
        return new SocBalancing(0, 0, 0, Duration.ofMinutes(30), Duration.ofSeconds(30));
    }
}
