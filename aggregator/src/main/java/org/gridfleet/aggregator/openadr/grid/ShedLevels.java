package org.gridfleet.aggregator.openadr.grid;

import java.util.List;

/**
 * The share of baseline import Gridfleet sheds for each OpenADR SIMPLE level 0..3 (normal, moderate, high,
 * emergency). Four entries, non-decreasing, each in 0..1.
 */
public record ShedLevels(List<Double> shedFractionByLevel) {

    public ShedLevels {
        shedFractionByLevel = List.copyOf(shedFractionByLevel);
        if (shedFractionByLevel.size() != 4) {
            throw new IllegalArgumentException("shedFractionByLevel needs 4 entries (levels 0..3), but had "
                    + shedFractionByLevel.size());
        }
        for (int i = 0; i < 4; i++) {
            double f = shedFractionByLevel.get(i);
            if (!(f >= 0 && f <= 1) || (i > 0 && f < shedFractionByLevel.get(i - 1))) {
                throw new IllegalArgumentException("shed fractions must be non-decreasing in 0..1, but were "
                        + shedFractionByLevel);
            }
        }
    }

    /** 0 %, 25 %, 50 %, 100 % of baseline import. */
    public static ShedLevels ofDefaults() {
        return new ShedLevels(List.of(0.0, 0.25, 0.5, 1.0));
    }

    public double shedFraction(int level) {
        return shedFractionByLevel.get(level);
    }
}
