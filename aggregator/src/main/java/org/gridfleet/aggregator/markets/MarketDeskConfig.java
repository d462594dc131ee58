package org.gridfleet.aggregator.markets;

import org.gridfleet.market.regulation.ScoringConfig;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable settings of the {@link MarketDesk}.
 *
 * @param products the products to trade, at least one, unique ids
 * @param tick how often the desk looks at the clock (bids, awards, delivery start/end), &gt; 0
 * @param bidLead how long before a gate closure the offer is built and submitted, &gt; 0
 * @param envelopeInterval resolution of the flexibility envelope; must divide every product's period
 * @param departureRisk plug-in uncertainty behind the P90 forecast
 * @param scoring regulation settlement thresholds (credit below the minimum score is zero: FAILED)
 * @param signalFutureTolerance how far ahead of the desk's clock a live sample may be stamped (clock skew), &ge; 0
 */
public record MarketDeskConfig(List<ProductTerms> products, Duration tick, Duration bidLead, Duration envelopeInterval,
                               DepartureRisk departureRisk, ScoringConfig scoring, Duration signalFutureTolerance) {

    public MarketDeskConfig {
        products = List.copyOf(Objects.requireNonNull(products, "products"));
        Objects.requireNonNull(departureRisk, "departureRisk");
        Objects.requireNonNull(scoring, "scoring");
        requirePositive("tick", tick);
        requirePositive("bidLead", bidLead);
        requirePositive("envelopeInterval", envelopeInterval);
        if (Objects.requireNonNull(signalFutureTolerance, "signalFutureTolerance").isNegative()) {
            throw new IllegalArgumentException("signalFutureTolerance must be >= 0, but was " + signalFutureTolerance);
        }
        if (products.isEmpty()) {
            throw new IllegalArgumentException("products must name at least one product");
        }
        Set<String> ids = new HashSet<>();
        for (ProductTerms t : products) {
            if (!ids.add(t.product().id())) {
                throw new IllegalArgumentException("products: product " + t.product().id() + " is listed twice");
            }
            if (t.product().period().toMillis() % envelopeInterval.toMillis() != 0) {
                throw new IllegalArgumentException("envelopeInterval " + envelopeInterval + " must divide the period "
                        + t.product().period() + " of product " + t.product().id());
            }
        }
    }

    /** Tick 10 s, bid 15 min before the gate, 15-min envelope, default risk and scoring, 5 s signal skew. */
    public static MarketDeskConfig ofDefaults(List<ProductTerms> products) {
        return new MarketDeskConfig(products, Duration.ofSeconds(10), Duration.ofMinutes(15), Duration.ofMinutes(15),
                DepartureRisk.DEFAULT, ScoringConfig.ofDefaults(), Duration.ofSeconds(5));
    }

    private static void requirePositive(String name, Duration d) {
        if (Objects.requireNonNull(d, name).isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, but was " + d);
        }
    }
}
