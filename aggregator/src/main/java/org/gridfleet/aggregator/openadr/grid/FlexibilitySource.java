package org.gridfleet.aggregator.openadr.grid;

import io.vertx.core.Future;
import java.time.Instant;

/**
 * Where OpenADR reports get their numbers: metered usage and the flexibility envelope of a target. The
 * aggregator connects it to the control core; it must not block (answer from state or off the event loop).
 */
@FunctionalInterface
public interface FlexibilitySource {

    /**
     * Until the live control loop supplies numbers: every reading fails, so no report with invented values is
     * ever published ({@code publishReport} fails naming the reason).
     */
    FlexibilitySource UNAVAILABLE = (target, from, to) -> Future.failedFuture(new IllegalStateException(
            "no flexibility source is connected: Gridfleet reports nothing rather than invented numbers"));

    /** Usage and available flexibility of {@code target} over [{@code from}, {@code to}). */
    Future<FlexibilityReading> reading(GridTarget target, Instant from, Instant to);
}
