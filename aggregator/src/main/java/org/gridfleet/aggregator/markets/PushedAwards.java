package org.gridfleet.aggregator.markets;

import org.gridfleet.market.Award;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.MarketAdapter;
import org.gridfleet.market.Obligation;
import org.gridfleet.market.Offer;
import org.gridfleet.market.Product;
import org.gridfleet.market.SampledSeries;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The adapter as the desk's {@link org.gridfleet.aggregator.bidding.ObligationBook} sees it: everything the market
 * publishes, plus the awards a market notified by push ({@code POST /api/v1/markets/awards}), so one code path turns
 * both into obligations. Pushed awards stay here until the book has taken them.
 *
 * <p>Not thread-safe: used on the desk's worker thread only.
 */
final class PushedAwards implements MarketAdapter {

    private final MarketAdapter market;
    private final Map<String, Award> pushed = new LinkedHashMap<>();
    /** Who pushed the award of an offer, for the transition record; kept after the book took the award. */
    private final Map<String, String> pushers = new LinkedHashMap<>();

    PushedAwards(MarketAdapter market) {
        this.market = Objects.requireNonNull(market, "market");
    }

    void push(Award award, String actor) {
        pushed.put(award.offerId(), award);
        pushers.put(award.offerId(), actor);
    }

    /** The book has applied the award for this offer; {@link #pusher} still answers until {@link #stored}. */
    void forget(String offerId) {
        pushed.remove(offerId);
    }

    /** Who pushed the award of this offer, or {@code otherwise} when it came from the market's own awards. */
    String pusher(String offerId, String otherwise) {
        return pushers.getOrDefault(offerId, otherwise);
    }

    /** The award's transition is stored: its pusher is no longer needed. */
    void stored(String offerId) {
        pushers.remove(offerId);
    }

    @Override
    public List<Product> products() {
        return market.products();
    }

    @Override
    public GateClosure nextGateClosure(Product product, Instant after) {
        return market.nextGateClosure(product, after);
    }

    @Override
    public Obligation submit(Offer offer) {
        return market.submit(offer);
    }

    @Override
    public List<Award> awards(DeliveryPeriod window) {
        List<Award> published = market.awards(window);
        if (pushed.isEmpty()) {
            return published;
        }
        List<Award> all = new ArrayList<>(published);
        for (Award a : pushed.values()) {
            if (a.period().overlaps(window)) {
                all.add(a);
            }
        }
        return all;
    }

    @Override
    public SampledSeries signals(Product product, DeliveryPeriod window) {
        return market.signals(product, window);
    }
}
