package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridfleet.aggregator.live.LiveFixtures.NOW;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.gridfleet.aggregator.config.ControlConfig;
import org.gridfleet.aggregator.dispatch.DispatchMetrics;
import org.gridfleet.aggregator.health.VehicleWear;
import org.gridfleet.aggregator.openadr.grid.GridObligation;
import org.gridfleet.aggregator.openadr.grid.GridTarget;
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
}
