package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.aggregator.live.LiveFixtures.NOW;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gridfleet.aggregator.config.ControlConfig;
import org.gridfleet.aggregator.openadr.grid.FlexibilityReading;
import org.gridfleet.aggregator.openadr.grid.GridTarget;
import org.gridfleet.v2g.control.ControlInput;
import org.gridfleet.v2g.control.SiteState;
import org.gridfleet.v2g.control.VehicleState;
import org.junit.jupiter.api.Test;

class LiveFlexibilityTest {

    private static final Duration TICK = Duration.ofSeconds(5);
    private final FleetTicks ticks = new FleetTicks();
    private final LiveFlexibility flexibility = new LiveFlexibility(ticks);

    /** Two vans at a 50 kW site (47.5 usable) with 4 kW other load, charging at 10 and 6 kW for ten minutes. */
    private void tenMinutesAtDepot() {
        VehicleState a = new VehicleState("a", "depot", 60, 0.5, 0.2, 0.6, NOW.plus(Duration.ofHours(10)), 11, 11,
                0.95, 0.05, false);
        VehicleState b = new VehicleState("b", "depot", 40, 0.25, 0.2, 0.5, NOW.plus(Duration.ofHours(10)), 11, 0,
                0.95, 0.05, false);
        for (int i = 0; i < 120; i++) {
            ControlInput input = new ControlInput(NOW.plus(TICK.multipliedBy(i)), TICK, List.of(a, b),
                    Map.of("depot", new SiteState("depot", 50, 5, 4, 0)),
                    GridLink.of(ControlConfig.DEFAULT).openAdr().current().tariff(), Map.of());
            ticks.publish(new FleetTicks.Tick(input, Map.of("a", 11.0, "b", 11.0), Map.of("a", 10.0, "b", 6.0),
                    Map.of("a", 10.0, "b", 6.0)));
        }
    }

    @Test
    void readingShouldReportMeteredUsageAndTheVehiclesRoomWhenTheSiteWasTicked() {
        // GIVEN
        tenMinutesAtDepot();
        // WHEN the first five minutes are read for the site
        FlexibilityReading r = flexibility.reading(new GridTarget.Site("depot"), NOW, NOW.plusSeconds(300))
                .result();
        // THEN usage is (10 + 6 + 4) kW for 5 min, the plan 22 kW plus 4 kW other load
        assertThat(r.usageKwh()).isCloseTo(20.0 / 12, within(1e-9));
        assertThat(r.demandKw()).isCloseTo(20.0, within(1e-9));
        assertThat(r.baselineKw()).isCloseTo(26.0, within(1e-9));
        // AND import could drop to van a's full discharge and b's zero, and rise by 1 + 5 kW (the site has 27.5 room)
        assertThat(r.upRegulationKw()).isCloseTo(10 + 11 + 6, within(1e-9));
        assertThat(r.downRegulationKw()).isCloseTo(1 + 5, within(1e-9));
        assertThat(r.storageUsableCapacityKwh()).isEqualTo(100.0);
        assertThat(r.storageChargeLevel()).isCloseTo((30 + 10) / 100.0, within(1e-9));
        assertThat(r.storageMaxDischargePowerKw()).isEqualTo(11.0);
        assertThat(r.storageMaxChargePowerKw()).isEqualTo(22.0);
    }

    @Test
    void readingShouldFailNamingTheReasonWhenTheTargetIsAFleetAnUnknownSiteOrNotTicked() {
        assertThat(flexibility.reading(new GridTarget.Portfolio(), NOW, NOW.plusSeconds(60)).cause())
                .hasMessageContaining("not ticked yet");
        tenMinutesAtDepot();
        assertThat(flexibility.reading(new GridTarget.Fleet("vans"), NOW, NOW.plusSeconds(60)).cause())
                .hasMessageContaining("fleet vans");
        assertThat(flexibility.reading(new GridTarget.Site("harbour"), NOW, NOW.plusSeconds(60)).cause())
                .hasMessageContaining("harbour");
        assertThat(flexibility.reading(new GridTarget.Site("depot"), NOW.plusSeconds(3600), NOW.plusSeconds(7200))
                .cause()).hasMessageContaining("no metered data");
    }
}
