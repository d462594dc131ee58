package org.gridfleet.degradation.rainflow;

import java.util.function.Consumer;

/**
 * Cycle-depth accounting of a SoC history for reports: rainflow cycles binned by depth of
 * discharge into bins of equal width over 0..1, with the equivalent full cycles they carry.
 * Feed it as the sink of a {@link RainflowCounter} (and its residue). Not thread-safe.
 */
public final class CycleDepthHistogram implements Consumer<Cycle> {
    private final double[] counts;
    private double equivalentFullCycles;

    /** @param bins number of depth bins over 0..1, e.g. 10 for 10 %-wide bins */
    public CycleDepthHistogram(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, but was " + bins);
        }
        this.counts = new double[bins];
    }

    /** @throws IllegalArgumentException if the cycle's depth exceeds 1 (not a SoC cycle) */
    @Override
    public void accept(Cycle cycle) {
        if (cycle.range() > 1.0) {
            throw new IllegalArgumentException("a SoC cycle's depth must be <= 1, but was " + cycle.range());
        }
        int bin = Math.min(counts.length - 1, (int) (cycle.range() * counts.length));
        counts[bin] += cycle.count();
        // a full cycle of depth d moves 2·d of SoC, i.e. d equivalent full cycles
        equivalentFullCycles += cycle.count() * cycle.range();
    }

    public int bins() {
        return counts.length;
    }

    /** Cycles (full = 1, half = 0.5) whose depth falls in bin {@code i}, i.e. [i/bins, (i+1)/bins). */
    public double count(int bin) {
        return counts[bin];
    }

    /** Equivalent full cycles of all counted cycles (of the SoC scale, i.e. Σ|ΔSoC| / 2). */
    public double equivalentFullCycles() {
        return equivalentFullCycles;
    }
}
