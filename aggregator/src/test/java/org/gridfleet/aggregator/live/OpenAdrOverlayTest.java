package org.gridfleet.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridfleet.aggregator.live.LiveFixtures.NOW;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gridfleet.aggregator.openadr.grid.GridObligation;
import org.gridfleet.aggregator.openadr.grid.GridObligation.Direction;
import org.gridfleet.aggregator.openadr.grid.GridTarget;
import org.gridfleet.v2g.control.Tariff;
import org.junit.jupiter.api.Test;

class OpenAdrOverlayTest {

    private static final Instant T17 = NOW.minus(Duration.ofHours(1));
    private static final Instant T18 = NOW;
    private static final Instant T19 = NOW.plus(Duration.ofHours(1));
    private static final GridTarget PORTFOLIO = new GridTarget.Portfolio();

    private final OpenAdrOverlay overlay = new OpenAdrOverlay(0.25, 0.10);

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
}
