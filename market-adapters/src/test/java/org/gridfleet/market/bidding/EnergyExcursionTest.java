package org.gridfleet.market.bidding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.SampledSeries;
import org.gridfleet.market.fcr.FcrDroop;
import org.gridfleet.market.replay.SignalCsvReader;
import org.junit.jupiter.api.Test;

/** Energy excursions by hand and over the real RTE frequency (MARKET-RULES.md §3.1 sizing numbers). */
class EnergyExcursionTest {

    @Test
    void ofShouldTrackBothDirectionsWhenActivationSwings() {
        // GIVEN 15-minute steps: +1, +1, −1, −1, −1, missing (holds −1)
        Instant t0 = Instant.parse("2026-01-15T00:00:00Z");
        SampledSeries a = SampledSeries.of(t0, Duration.ofMinutes(15), 1, 1, -1, -1, -1, Double.NaN);
        // WHEN integrated over the 90 minutes
        EnergyExcursion e = EnergyExcursion.of(a, DeliveryPeriod.of(t0, Duration.ofMinutes(90)));
        // THEN it peaks at +0.5 kWh/kW, reaches −0.5 and ends at −0.5
        assertThat(e.maxImportKwhPerKw()).isCloseTo(0.5, within(1e-12));
        assertThat(e.maxExportKwhPerKw()).isCloseTo(0.5, within(1e-12));
        assertThat(e.netKwhPerKw()).isCloseTo(-0.5, within(1e-12));
    }

    @Test
    void worstBlockShouldMatchReferenceWhenReplayingRteFrequency() {
        // GIVEN three days of RTE frequency, first row at 00:00 CET, in 18 four-hour FCR blocks
        Instant day = Instant.parse("2016-02-29T23:00:00Z");
        SampledSeries hz = SignalCsvReader.read(Path.of("../reference/frequency/rte_france_2016-03-01_to_03_10s.csv"),
                "freq_hz", day);
        SampledSeries activation = FcrDroop.ofDefaults().activations(hz);
        double worst = 0;
        double minNet = 0;
        double maxNet = 0;
        // WHEN each block is integrated
        for (int b = 0; b < 18; b++) {
            EnergyExcursion e = EnergyExcursion.of(activation,
                    DeliveryPeriod.of(day.plus(Duration.ofHours(4L * b)), Duration.ofHours(4)));
            worst = Math.max(worst, e.worstOneSidedKwhPerKw());
            minNet = Math.min(minNet, e.netKwhPerKw());
            maxNet = Math.max(maxNet, e.netKwhPerKw());
        }
        // THEN the worst one-sided excursion is 0.24 kWh per kW and the nets lie within ±0.22
        assertThat(worst).isCloseTo(0.239, within(0.001));
        assertThat(minNet).isCloseTo(-0.218, within(0.001));
        assertThat(maxNet).isCloseTo(0.216, within(0.001));
    }
}
