package org.gridfleet.market.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gridfleet.market.Award;
import org.gridfleet.market.ClearingPrice;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.MutableClock;
import org.gridfleet.market.Offer;
import org.gridfleet.market.Product;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.SampledSeries;
import org.gridfleet.market.fcr.FcrCalendar;
import org.gridfleet.market.fcr.FcrDroop;
import org.junit.jupiter.api.Test;

/** FCR replayed over the real RTE frequency: D-1 08:00 gate, 4-hour blocks, droop on revealed samples. */
class FcrReplayTest {

    private static final Product FCR = new Product("fcr", ProductKind.FREQUENCY_CONTAINMENT, Duration.ofHours(4),
            Duration.ofSeconds(10), 1000, 25_000, true);
    /** 1 March 2016 00:00 CET. */
    private static final Instant DAY = Instant.parse("2016-02-29T23:00:00Z");

    @Test
    void replayShouldAwardBlocksAndRevealFrequencyWhenClockPasses() {
        // GIVEN the RTE frequency of 1-3 March 2016 and a clearing price of 12 per MW·h for the first block
        SampledSeries hz = SignalCsvReader.read(Path.of("../reference/frequency/rte_france_2016-03-01_to_03_10s.csv"),
                "freq_hz", DAY);
        DeliveryPeriod block0 = DeliveryPeriod.of(DAY, Duration.ofHours(4));
        MutableClock clock = new MutableClock(Instant.parse("2016-02-28T12:00:00Z"));
        ReplayMarket market = new ReplayMarket(FCR, FcrCalendar.ofDefaults(),
                List.of(new ClearingPrice(block0, 12, 0)), hz, clock);
        // WHEN a 1 MW offer is made before the D-1 gate (08:00 CET on 29 Feb) and the clock passes the gate
        market.submit(new Offer("fcr-1", FCR, block0, 1000, 10, 0));
        clock.set(Instant.parse("2016-02-29T07:00:00Z"));
        List<Award> awards = market.awards(block0);
        // THEN it clears in full, and a late offer for the same day is refused
        assertThat(awards).containsExactly(new Award("fcr-1", block0, 1000, 12, 0));
        assertThatThrownBy(() -> market.submit(new Offer("fcr-2", FCR, block0, 1000, 10, 0)))
                .hasMessageContaining("closed at 2016-02-29T07:00:00Z");
        // AND during delivery the droop turns the revealed frequency into a request
        clock.set(DAY.plusSeconds(20));
        SampledSeries known = market.signals(FCR, block0);
        assertThat(known.size()).isEqualTo(3);
        double requested = FcrDroop.ofDefaults().requestedKw(200, 1000, known.valueAt(2));
        assertThat(requested).isCloseTo(200 + 1000 * (50.0354 - 50) / 0.2, within(1e-9));
    }
}
