package org.gridfleet.v2g.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridfleet.v2g.control.Fixtures.T0;

import org.junit.jupiter.api.Test;

class MeterReadingsTest {
    private final MeterReadings readings = new MeterReadings();

    private static MeterReading reading(long sequence, long second, double kw) {
        return new MeterReading("a", sequence, T0.plusSeconds(second), kw, 1, 0);
    }

    @Test
    void acceptShouldChangeNothingWhenAReadingComesTwice() {
        // GIVEN reading 1
        readings.accept(reading(1, 60, 7));
        // WHEN it is delivered again
        boolean taken = readings.accept(reading(1, 60, 7));
        // THEN it is not taken again
        assertThat(taken).isFalse();
        assertThat(readings.latest("a").sequence()).isEqualTo(1);
    }

    @Test
    void acceptShouldKeepTheNewerReadingWhenAnOlderOneArrivesLate() {
        // GIVEN reading 2 at 7 kW
        readings.accept(reading(2, 120, 7));
        // WHEN reading 1 at 11 kW arrives after it
        boolean taken = readings.accept(reading(1, 60, 11));
        // THEN the power stays at 7 kW
        assertThat(taken).isFalse();
        assertThat(readings.latest("a").powerKw()).isEqualTo(7);
    }

    @Test
    void acceptShouldRejectALargerSequenceWhenItsTimestampIsOlder() {
        // GIVEN reading 2 at second 120
        readings.accept(reading(2, 120, 7));
        // WHEN reading 3 claims second 60
        boolean taken = readings.accept(reading(3, 60, 0));
        // THEN it is not taken
        assertThat(taken).isFalse();
        assertThat(readings.latest("a").sequence()).isEqualTo(2);
    }

    @Test
    void acceptShouldTakeAnyReadingWhenTheVehicleWasForgotten() {
        // GIVEN a session's reading 5, then the vehicle leaves
        readings.accept(reading(5, 120, 7));
        readings.forget("a");
        // WHEN the next session starts its sequence at 0
        boolean taken = readings.accept(reading(0, 600, 3));
        // THEN it is taken
        assertThat(taken).isTrue();
        assertThat(readings.latest("a").powerKw()).isEqualTo(3);
    }

    @Test
    void constructorShouldNameTheFieldWhenARegisterIsNegative() {
        assertThatThrownBy(() -> new MeterReading("a", 0, T0, 1, -1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("importKwh");
    }
}
