package org.gridfleet.market.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gridfleet.market.Award;
import org.gridfleet.market.ClearingPrice;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.HourlyCalendar;
import org.gridfleet.market.MutableClock;
import org.gridfleet.market.Obligation;
import org.gridfleet.market.ObligationState;
import org.gridfleet.market.Offer;
import org.gridfleet.market.SampledSeries;
import org.gridfleet.market.TestProducts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PJM RegD replayed from the real July 2022 market results and the real RegD signal. */
class ReplayMarketTest {

    private static final Instant DAY = Instant.parse("2026-01-15T00:00:00Z");
    private static final DeliveryPeriod HOUR0 = DeliveryPeriod.of(DAY, Duration.ofHours(1));
    private static List<ClearingPrice> prices;
    private static SampledSeries regd;
    private MutableClock clock;
    private ReplayMarket market;

    @BeforeAll
    static void loadFiles() {
        prices = ClearingPriceCsvReader.read(Path.of("../reference/pjm/pjm_reg_market_results_2022-07_hourly.csv"),
                DAY);
        regd = SignalCsvReader.read(Path.of("../reference/pjm/regd_2020-07-22_2s.csv"), "regd", DAY);
    }

    @BeforeEach
    void setUp() {
        clock = new MutableClock(DAY.minus(Duration.ofHours(3)));
        market = new ReplayMarket(TestProducts.REGD, HourlyCalendar.ofDefaults(), prices, regd, clock);
    }

    @Test
    void awardsShouldClearAtRecordedPricesOnlyAfterTheGateCloses() {
        // GIVEN two offers for the first hour (recorded RMCCP 20.96, RMPCP 1.26): one below, one above the price
        Obligation cheap = market.submit(new Offer("cheap", TestProducts.REGD, HOUR0, 500, 15, 1));
        Obligation dear = market.submit(new Offer("dear", TestProducts.REGD, HOUR0, 500, 25, 1));
        // WHEN awards are read before and after the gate (60 min before the hour)
        List<Award> before = market.awards(HOUR0);
        clock.set(DAY.minus(Duration.ofMinutes(60)));
        List<Award> after = market.awards(HOUR0);
        // THEN nothing is published before; after, the cheap offer clears in full at 20.96/1.26, the dear one 0 kW
        assertThat(before).isEmpty();
        assertThat(after).containsExactly(new Award("cheap", HOUR0, 500, 20.96, 1.26),
                new Award("dear", HOUR0, 0, 20.96, 1.26));
        assertThat(cheap.award(after.get(0), clock.instant()).state()).isEqualTo(ObligationState.AWARDED);
        assertThat(dear.award(after.get(1), clock.instant()).state()).isEqualTo(ObligationState.REJECTED);
    }

    @Test
    void submitShouldThrowWhenGateHasClosedOrIdIsReused() {
        market.submit(new Offer("a", TestProducts.REGD, HOUR0, 500, 15, 1));
        assertThatThrownBy(() -> market.submit(new Offer("a", TestProducts.REGD, DeliveryPeriod.of(DAY.plus(Duration.ofHours(1)), Duration.ofHours(1)), 500, 15, 1)))
                .hasMessageContaining("offer id a is already used");
        clock.set(DAY.minus(Duration.ofMinutes(30)));
        assertThatThrownBy(() -> market.submit(new Offer("b", TestProducts.REGD, HOUR0, 500, 15, 1)))
                .hasMessageContaining("gate for " + HOUR0 + " closed at 2026-01-14T23:00:00Z");
    }

    @Test
    void submitShouldThrowWhenPeriodIsOffTheGrid() {
        DeliveryPeriod offGrid = DeliveryPeriod.of(DAY.plus(Duration.ofMinutes(90)), Duration.ofHours(1));
        assertThatThrownBy(() -> market.submit(new Offer("c", TestProducts.REGD, offGrid, 500, 15, 1)))
                .hasMessageContaining("is not on the product grid");
    }

    @Test
    void signalsShouldRevealOnlySamplesThatHaveArrived() {
        // GIVEN the clock 10 s into the hour
        clock.set(DAY.plusSeconds(10));
        // WHEN the hour's signal is read
        SampledSeries known = market.signals(TestProducts.REGD, HOUR0);
        // THEN samples at 0, 2, …, 10 s are known and they are the recorded ones
        assertThat(known.size()).isEqualTo(6);
        assertThat(known.valueAt(0)).isEqualTo(-0.9693666);
        assertThat(market.nextGateClosure(TestProducts.REGD, clock.instant()).period().start())
                .isEqualTo(DAY.plus(Duration.ofHours(2)));
    }

    @Test
    void clearingPriceReaderShouldNameLineWhenPriceIsBad() {
        String csv = "datetime_beginning_utc,reg_ccp,reg_pcp\n7/1/2022 4:00:00 AM,1,2\n7/1/2022 5:00:00 AM,-3,2\n";
        assertThatThrownBy(() -> ClearingPriceCsvReader.read(new StringReader(csv), "m.csv", null))
                .hasMessage("m.csv:3: reg_ccp: price '-3' is not a finite number >= 0");
        String badTime = "datetime_beginning_utc,reg_ccp,reg_pcp\n2022-07-01 04:00,1,2\n";
        assertThatThrownBy(() -> ClearingPriceCsvReader.read(new StringReader(badTime), "m.csv", null))
                .hasMessageContaining("m.csv:2: datetime_beginning_utc: time '2022-07-01 04:00'");
    }
}
