package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridfleet.aggregator.live.LiveFixtures.NOW;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gridfleet.aggregator.openadr.grid.GridObligation;
import org.gridfleet.aggregator.openadr.grid.GridObligation.Direction;
import org.gridfleet.aggregator.openadr.grid.GridTarget;
import org.gridfleet.v2g.control.ControlInput;
import org.gridfleet.v2g.control.SiteState;
import org.gridfleet.v2g.control.Tariff;
import org.gridfleet.v2g.control.VehicleState;
import org.junit.jupiter.api.Test;

class OpenAdrOverlayTest {

    private static final Instant T17 = NOW.minus(Duration.ofHours(1));
    private static final Instant T18 = NOW;
    private static final Instant T19 = NOW.plus(Duration.ofHours(1));
    private static final GridTarget PORTFOLIO = new GridTarget.Portfolio();
    private static final GridTarget DEPOT = new GridTarget.Site("depot");

    private final FleetTicks ticks = new FleetTicks();
    private final OpenAdrOverlay overlay = new OpenAdrOverlay(0.25, 0.10, 0.5, ticks);

    @Test
    void currentShouldPriceImportAtTheEventPriceInsideItsIntervalAndFlatOutsideWhenAPriceEventArrives() {
        // WHEN a portfolio-wide import price of 0.60 holds 17:00-18:00 and an export price of 0.40 18:00-19:00
        overlay.obligationsChanged("peak", List.of(
                new GridObligation.PriceSignal("peak", PORTFOLIO, T17, T18, Direction.IMPORT, 0.60, "EUR"),
                new GridObligation.PriceSignal("peak", PORTFOLIO, T18, T19, Direction.EXPORT, 0.40, "EUR")));
        // THEN the tariff carries them over their intervals only
        Tariff tariff = overlay.current().tariff();
        assertThat(tariff.importPrice().priceAt(T17.minusSeconds(1))).isEqualTo(0.25);
        assertThat(tariff.importPrice().priceAt(T17)).isEqualTo(0.60);
        assertThat(tariff.importPrice().priceAt(T18.minusSeconds(1))).isEqualTo(0.60);
        assertThat(tariff.importPrice().priceAt(T18)).isEqualTo(0.25);
        assertThat(tariff.exportPrice().priceAt(T17)).isEqualTo(0.10);
        assertThat(tariff.exportPrice().priceAt(T18.plusSeconds(1800))).isEqualTo(0.40);
        assertThat(tariff.exportPrice().priceAt(T19)).isEqualTo(0.10);
    }

