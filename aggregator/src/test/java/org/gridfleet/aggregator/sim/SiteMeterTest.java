package org.gridfleet.aggregator.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SiteMeterTest {
    private static final long T0 = 1_768_500_000L - Math.floorMod(1_768_500_000L, 900);

    @Test
    void peak15MinKwShouldAverageOverClockQuartersWhenPowerVariesWithinThem() {
        // GIVEN a meter over one hour with 5-minute steps
        SiteMeter meter = new SiteMeter(100, T0, T0 + 3600);
        double[] kw = {30, 30, 30, 120, 60, 0, 90, 90, 90, 10, 10, 10};
        // WHEN the steps are recorded at 0.10/kWh
        for (int i = 0; i < kw.length; i++) {
            meter.record(T0 + i * 300L, 300, kw[i], 0.10, 0.05);
        }
        // THEN quarters average 30, 60, 90, 10 kW: the peak is 90 although the highest step is 120
        assertThat(meter.peak15MinKw()).isCloseTo(90, within(1e-9));
        assertThat(meter.peakKw()).isEqualTo(120);
        assertThat(meter.secondsOverLimit()).isEqualTo(300);
        assertThat(meter.stepsOverLimit()).isEqualTo(1);
        // energy: sum(kw) = 570 kW x 5 min = 47.5 kWh at 0.10
        assertThat(meter.energyCost()).isCloseTo(4.75, within(1e-9));
    }

    @Test
    void peak15MinKwShouldSplitAStepAcrossQuartersWhenItStraddlesABoundary() {
        // GIVEN 10-minute steps, which straddle quarter-hour boundaries
        SiteMeter meter = new SiteMeter(100, T0, T0 + 1800);
        // WHEN 0-10 min at 60 kW, 10-20 at 30 kW, 20-30 at 0 kW
        meter.record(T0, 600, 60, 0.1, 0.0);
        meter.record(T0 + 600, 600, 30, 0.1, 0.0);
        meter.record(T0 + 1200, 600, 0, 0.1, 0.0);
        // THEN quarter 1 = (10 min x 60 + 5 min x 30) / 15 = 50 kW, quarter 2 = 5 min x 30 / 15 = 10 kW
        assertThat(meter.peak15MinKw()).isCloseTo(50, within(1e-9));
    }

    @Test
    void energyCostShouldCreditExportsAtTheExportPriceWhenTheSiteExports() {
        // GIVEN a meter
        SiteMeter meter = new SiteMeter(100, T0, T0 + 7200);
        // WHEN one hour importing 10 kW at 0.30 and one hour exporting 20 kW at 0.05
        meter.record(T0, 3600, 10, 0.30, 0.05);
        meter.record(T0 + 3600, 3600, -20, 0.30, 0.05);
        // THEN 3.00 - 1.00
        assertThat(meter.energyCost()).isCloseTo(2.0, within(1e-9));
        assertThat(meter.peak15MinKw()).isCloseTo(10, within(1e-9));
    }
}
