package org.gridfleet.market.live;

import java.time.Instant;

/**
 * Receives accepted live signal samples. Called on the feed's event loop: implementations must not block.
 */
@FunctionalInterface
public interface SignalSink {

    /**
     * @param productId the product the sample belongs to
     * @param at the sample's time
     * @param value the sample in the product's unit (normalized regulation signal, +1 = up; or Hz)
     */
    void accept(String productId, Instant at, double value);
}
