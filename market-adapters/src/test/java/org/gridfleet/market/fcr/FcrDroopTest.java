package org.gridfleet.market.fcr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import org.gridfleet.market.SampledSeries;
import org.gridfleet.market.replay.SignalCsvReader;
import org.junit.jupiter.api.Test;

/** FCR droop by hand and over the real RTE frequency days (MARKET-RULES.md §3.1). */
class FcrDroopTest {

    private final FcrDroop droop = FcrDroop.ofDefaults();

    @Test
    void requestedKwShouldRiseWithFrequencyWhenAboveNominal() {
        // GIVEN 100 kW of FCR on a 40 kW baseline
        // WHEN frequency is 50.05, 49.9, 50.3 and 49.7 Hz
        // THEN import rises by a quarter, falls by half, and saturates at ±100 kW
        assertThat(droop.requestedKw(40, 100, 50.05)).isCloseTo(65, within(1e-9));
        assertThat(droop.requestedKw(40, 100, 49.9)).isCloseTo(-10, within(1e-9));
        assertThat(droop.requestedKw(40, 100, 50.3)).isEqualTo(140);
        assertThat(droop.requestedKw(40, 100, 49.7)).isEqualTo(-60);
    }

    @Test
    void activationShouldBeZeroInsideDeadbandAndOnTheLineOutside() {
        FcrDroop banded = droop.withDeadbandHz(0.01);
        assertThat(banded.activation(50.0099)).isZero();
        assertThat(banded.activation(49.9901)).isZero();
        assertThat(banded.activation(50.02)).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void activationShouldThrowWhenFrequencyIsMissing() {
        assertThatThrownBy(() -> droop.activation(Double.NaN)).hasMessageContaining("frequencyHz must be finite");
        assertThatThrownBy(() -> new FcrDroop(50, 0.2, 0.2)).hasMessageContaining("deadbandHz must be <");
    }

    @Test
    void meanActivationShouldMatchReferenceWhenReplayingRteFrequency() {
        // GIVEN three days of RTE frequency at 10 s
        SampledSeries f = SignalCsvReader.read(Path.of("../reference/frequency/rte_france_2016-03-01_to_03_10s.csv"),
                "freq_hz", Instant.parse("2016-02-29T23:00:00Z"));
        // WHEN the mean |activation| is taken with and without a ±10 mHz deadband
        double plain = meanAbsActivation(f, droop);
        double banded = meanAbsActivation(f, droop.withDeadbandHz(0.01));
        // THEN 8.9 % and 8.0 % of the bid (MARKET-RULES.md §3.1 sizing numbers)
        assertThat(plain).isCloseTo(0.089, within(0.0015));
        assertThat(banded).isCloseTo(0.080, within(0.0015));
    }

    private static double meanAbsActivation(SampledSeries f, FcrDroop d) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < f.size(); i++) {
            if (!Double.isNaN(f.valueAt(i))) {
                sum += Math.abs(d.activation(f.valueAt(i)));
                n++;
            }
        }
        return sum / n;
    }
}
