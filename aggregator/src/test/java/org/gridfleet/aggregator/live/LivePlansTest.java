package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridfleet.aggregator.live.LiveFixtures.NOW;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridfleet.aggregator.bidding.FlexibilityForecast;
import org.gridfleet.aggregator.bidding.OfferBuilder;
import org.gridfleet.aggregator.config.ControlConfig;
import org.gridfleet.aggregator.dispatch.GridServiceController;
import org.gridfleet.aggregator.markets.DepartureRisk;
import org.gridfleet.aggregator.markets.FlexibilityPlan;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.Offer;
import org.gridfleet.market.Product;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.bidding.OfferPricing;
import org.gridfleet.v2g.control.ControlInput;
import org.gridfleet.v2g.control.LimitNode;
import org.gridfleet.v2g.control.SiteState;
import org.gridfleet.v2g.control.VehicleState;
import org.junit.jupiter.api.Test;

class LivePlansTest {

    private static final Duration TICK = Duration.ofSeconds(5);
    private static final DeliveryPeriod HOUR = DeliveryPeriod.of(NOW.plus(Duration.ofHours(2)), Duration.ofHours(1));
    private static final Product REGD = new Product("pjm-regd", ProductKind.REGULATION, Duration.ofHours(1),
            Duration.ofSeconds(2), 1, 1_000_000, true);
    private static final int VANS = 10;
    private static final double CHARGER_KW = 11;
    /** A 30 kW feeder limit inside a 500 kW site: the ten vans hang under it. */
    private static final double FEEDER_KW = 30;

    /** The desk's bid over the plan: P90 forecast of the block, offered through the offer builder. */
    private static double offeredKw(FlexibilityPlan plan) {
        FlexibilityForecast.BlockForecast forecast = FlexibilityForecast.forecast(HOUR, Duration.ofMinutes(15),
                DepartureRisk.DEFAULT.sample(plan.vehicles(), NOW), plan.tree(), plan.plannedKw(),
                GridServiceController.REGULATION_HOUR);
        Optional<Offer> offer = OfferBuilder.offer("o", REGD, forecast, new OfferPricing(0.005, 0.02, 0.5, 0.002),
                0.5);
        return offer.map(Offer::capabilityKw).orElse(0.0);
    }

    private static FleetTicks tickedDepot(List<LimitNode> nodes) {
        List<VehicleState> vans = new ArrayList<>();
        Map<String, Double> planned = new HashMap<>();
        Map<String, String> vehicleNode = new HashMap<>();
        for (int i = 0; i < VANS; i++) {
            String id = "van-" + i;
            // charge-only vans with room to spare: each can take 0..11 kW for the whole hour
            vans.add(new VehicleState(id, "depot", 60, 0.4, 0.2, 0.9, NOW.plus(Duration.ofHours(12)), CHARGER_KW, 0,
                    0.95, 0.05, false));
            planned.put(id, 2.0);
            if (!nodes.isEmpty()) {
                vehicleNode.put(id, nodes.get(0).nodeId());
            }
        }
        ControlInput input = new ControlInput(NOW, TICK, vans, Map.of("depot", new SiteState("depot", 500, 5, 0, 0)),
                GridLink.of(ControlConfig.DEFAULT).openAdr().current().tariff(), Map.of());
        FleetTicks ticks = new FleetTicks();
        ticks.publish(new FleetTicks.Tick(input, planned, planned, Map.of(), nodes, vehicleNode));
        return ticks;
    }

    @Test
    void offerShouldStayWithinWhatTheFeederCanTakeWhenANestedLimitIsTighterThanTheSite() {
        // GIVEN ten charge-only vans (110 kW together) at a 500 kW site, all behind a 30 kW feeder
        FleetTicks withFeeder = tickedDepot(List.of(new LimitNode("depot/feeder", "depot", FEEDER_KW, 0)));
        FleetTicks siteOnly = tickedDepot(List.of());

        // WHEN the desk bids the hour from the live plan
        double offeredKw = offeredKw(new LivePlans(withFeeder).plan(HOUR));
        double withoutFeederKw = offeredKw(new LivePlans(siteOnly).plan(HOUR));

        // THEN the symmetric offer fits the feeder's 0..30 kW swing (at most half of it each way), while the same
        // vans without the feeder could offer more: the nested limit is what holds the offer
        assertThat(offeredKw).isPositive().isLessThanOrEqualTo(FEEDER_KW / 2 + 1e-9);
        assertThat(withoutFeederKw).isGreaterThan(FEEDER_KW / 2 + 1);
    }

    @Test
    void planShouldBeEmptyWhenTheLoopHasNotTicked() {
        // WHEN the desk asks before the first tick
        FlexibilityPlan plan = new LivePlans(new FleetTicks()).plan(HOUR);
        // THEN nothing is offered from it
        assertThat(plan.vehicles()).isEmpty();
    }
}
