package org.gridfleet.market.fcr;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** The droop never asks for more than the awarded capacity and never moves against the frequency. */
class FcrDroopProperties {

    @Property
    void requestedKwShouldStayWithinCapacityOfBaseline(@ForAll @DoubleRange(min = -500, max = 500) double baselineKw,
                                                       @ForAll @DoubleRange(min = 0, max = 1000) double capacityKw,
                                                       @ForAll @DoubleRange(min = 45, max = 55) double hz,
                                                       @ForAll @DoubleRange(min = 0, max = 0.19) double deadbandHz) {
        double requested = new FcrDroop(50, 0.2, deadbandHz).requestedKw(baselineKw, capacityKw, hz);
        assertThat(requested).isBetween(baselineKw - capacityKw - 1e-9, baselineKw + capacityKw + 1e-9);
        assertThat(Math.signum(requested - baselineKw)).isIn(0.0, Math.signum(hz - 50));
    }

    @Property
    void activationShouldNotDecreaseWhenFrequencyRises(@ForAll @DoubleRange(min = 49, max = 51) double f1,
                                                       @ForAll @DoubleRange(min = 0, max = 1) double rise,
                                                       @ForAll @DoubleRange(min = 0, max = 0.19) double deadbandHz) {
        FcrDroop droop = new FcrDroop(50, 0.2, deadbandHz);
        assertThat(droop.activation(f1 + rise)).isGreaterThanOrEqualTo(droop.activation(f1));
    }
}
