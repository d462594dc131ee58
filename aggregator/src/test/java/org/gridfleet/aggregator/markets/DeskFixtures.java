package org.gridfleet.aggregator.markets;

import org.gridfleet.aggregator.dispatch.GridServiceController;
import org.gridfleet.market.ClearingPrice;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.HourlyCalendar;
import org.gridfleet.market.MarketAdapter;
import org.gridfleet.market.Product;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.SampledSeries;
import org.gridfleet.market.bidding.OfferPricing;
import org.gridfleet.market.fcr.FcrDroop;
import org.gridfleet.market.replay.ReplayMarket;
import org.gridfleet.v2g.control.LimitTree;
import org.gridfleet.v2g.control.SiteState;
import org.gridfleet.v2g.control.VehicleState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One RegD hour on a replay market and a depot of 40 idle vans (±280 kW), shared by the desk tests. */
public final class DeskFixtures {

    static final Instant T0 = Instant.parse("2026-01-15T22:00:00Z");
    static final DeliveryPeriod HOUR = DeliveryPeriod.of(T0, Duration.ofHours(1));
    /** The default hourly calendar closes the gate for HOUR one hour ahead. */
    static final Instant GATE = T0.minus(Duration.ofHours(1));
    static final Product REGD = new Product("pjm-regd", ProductKind.REGULATION, Duration.ofHours(1),
            Duration.ofSeconds(2), 100, 1_000_000, true);
    static final String OFFER_ID = "pjm-regd@" + T0;
    /** 0.005 + 0.02 × 0.5 + 0.002 = 0.017 per kW·h = 17 per MW·h, below the recorded 20.96. */
    static final OfferPricing PRICING = new OfferPricing(0.005, 0.02, 0.5, 0.002);
    static final ClearingPrice CLEARS = new ClearingPrice(HOUR, 20.96, 1.26);
    static final ClearingPrice TOO_CHEAP = new ClearingPrice(HOUR, 10, 1.26);

    private DeskFixtures() {
    }

    /** Default settings, but a one-hour tick: the tests tick the desk themselves. */
    static MarketDeskConfig config() {
        return withTick(Duration.ofHours(1));
    }

    static MarketDeskConfig withTick(Duration tick) {
        MarketDeskConfig d = MarketDeskConfig.ofDefaults(List.of(new ProductTerms(REGD,
                GridServiceController.REGULATION_HOUR, PRICING, 0.5, FcrDroop.ofDefaults())));
        return new MarketDeskConfig(d.products(), tick, d.bidLead(), d.envelopeInterval(), d.departureRisk(),
                d.scoring(), d.signalFutureTolerance());
    }

    /** A replay market for REGD; without prices the push-only market, which never publishes an award. */
    static MarketAdapter market(Clock clock, ClearingPrice... prices) {
        if (prices.length == 0) {
            return PushOnlyMarket.of(REGD, HourlyCalendar.ofDefaults(), clock);
        }
        return new ReplayMarket(REGD, HourlyCalendar.ofDefaults(), List.of(prices),
                SampledSeries.of(T0, Duration.ofSeconds(2), 0.1, 0.2), clock);
    }

    /** The markets API over a push-only RegD market and the depot, for tests that sweep every endpoint. */
    public static MarketsModule pushOnlyModule(Clock clock) {
        return new MarketsModule(market(clock), config(), period -> depot(),
                o -> new DeliveryScores.DeliveryScore(0.9, 2), new RecordingInbox());
    }

    static FlexibilityPlan depot() {
        List<VehicleState> vans = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            vans.add(new VehicleState("v" + i, "depot", 60, 0.5, 0.2, 0.8, T0.plus(Duration.ofHours(10)), 7, 7, 0.93,
                    0.05, false));
        }
        return new FlexibilityPlan(vans, LimitTree.of(Map.of("depot", new SiteState("depot", 2000, 0, 0, 0))),
                Map.of());
    }
}
