package org.gridfleet.aggregator.live;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Each site's import as the control loop accounts for it (steered vehicles' metered power, unsteered sessions'
 * metered power, offline chargers at their fallback), kept per minute for {@link #KEPT}. Energy in kWh, power in
 * kW, positive = import. Thread-safe: the tick writes, the OpenADR reports read.
 */
public final class MeteredHistory {

    /** Long enough for a report on yesterday's events. */
    static final Duration KEPT = Duration.ofDays(2);

    /**
     * What a set of sites drew over a window.
     *
     * @param energyKwh    net energy imported over the covered part of the window
     * @param coveredHours how much of the window ticks covered, h (&gt; 0)
     */
    public record Usage(double energyKwh, double coveredHours) {
        /** Average import power over the covered time, kW. */
        public double averageKw() {
            return energyKwh / coveredHours;
        }
    }

    /** Minute (epoch minutes) → site id → {kWh, hours covered}. */
    private final TreeMap<Long, Map<String, double[]>> byMinute = new TreeMap<>();

    /** Adds one tick of {@code step} starting at {@code at} with each site's import. */
    synchronized void record(Instant at, Duration step, Map<String, Double> siteKw) {
        long minute = at.getEpochSecond() / 60;
        double hours = step.toMillis() / 3_600_000.0;
        Map<String, double[]> bucket = byMinute.computeIfAbsent(minute, m -> new HashMap<>());
        siteKw.forEach((site, kw) -> {
            double[] acc = bucket.computeIfAbsent(site, s -> new double[2]);
            acc[0] += kw * hours;
            acc[1] += hours;
        });
        byMinute.headMap(minute - KEPT.toMinutes()).clear();
    }

    /**
     * Usage of the sites {@code site} accepts over the minutes that start in [{@code from}, {@code to}); empty when
     * no tick recorded any of them then. Covered hours are those of the site covered longest, so a portfolio's
     * average power is the sum of its sites'.
     */
    public synchronized Optional<Usage> usage(Predicate<String> site, Instant from, Instant to) {
        long first = Math.floorDiv(from.getEpochSecond() + 59, 60);
        long end = Math.floorDiv(to.getEpochSecond() + 59, 60);
        if (end <= first) {
            return Optional.empty();
        }
        double energy = 0;
        Map<String, Double> covered = new HashMap<>();
        for (Map<String, double[]> bucket : byMinute.subMap(first, end).values()) {
            for (Map.Entry<String, double[]> e : bucket.entrySet()) {
                if (site.test(e.getKey())) {
                    energy += e.getValue()[0];
                    covered.merge(e.getKey(), e.getValue()[1], Double::sum);
                }
            }
        }
        double hours = covered.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return hours > 0 ? Optional.of(new Usage(energy, hours)) : Optional.empty();
    }
}
