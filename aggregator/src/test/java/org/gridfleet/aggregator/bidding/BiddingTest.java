package org.gridfleet.aggregator.bidding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.gridfleet.aggregator.dispatch.SettableClock;
import org.gridfleet.degradation.BatteryHealth;
import org.gridfleet.degradation.BatteryPack;
import org.gridfleet.degradation.Chemistry;
import org.gridfleet.degradation.DegradationPricer;
import org.gridfleet.degradation.OperatingPoint;
import org.gridfleet.degradation.PackEconomics;
import org.gridfleet.market.Baseline;
import org.gridfleet.market.ClearingPrice;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.HourlyCalendar;
import org.gridfleet.market.IllegalObligationTransitionException;
import org.gridfleet.market.Obligation;
import org.gridfleet.market.ObligationState;
import org.gridfleet.market.Offer;
import org.gridfleet.market.Product;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.SampledSeries;
import org.gridfleet.market.bidding.EnergyExcursion;
import org.gridfleet.market.bidding.OfferPricing;
import org.gridfleet.market.regulation.RegulationSettlement;
import org.gridfleet.market.regulation.ScoringConfig;
import org.gridfleet.market.replay.ReplayMarket;
import org.gridfleet.v2g.control.LimitTree;
import org.gridfleet.v2g.control.SiteState;
import org.gridfleet.v2g.control.VehicleState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Forecast → offer → obligation lifecycle → declared baseline, on a replay market. */
class BiddingTest {

    private static final Instant T0 = Instant.parse("2026-01-15T22:00:00Z");
    private static final DeliveryPeriod HOUR = DeliveryPeriod.of(T0, Duration.ofHours(1));
    private static final Product REGD = new Product("pjm-regd", ProductKind.REGULATION, Duration.ofHours(1),
            Duration.ofSeconds(2), 100, 1_000_000, true);
    private static final EnergyExcursion REGD_HOUR = new EnergyExcursion(0.4, 0.4, 0);
    private static final Map<String, SiteState> DEPOT = Map.of("depot", new SiteState("depot", 2000, 0, 0, 0));

