package org.gridfleet.aggregator.dispatch;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link Dispatcher}.
 *
 * @param hysteresisKw smallest setpoint change handed to the sink, kW, &ge; 0 (smaller changes keep the previous,
 *     still safe setpoint)
 * @param holdFor how long a setpoint must stay safe if the charger keeps it (lost command), &gt; 0; reserve,
 *     departure floor and fullness are checked over this span
 * @param responseToleranceKw a vehicle follows when |metered − setpoint| &le; this, kW, &ge; 0
 * @param responseGrace time a charger gets to reach a new setpoint (latency + ramp) before it is judged, &ge; 0
 * @param strikesToExclude consecutive judged ticks off its setpoint after which a vehicle is a non-responder,
 *     &ge; 1; its metered power then counts as fixed load and its share goes to the others
 * @param readmitAfter a non-responder gets another chance after this long, &gt; 0
 * @param correctionGain share of the followers' settled shortfall added back to the target, 0..1
 * @param maxCorrectionFraction cap of that correction, as a fraction of the awarded kW, &ge; 0
 * @param undeliverableToleranceKw the tick is flagged undeliverable when the allocation misses the target by
 *     more than this, kW, &ge; 0
 * @param leadSeconds how far the regulation/frequency request is extrapolated to make up for charger latency, s,
 *     &ge; 0 (0 = none)
 */
public record DispatchConfig(double hysteresisKw, Duration holdFor, double responseToleranceKw,
                             Duration responseGrace, int strikesToExclude, Duration readmitAfter,
                             double correctionGain, double maxCorrectionFraction, double undeliverableToleranceKw,
                             double leadSeconds) {

    public DispatchConfig {
        requireRange("hysteresisKw", hysteresisKw, 0, Double.MAX_VALUE);
        requirePositive("holdFor", holdFor);
        requireRange("responseToleranceKw", responseToleranceKw, 0, Double.MAX_VALUE);
        Objects.requireNonNull(responseGrace, "responseGrace");
        if (responseGrace.isNegative()) {
            throw new IllegalArgumentException("responseGrace must not be negative, but was " + responseGrace);
        }
        if (strikesToExclude < 1) {
            throw new IllegalArgumentException("strikesToExclude must be >= 1, but was " + strikesToExclude);
        }
        requirePositive("readmitAfter", readmitAfter);
        requireRange("correctionGain", correctionGain, 0, 1);
        requireRange("maxCorrectionFraction", maxCorrectionFraction, 0, Double.MAX_VALUE);
        requireRange("undeliverableToleranceKw", undeliverableToleranceKw, 0, Double.MAX_VALUE);
        requireRange("leadSeconds", leadSeconds, 0, 60);
    }

    /**
     * 0.5 kW band, 60 s hold, 1 kW tolerance, 4 s grace, 3 strikes, 15 min readmission, full correction capped at
     * 20 % of the award, 1 kW undeliverable tolerance, no lead.
     */
    public static DispatchConfig ofDefaults() {
        return new DispatchConfig(0.5, Duration.ofSeconds(60), 1.0, Duration.ofSeconds(4), 3,
                Duration.ofMinutes(15), 1.0, 0.2, 1.0, 0);
    }

    /** The same settings with another grace period (e.g. the chargers' known command latency plus ramp). */
    public DispatchConfig withResponseGrace(Duration grace) {
        return new DispatchConfig(hysteresisKw, holdFor, responseToleranceKw, grace, strikesToExclude, readmitAfter,
                correctionGain, maxCorrectionFraction, undeliverableToleranceKw, leadSeconds);
    }

    /** The same settings with another signal lead, s. */
    public DispatchConfig withLeadSeconds(double lead) {
        return new DispatchConfig(hysteresisKw, holdFor, responseToleranceKw, responseGrace, strikesToExclude,
                readmitAfter, correctionGain, maxCorrectionFraction, undeliverableToleranceKw, lead);
    }

    /** The same settings with another hysteresis band, kW. */
    public DispatchConfig withHysteresisKw(double band) {
        return new DispatchConfig(band, holdFor, responseToleranceKw, responseGrace, strikesToExclude, readmitAfter,
                correctionGain, maxCorrectionFraction, undeliverableToleranceKw, leadSeconds);
    }

    private static void requireRange(String name, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], but was " + v);
        }
    }

    private static void requirePositive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, but was " + d);
        }
    }
}
