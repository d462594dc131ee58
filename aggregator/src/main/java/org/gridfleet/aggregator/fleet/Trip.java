package org.gridfleet.aggregator.fleet;

import java.util.Objects;

/** A one-off departure at {@code departure} (UTC) needing at least {@code targetSoc} (0..1). */
public record Trip(java.time.Instant departure, double targetSoc) {
    public Trip {
        Objects.requireNonNull(departure, "departure");
        if (!(targetSoc >= 0 && targetSoc <= 1)) {
            throw new IllegalArgumentException("targetSoc must be in 0..1: " + targetSoc);
        }
    }
}
