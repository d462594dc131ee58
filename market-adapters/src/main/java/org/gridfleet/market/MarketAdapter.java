package org.gridfleet.market;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One market behind one small interface: which products it trades, when offers close, offers in, awards and
 * live signals out. Implementations: replay from files ({@code org.gridfleet.market.replay}) and live feeds.
 *
 * <p>Signals are in the product's own unit: normalized regulation signal in [-1, +1] (+1 = regulation up = less
 * import) for {@link ProductKind#REGULATION}, grid frequency in Hz for {@link ProductKind#FREQUENCY_CONTAINMENT}.
 */
public interface MarketAdapter {

    /** The products this market trades. */
    List<Product> products();

    /**
     * The first gate closure strictly after {@code after}: offers for the delivery period it closes must be
     * submitted before it.
     */
    GateClosure nextGateClosure(Product product, Instant after);

    /**
     * Submits an offer at the adapter's clock time.
     *
     * @return the obligation in state OFFERED
     * @throws IllegalArgumentException if the product is not traded here, the period is not on the product's
     *     grid, the offer id is already used or the gate for its period has closed; nothing is recorded then
     */
    Obligation submit(Offer offer);

    /** The awards published by now for delivery periods overlapping {@code window}. */
    List<Award> awards(DeliveryPeriod window);

    /**
     * The product's signal samples inside {@code window} that have arrived by now (sample time at or before the
     * adapter's clock): the series ends at the last sample that has arrived.
     *
     * @throws IllegalArgumentException if the product is not traded here
     */
    SampledSeries signals(Product product, DeliveryPeriod window);

    /**
     * A gate closure and the delivery period it closes.
     *
     * @param closesAt last instant (exclusive) an offer is accepted
     * @param period the delivery period the offers are for
     */
    record GateClosure(Instant closesAt, DeliveryPeriod period) {

        /** @throws IllegalArgumentException if the gate closes after delivery starts */
        public GateClosure {
            Objects.requireNonNull(closesAt, "closesAt");
            Objects.requireNonNull(period, "period");
            if (closesAt.isAfter(period.start())) {
                throw new IllegalArgumentException("gate must close no later than delivery start " + period.start()
                        + ", but closes at " + closesAt);
            }
        }
    }
}