    @Test
    void currentShouldLetTheLaterEventWinWhenPricesOverlapAndDropTheCapWhenItsEventIsDeleted() {
        // GIVEN two overlapping import prices and a site cap
        overlay.obligationsChanged("a", List.of(
                new GridObligation.PriceSignal("a", PORTFOLIO, T17, T19, Direction.IMPORT, 0.50, null)));
        overlay.obligationsChanged("b", List.of(
                new GridObligation.PriceSignal("b", PORTFOLIO, T18, T19, Direction.IMPORT, 0.05, null),
                new GridObligation.ImportCapacityLimit("b", new GridTarget.Site("depot"), T18, T19, 20)));
        assertThat(overlay.current().tariff().importPrice().priceAt(T17)).isEqualTo(0.50);
        assertThat(overlay.current().tariff().importPrice().priceAt(T18)).isEqualTo(0.05);
        assertThat(overlay.current().limits().maxKw("depot", T18)).isEqualTo(20);
        // WHEN event b is deleted
        overlay.obligationsChanged("b", List.of());
        // THEN its price and cap are gone, event a's price holds again
        assertThat(overlay.current().tariff().importPrice().priceAt(T18)).isEqualTo(0.50);
        assertThat(overlay.current().limits().maxKw("depot", T18)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void currentShouldKeepTheFlatTariffWhenThePriceTargetsOneSiteOnly() {
        // WHEN a price names one site (the fleet-wide tariff cannot carry it; it is logged as not honoured)
        overlay.obligationsChanged("local", List.of(new GridObligation.PriceSignal("local",
                new GridTarget.Site("depot"), T17, T19, Direction.IMPORT, 0.90, null)));
        // THEN the tariff stays flat
        assertThat(overlay.current().tariff().importPrice().priceAt(T18)).isEqualTo(0.25);
    }

    @Test
    void atShouldFreezeThePlannedImportBeforeTheEventAsBaselineWhenASimpleLevelStarts() {
        // GIVEN a tick at 17:59:55 planning 11 + 11 kW at the depot over 4 kW of other load (26 kW) and 7 kW elsewhere
        publish(T18.minusSeconds(5), 11, 11, 4, Map.of("a", 11.0, "b", 11.0));
        overlay.obligationsChanged("shed", List.of(new GridObligation.SimpleLevel("shed", DEPOT, T18, T19, 2, 0.5)));
        assertThat(overlay.at(T18.minusSeconds(1)).limits().maxKw("depot", T18)).isEqualTo(Double.POSITIVE_INFINITY);

        // WHEN the level applies, and later ticks plan more
        OpenAdrOverlay.Snapshot atStart = overlay.at(T18);
        publish(T18.plusSeconds(5), 11, 11, 30, Map.of("a", 11.0, "b", 11.0));
        OpenAdrOverlay.Snapshot later = overlay.at(T18.plusSeconds(10));

        // THEN the depot is capped at half of the frozen 26 kW, and the cap stays where it was frozen
        assertThat(overlay.baselineKw("shed", DEPOT)).isEqualTo(26);
        assertThat(atStart.limits().maxKw("depot", T18)).isEqualTo(13);
        assertThat(later.limits().maxKw("depot", T18.plusSeconds(10))).isEqualTo(13);
        assertThat(overlay.notHonoured()).isEmpty();
    }

    @Test
    void atShouldReportASetpointAsMissedWhenTheTickCouldNotReachIt() {
        // GIVEN a 40 kW depot setpoint from 18:00, posted after the tick at 18:00:00 ran without it
        overlay.obligationsChanged("sp", List.of(new GridObligation.DispatchSetpoint("sp", DEPOT, T18, T19, 40, false)));
        publish(T18, 11, 11, 4, Map.of("a", 11.0, "b", 11.0));
        overlay.at(T18.plusSeconds(5));
        assertThat(overlay.notHonoured()).as("a tick that ran before the setpoint is not judged").isEmpty();
        // WHEN the tick at 18:00:05, the first with the setpoint, could only command 11 + 11 kW over 4 kW of other load
        publish(T18.plusSeconds(5), 11, 11, 4, Map.of("a", 11.0, "b", 11.0));
        OpenAdrOverlay.Snapshot snapshot = overlay.at(T18.plusSeconds(10));
        // THEN the setpoint is in force as a band and reported as not reached, with the figures
        assertThat(snapshot.limits().minKw("depot", T18)).isEqualTo(39.5);
        assertThat(overlay.notHonoured().get("sp")).singleElement().asString()
                .contains("DISPATCH_SETPOINT of 40.0 kW at site depot not reached", "26.0 kW");
    }

    @Test
    void obligationsChangedShouldReportFleetTargetsAndSitePricesWhenTheLoopCannotHonourThem() {
        // WHEN one event caps a fleet and another prices one site
        overlay.obligationsChanged("fleet", List.of(new GridObligation.ImportCapacityLimit("fleet",
                new GridTarget.Fleet("vans"), T17, T19, 20)));
        overlay.obligationsChanged("local", List.of(new GridObligation.PriceSignal("local", DEPOT, T17, T19,
                Direction.IMPORT, 0.90, null)));
        // THEN both are listed with their reasons, and withdrawing an event clears its entry
        assertThat(overlay.notHonoured().get("fleet")).singleElement().asString().contains("GROUP target vans");
        assertThat(overlay.notHonoured().get("local")).singleElement().asString()
                .contains("site-scoped IMPORT price for depot");
        overlay.obligationsChanged("local", List.of());
        assertThat(overlay.notHonoured()).containsOnlyKeys("fleet");
    }

    /** A tick at {@code at}: vans a and b at the depot with the given setpoints and depot base load, 7 kW elsewhere. */
    private void publish(Instant at, double aKw, double bKw, double depotBaseKw, Map<String, Double> plannedKw) {
        VehicleState a = new VehicleState("a", "depot", 60, 0.5, 0.2, 0.6, T19, 11, 11, 0.95, 0.05, false);
        VehicleState b = new VehicleState("b", "depot", 60, 0.5, 0.2, 0.6, T19, 11, 11, 0.95, 0.05, false);
        ControlInput input = new ControlInput(at, Duration.ofSeconds(5), List.of(a, b),
                Map.of("depot", new SiteState("depot", 50, 5, depotBaseKw, 0),
                        "yard", new SiteState("yard", 50, 5, 7, 0)), overlay.current().tariff(), Map.of());
        ticks.publish(new FleetTicks.Tick(input, plannedKw, Map.of("a", aKw, "b", bKw), Map.of()));
    }
}
