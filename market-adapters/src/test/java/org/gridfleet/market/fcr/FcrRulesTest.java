package org.gridfleet.market.fcr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.MarketAdapter.GateClosure;
import org.gridfleet.market.SampledSeries;
import org.junit.jupiter.api.Test;

/** FCR blocks, gate closure, limited energy reservoir and delivery error. */
class FcrRulesTest {

    private final FcrCalendar calendar = FcrCalendar.ofDefaults();

    @Test
    void periodContainingShouldReturnLocalFourHourBlockWhenInWinter() {
        // GIVEN 13:30 UTC on 15 Jan = 14:30 CET
        DeliveryPeriod block = calendar.periodContaining(Instant.parse("2026-01-15T13:30:00Z"));
        // THEN the block is 12-16 CET = 11-15 UTC
        assertThat(block).isEqualTo(new DeliveryPeriod(Instant.parse("2026-01-15T11:00:00Z"),
                Instant.parse("2026-01-15T15:00:00Z")));
    }

    @Test
    void nextGateClosureShouldBeEightOClockDayBeforeWhenAskedInTheMorning() {
        // GIVEN 06:00 UTC (07:00 CET) on 15 Jan
        GateClosure g = calendar.nextGateClosure(Instant.parse("2026-01-15T06:00:00Z"));
        // THEN the auction closes at 08:00 CET the same day for the whole of 16 Jan CET
        assertThat(g.closesAt()).isEqualTo(Instant.parse("2026-01-15T07:00:00Z"));
        assertThat(g.period()).isEqualTo(new DeliveryPeriod(Instant.parse("2026-01-15T23:00:00Z"),
                Instant.parse("2026-01-16T23:00:00Z")));
        // AND after the gate, the next one is a day later
        assertThat(calendar.nextGateClosure(g.closesAt()).closesAt()).isEqualTo(Instant.parse("2026-01-16T07:00:00Z"));
    }

    @Test
    void limitedEnergyReservoirShouldNeedHalfAnHourOfEnergyWhenThirtyMinutes() {
        LimitedEnergyReservoir ler = LimitedEnergyReservoir.ofDefaults();
        assertThat(ler.requiredHeadroomKwh(200)).isCloseTo(100, within(1e-9));
        assertThat(ler.maxCapacityKw(80, 120)).isCloseTo(160, within(1e-9));
        assertThat(ler.sustains(160, 80, 120)).isTrue();
        assertThat(ler.sustains(161, 80, 120)).isFalse();
        assertThat(new LimitedEnergyReservoir(Duration.ofMinutes(15)).requiredHeadroomKwh(200))
                .isCloseTo(50, within(1e-9));
    }

    @Test
    void deliveryErrorShouldCountShortfallOnlyInRequestedDirection() {
        // GIVEN 100 kW capacity on a 0 kW baseline, 1-hour steps: requests +50, −50, +20
        Instant t0 = Instant.parse("2026-01-15T00:00:00Z");
        SampledSeries requested = SampledSeries.of(t0, Duration.ofHours(1), 50, -50, 20);
        SampledSeries baseline = SampledSeries.of(t0, Duration.ofHours(1), 0, 0, 0);
        // AND the fleet delivers +40 (10 short), −60 (over-delivers), +20 (exact)
        SampledSeries metered = SampledSeries.of(t0, Duration.ofHours(1), 40, -60, 20);
        // WHEN compared
        DeliveryError e = DeliveryError.of(requested, metered, baseline, 100);
        // THEN errors are 0.1, 0.1, 0 of capacity; only the first step is a shortfall (10 kWh)
        assertThat(e.samples()).isEqualTo(3);
        assertThat(e.meanAbsErrorRatio()).isCloseTo(0.2 / 3, within(1e-12));
        assertThat(e.rmsErrorRatio()).isCloseTo(Math.sqrt(0.02 / 3), within(1e-12));
        assertThat(e.maxAbsErrorRatio()).isCloseTo(0.1, within(1e-12));
        assertThat(e.shortfallKwh()).isCloseTo(10, within(1e-9));
    }
}