    private static List<VehicleState> vans(int n, double soc) {
        List<VehicleState> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new VehicleState("v" + i, "depot", 60, soc, 0.2, 0.8, T0.plus(Duration.ofHours(10)), 7, 7, 0.93,
                    0.05, false));
        }
        return out;
    }

    @Test
    void declareShouldKeepTheScheduleBaselineWhenTheAwardFitsAroundIt() {
        // GIVEN 40 idle vans (±280 kW) and a 100 kW RegD award
        // WHEN the baseline is declared
        BaselinePlanner.Declaration d = BaselinePlanner.declare(HOUR, Duration.ofMinutes(15), vans(40, 0.5),
                LimitTree.of(DEPOT), Map.of(), 100, REGD_HOUR);
        // THEN it stays at the schedule's 0 kW and the whole award fits
        assertThat(d.baseline().kwAt(T0)).isCloseTo(0, within(1e-6));
        assertThat(d.feasibleKw()).isEqualTo(100);
    }

    @Test
    void declareShouldShrinkTheAwardToWhatFitsWhenThePowerRangeIsTooNarrow() {
        // GIVEN 10 vans (±70 kW) and a 100 kW award
        BaselinePlanner.Declaration d = BaselinePlanner.declare(HOUR, Duration.ofMinutes(15), vans(10, 0.5),
                LimitTree.of(DEPOT), Map.of(), 100, REGD_HOUR);
        // THEN about 70 kW fits, around a baseline near 0
        assertThat(d.feasibleKw()).isCloseTo(70, within(0.01));
        assertThat(d.baseline().kwAt(T0)).isCloseTo(0, within(0.01));
    }

    @Test
    void declareShouldLowerTheBaselineWhenTheSignalIsExpectedToNetImport() {
        // GIVEN an excursion that nets 0.3 kWh of import per kW over the hour
        EnergyExcursion netImport = new EnergyExcursion(0.4, 0.1, 0.3);
        BaselinePlanner.Declaration d = BaselinePlanner.declare(HOUR, Duration.ofMinutes(15), vans(40, 0.5),
                LimitTree.of(DEPOT), Map.of(), 100, netImport);
        // THEN the baseline gives back the 30 kWh the signal will take: -30 kW over the hour
        assertThat(d.baseline().kwAt(T0)).isCloseTo(-30, within(1e-6));
    }

    @Test
    void declareShouldCentreTheBaselineWhenTheFleetIsNearlyFull() {
        // GIVEN vans at 99.5 % (40 × 0.3 kWh / 0.93 = 12.9 kWh of room to charge) and a 50 kW award (20 kWh swing)
        BaselinePlanner.Declaration d = BaselinePlanner.declare(HOUR, Duration.ofMinutes(15), vans(40, 0.995),
                LimitTree.of(DEPOT), Map.of(), 50, REGD_HOUR);
        // THEN the baseline leans to export so the up energy (more import) still covers the excursion
        assertThat(d.baseline().kwAt(T0)).isCloseTo(12.0 / 0.93 - 20, within(1e-6));
        assertThat(d.feasibleKw()).isEqualTo(50);
    }

    @Test
    void forecastShouldOfferLessThanTheMeanWhenSomeVehiclesMayNotBeThere() {
        // GIVEN 40 vans, each absent in 30 % of 200 scenarios
        List<VehicleState> declared = vans(40, 0.5);
        List<List<VehicleState>> scenarios = DepartureScenarios.sample(declared, 200, 0.2, Duration.ofHours(1), 0.3,
                T0, 7);
        // WHEN the block is forecast
        FlexibilityForecast.BlockForecast f = FlexibilityForecast.forecast(HOUR, Duration.ofMinutes(15), scenarios,
                LimitTree.of(DEPOT), Map.of(), REGD_HOUR);
        // THEN the P90 figure is below the mean, and both below the full fleet's 280 kW
        assertThat(f.reliableKw()).isLessThan(f.meanKw());
        assertThat(f.meanKw()).isLessThan(280);
        assertThat(f.reliableKw()).isGreaterThan(100);
    }

    @Test
    void forecastShouldEqualTheFullFleetWhenEveryoneStays() {
        List<List<VehicleState>> scenarios = DepartureScenarios.sample(vans(10, 0.5), 20, 0, Duration.ZERO, 0, T0, 1);
        FlexibilityForecast.BlockForecast f = FlexibilityForecast.forecast(HOUR, Duration.ofMinutes(15), scenarios,
                LimitTree.of(DEPOT), Map.of(), REGD_HOUR);
        assertThat(f.reliableKw()).isCloseTo(70, within(0.01));
        assertThat(f.meanKw()).isCloseTo(f.reliableKw(), within(1e-9));
    }

    @Test
    void offerShouldPriceOpportunityPlusDegradationPlusMarginWhenP90Suffices() {
        // GIVEN a degradation price from the LFP model and a 250 kW P90 forecast
        double wearPerKwh = new DegradationPricer(new PackEconomics(130.0, 0.8)).pricePerKwh(
                BatteryHealth.fresh(new BatteryPack(Chemistry.LFP_250AH, 60.0)), OperatingPoint.typicalV2g(25.0));
        OfferPricing pricing = new OfferPricing(0.004, wearPerKwh, 0.5, 0.002);
        var forecast = new FlexibilityForecast.BlockForecast(HOUR, 250.7, 270, 100);
        // WHEN the offer is built
        Optional<Offer> offer = OfferBuilder.offer("o1", REGD, forecast, pricing, 0.5);
        // THEN whole kW of the P90 figure are offered at (0.004 + 0.5 × wear + 0.002) × 1000 per MW·h
        assertThat(offer).isPresent();
        assertThat(offer.get().capabilityKw()).isEqualTo(250);
        assertThat(offer.get().capabilityPricePerMwh())
                .isCloseTo((0.004 + 0.5 * wearPerKwh + 0.002) * 1000, within(1e-9));
        assertThat(wearPerKwh).isPositive();
    }

    @Test
    void offerShouldBeEmptyWhenP90IsBelowTheProductMinimum() {
        var forecast = new FlexibilityForecast.BlockForecast(HOUR, 99.9, 150, 100);
        assertThat(OfferBuilder.offer("o1", REGD, forecast, new OfferPricing(0, 0, 0, 0), 0)).isEmpty();
    }

    @Test
    void bookShouldWalkOfferedAwardedDeliveringSettledWhenTheReplayMarketClears() {
        // GIVEN a replay market clearing the hour at 20.96 / 1.26 and a book on a movable clock
        SettableClock clock = new SettableClock(T0.minus(Duration.ofHours(3)));
        ReplayMarket market = new ReplayMarket(REGD, HourlyCalendar.ofDefaults(),
                List.of(new ClearingPrice(HOUR, 20.96, 1.26)),
                SampledSeries.of(T0, Duration.ofSeconds(2), 0.1, 0.2), clock);
        ObligationBook book = new ObligationBook(market, clock);
        // WHEN an offer goes in before the gate
        Obligation offered = book.submit(new Offer("o1", REGD, HOUR, 200, 15, 1));
        assertThat(offered.state()).isEqualTo(ObligationState.OFFERED);
        assertThat(book.advance(o -> Baseline.flat(o.period(), 5))).isEmpty();
        // AND the gate closes: awarded with a declared baseline
        clock.set(T0.minus(Duration.ofMinutes(30)));
        assertThat(book.advance(o -> Baseline.flat(o.period(), 5))).isEmpty();
        Obligation awarded = book.get("o1").orElseThrow();
        assertThat(awarded.state()).isEqualTo(ObligationState.AWARDED);
        assertThat(awarded.awardedKw()).isEqualTo(200);
        assertThat(awarded.baseline().kwAt(T0)).isEqualTo(5);
        // AND delivery begins
        clock.set(T0.plusSeconds(1));
        List<Obligation> started = book.advance(o -> Baseline.flat(o.period(), 5));
        assertThat(started).extracting(Obligation::state).containsExactly(ObligationState.DELIVERING);
        // THEN settling before the end is refused, after it the credits follow the score (§1.4)
        assertThatThrownBy(() -> book.settle("o1", o -> o)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before its period ends");
        clock.set(HOUR.end());
        RegulationSettlement settlement = new RegulationSettlement(ScoringConfig.ofDefaults());
        Obligation settled = book.settle("o1", o -> settlement.settle(o, 0.95, 5, clock.instant()));
        assertThat(settled.state()).isEqualTo(ObligationState.SETTLED);
        assertThat(settled.settlement().capabilityCredit()).isCloseTo(0.2 * 0.95 * 20.96, within(1e-9));
        // AND a settled obligation cannot fail any more
        assertThatThrownBy(() -> book.fail("o1", "late")).isInstanceOf(IllegalObligationTransitionException.class);
    }

    @Test
    void sampleShouldRejectAProbabilityOutsideZeroToOneNamingTheField() {
        assertThatThrownBy(() -> DepartureScenarios.sample(vans(2, 0.5), 5, 1.5, Duration.ZERO, 0, T0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("earlyProbability");
    }

    @Test
    void declareShouldRejectANegativeAwardNamingTheField() {
        assertThatThrownBy(() -> BaselinePlanner.declare(HOUR, Duration.ofMinutes(15), vans(2, 0.5),
                LimitTree.of(DEPOT), Map.of(), -1, REGD_HOUR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("awardedKw");
    }

    @Test
    void declareShouldRejectAnIntervalThatDoesNotDivideThePeriod() {
        assertThatThrownBy(() -> BaselinePlanner.declare(HOUR, Duration.ofMinutes(7), vans(2, 0.5),
                LimitTree.of(DEPOT), Map.of(), 10, REGD_HOUR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval");
    }
}
