package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridfleet.aggregator.live.LiveFixtures.NOW;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gridfleet.aggregator.config.ControlConfig;
import org.gridfleet.aggregator.dispatch.ActiveObligation;
import org.gridfleet.aggregator.dispatch.DispatchMetrics;
import org.gridfleet.aggregator.fleet.Charger;
import org.gridfleet.aggregator.fleet.FleetRegistry.SiteWithChargers;
import org.gridfleet.aggregator.fleet.Site;
import org.gridfleet.aggregator.fleet.Vehicle;
import org.gridfleet.aggregator.health.VehicleWear;
import org.gridfleet.aggregator.openadr.grid.GridObligation;
import org.gridfleet.aggregator.openadr.grid.GridTarget;
import org.gridfleet.market.Baseline;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.fcr.FcrDroop;
import org.gridfleet.v2g.charger.EvseRef;
import org.gridfleet.v2g.control.ScheduledControllerConfig;
import org.junit.jupiter.api.Test;

class LiveControllerTest {

    @Test
    void decideShouldHandTheScheduleTheEventPriceWhenAnOpenAdrPriceEventIsInForce() {
        // GIVEN a controller over the flat 0.25 tariff and a portfolio import price of 0.80 for the coming hour
        GridLink grid = GridLink.of(ControlConfig.DEFAULT);
        LiveController controller = new LiveController(ControlConfig.DEFAULT, DispatchMetrics.NOOP,
                new LiveFleet(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60)), new VehicleWear(), grid);
        FleetView view = FleetView.of(List.of(LiveFixtures.siteWith(LiveFixtures.site(1, 50, List.of()))), List.of());
        assertThat(controller.decide(view, List.of(), (charger, at) -> 0, NOW).live().input().tariff().importPrice()
                .priceAt(NOW)).isEqualTo(ControlConfig.DEFAULT.importPricePerKwh());
        // WHEN the event arrives
        grid.openAdr().obligationsChanged("peak", List.of(new GridObligation.PriceSignal("peak",
                new GridTarget.Portfolio(), NOW, NOW.plusSeconds(3600), GridObligation.Direction.IMPORT, 0.80, "EUR")));
        // THEN the next tick's schedule sees it over its interval
        LiveController.Decision d = controller.decide(view, List.of(), (charger, at) -> 0, NOW.plusSeconds(5));
        assertThat(d.live().input().tariff().importPrice().priceAt(NOW.plusSeconds(5))).isEqualTo(0.80);
        assertThat(d.live().input().tariff().importPrice().priceAt(NOW.plusSeconds(3600)))
                .isEqualTo(ControlConfig.DEFAULT.importPricePerKwh());
    }

    @Test
    void decideShouldReportTheSiteAndStillSteerWhenAnEventPriceLeavesTheScheduleWithoutASolution() {
        // GIVEN a van plugged in at a site, and a controller that has ticked once at the normal tariff
        Charger charger = LiveFixtures.charger("CP-1", new UUID(1, 1), 11, false);
        Vehicle van = LiveFixtures.vehicle(1);
        Site site = LiveFixtures.site(1, 500, List.of());
        FleetView view = FleetView.of(List.of(new SiteWithChargers(site, List.of(charger))), List.of(van));
        List<PluggedSession> sessions = List.of(new PluggedSession(new EvseRef("CP-1", 1), "tx-1",
                van.id().toString(), 0.3, null, null));
        GridLink grid = GridLink.of(ControlConfig.DEFAULT);
        LiveController controller = new LiveController(ControlConfig.DEFAULT, DispatchMetrics.NOOP,
                new LiveFleet(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60)), new VehicleWear(), grid);
        LiveController.Decision sane = controller.decide(view, sessions, (c, at) -> 0, NOW);
        // WHEN a VTN sends an import price GLOP cannot scale for the whole stay, and the site's next solve is due
        grid.openAdr().obligationsChanged("absurd", List.of(new GridObligation.PriceSignal("absurd",
                new GridTarget.Portfolio(), NOW, NOW.plus(Duration.ofDays(1)), GridObligation.Direction.IMPORT,
                1e12, "EUR")));
        LiveController.Decision absurd = controller.decide(view, sessions, (c, at) -> 0,
                NOW.plus(ScheduledControllerConfig.DEFAULT_RESOLVE_EVERY));
        // THEN the tick still decides the van's setpoint, and names the site whose schedule failed
        assertThat(sane.unsolvedSites()).isEmpty();
        assertThat(absurd.unsolvedSites()).containsExactly(site.id().toString());
        assertThat(absurd.setpointsKw()).containsKey(van.id().toString());
    }

    @Test
    void decideShouldKeepAFeederLimitWhenAMarketSignalAsksTheFleetForMoreImport() {
        // GIVEN four vans on 11 kW chargers at a 500 kW site, all behind a 20 kW charger group, charging slowly
        List<Charger> chargers = new ArrayList<>();
        List<Vehicle> vans = new ArrayList<>();
        List<PluggedSession> sessions = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            chargers.add(LiveFixtures.charger("CP-" + i, new UUID(1, 1), 11, false));
            Vehicle v = LiveFixtures.vehicle(i);
            vans.add(v);
            sessions.add(new PluggedSession(new EvseRef("CP-" + i, 1), "tx-" + i, v.id().toString(), 0.5, null,
                    null));
        }
        Site site = LiveFixtures.site(1, 500, List.of(new Site.NestedLimit("group", Site.NestedLimit.Kind.CHARGER_GROUP,
                20, List.of("CP-1", "CP-2", "CP-3", "CP-4"))));
        FleetView view = FleetView.of(List.of(new SiteWithChargers(site, chargers)), vans);
        GridLink grid = GridLink.of(ControlConfig.DEFAULT);
        LiveController controller = new LiveController(ControlConfig.DEFAULT, DispatchMetrics.NOOP,
                new LiveFleet(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60)), new VehicleWear(), grid);
        // AND a 40 kW regulation award from a 0 kW baseline, with the signal at full "more import" (-1)
        DeliveryPeriod hour = DeliveryPeriod.of(NOW, Duration.ofHours(1));
        grid.markets().activated(new ActiveObligation("o1", ProductKind.REGULATION, 40, Baseline.flat(hour, 0), hour,
                FcrDroop.ofDefaults()));
        grid.markets().signal("o1", NOW, -1.0);
        // WHEN the loop ticks
        double groupKw = 0;
        for (int tick = 0; tick < 3; tick++) {
            LiveController.Decision d = controller.decide(view, sessions, (charger, at) -> 0,
                    NOW.plus(ControlConfig.DEFAULT.tick().multipliedBy(tick)));
            groupKw = d.setpointsKw().values().stream().mapToDouble(Double::doubleValue).sum();
            // THEN the vans never draw more than the group's 20 kW, though the site and the signal would allow 40
            assertThat(groupKw).isLessThanOrEqualTo(20 + 1e-6);
        }
        assertThat(groupKw).as("the group is used up to its limit").isGreaterThan(15);
    }
}
