package org.gridfleet.market.replay;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gridfleet.market.Award;
import org.gridfleet.market.ClearingPrice;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.MarketAdapter;
import org.gridfleet.market.MarketCalendar;
import org.gridfleet.market.Obligation;
import org.gridfleet.market.Offer;
import org.gridfleet.market.Product;
import org.gridfleet.market.SampledSeries;

/**
 * A market for one product replayed from recorded data in (simulated) time: recorded clearing prices decide the
 * awards, a recorded signal file is revealed sample by sample as the clock passes it.
 *
 * <p>Clearing: an offer whose prices are at or below the period's clearing prices is awarded in full at the
 * clearing prices (pay-as-cleared); otherwise it is awarded 0 kW (rejected). Awards are published once the gate
 * for their period has closed. Without a recorded price for a period no award is published.
 *
 * <p>Not thread-safe: owned by one simulator or one event loop.
 */
public final class ReplayMarket implements MarketAdapter {

    private final Product product;
    private final MarketCalendar calendar;
    private final Map<Instant, ClearingPrice> pricesByStart = new HashMap<>();
    private final SampledSeries signal;
    private final Clock clock;
    private final Map<String, Offer> offers = new LinkedHashMap<>();

    /**
     * @param product the product traded
     * @param calendar its time grid and gate closures
     * @param prices recorded clearing prices, at most one per period
     * @param signal the recorded signal (normalized regulation signal or Hz), already mapped to scenario time
     * @param clock the (simulated) clock
     * @throws IllegalArgumentException if two prices are for the same period
     */
    public ReplayMarket(Product product, MarketCalendar calendar, List<ClearingPrice> prices, SampledSeries signal,
                        Clock clock) {
        this.product = Objects.requireNonNull(product, "product");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.signal = Objects.requireNonNull(signal, "signal");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (ClearingPrice p : prices) {
            if (pricesByStart.put(p.period().start(), p) != null) {
                throw new IllegalArgumentException("two clearing prices for the period starting " + p.period().start());
            }
        }
    }

    @Override
    public List<Product> products() {
        return List.of(product);
    }

    @Override
    public GateClosure nextGateClosure(Product p, Instant after) {
        requireProduct(p);
        return calendar.nextGateClosure(after);
    }

    @Override
    public Obligation submit(Offer offer) {
        requireProduct(offer.product());
        Instant now = clock.instant();
        DeliveryPeriod onGrid = calendar.periodContaining(offer.period().start());
        if (!onGrid.equals(offer.period())) {
            throw new IllegalArgumentException("offer " + offer.offerId() + " period " + offer.period()
                    + " is not on the product grid; the period containing its start is " + onGrid);
        }
        Instant gate = calendar.gateClosureFor(offer.period());
        if (!now.isBefore(gate)) {
            throw new IllegalArgumentException("offer " + offer.offerId() + ": gate for " + offer.period()
                    + " closed at " + gate + ", now is " + now);
        }
        if (offers.containsKey(offer.offerId())) {
            throw new IllegalArgumentException("offer id " + offer.offerId() + " is already used");
        }
        offers.put(offer.offerId(), offer);
        return Obligation.offered(offer, now);
    }

    @Override
    public List<Award> awards(DeliveryPeriod window) {
        Instant now = clock.instant();
        List<Award> out = new ArrayList<>();
        for (Offer offer : offers.values()) {
            ClearingPrice price = pricesByStart.get(offer.period().start());
            if (price == null || !offer.period().overlaps(window)
                    || now.isBefore(calendar.gateClosureFor(offer.period()))) {
                continue;
            }
            double kw = price.clears(offer) ? offer.capabilityKw() : 0;
            out.add(new Award(offer.offerId(), offer.period(), kw, price.capabilityPricePerMwh(),
                    price.performancePricePerMw()));
        }
        return out;
    }

    @Override
    public SampledSeries signals(Product p, DeliveryPeriod window) {
        requireProduct(p);
        Instant now = clock.instant();
        int from = window.start().isBefore(signal.start()) ? 0 : signal.indexAt(window.start());
        if (from < 0) {
            return new SampledSeries(window.start(), signal.step(), new double[0]);
        }
        int to = from;
        while (to < signal.size() && signal.timeAt(to).isBefore(window.end()) && !signal.timeAt(to).isAfter(now)) {
            to++;
        }
        return signal.slice(from, to);
    }

    private void requireProduct(Product p) {
        if (!product.equals(p)) {
            throw new IllegalArgumentException("product " + p.id() + " is not traded here (only " + product.id()
                    + ")");
        }
    }
}
