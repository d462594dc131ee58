package org.gridfleet.degradation.rainflow;

/**
 * A counted cycle: its range (for a SoC history, the depth of discharge), its mean and whether it
 * is a full cycle (count 1) or a half cycle (count 0.5).
 *
 * @param range peak − valley, &gt;= 0 (SoC units for SoC histories)
 * @param mean (peak + valley) / 2
 * @param count 1.0 or 0.5
 */
public record Cycle(double range, double mean, double count) {
    public Cycle {
        if (!(range >= 0.0)) {
            throw new IllegalArgumentException("range must be >= 0, but was " + range);
        }
        if (count != 1.0 && count != 0.5) {
            throw new IllegalArgumentException("count must be 1.0 or 0.5, but was " + count);
        }
    }
}
