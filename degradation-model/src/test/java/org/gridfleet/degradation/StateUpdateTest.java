package org.gridfleet.degradation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StateUpdateTest {

    @Test
    void powerShouldUseClosedFormWhenStateIsZero() {
        // GIVEN y = 2·x^0.5 from zero, step 9 // WHEN
        double dy = StateUpdate.power(0.0, 9.0, 2.0, 0.5);

        // THEN 2·3
        assertThat(dy).isEqualTo(6.0);
    }

    @Test
    void powerShouldTakeSlopeAtVirtualTimeWhenStateIsOnTrajectory() {
        // GIVEN y0 = 2·4^0.5 = 4, so virtual x = 4 and slope = 2·0.5·4^-0.5 = 0.5 // WHEN
        double dy = StateUpdate.power(4.0, 0.1, 2.0, 0.5);

        // THEN
        assertThat(dy).isCloseTo(0.05, within(1e-15));
    }

    @Test
    void powerShouldNotMoveWhenStepIsZero() {
        // GIVEN / WHEN / THEN
        assertThat(StateUpdate.power(0.0, 0.0, 2.0, 0.5)).isZero();
        assertThat(StateUpdate.power(4.0, 0.0, 2.0, 0.5)).isZero();
    }

    @Test
    void sigmoidShouldUseClosedFormWhenStateIsZero() {
        // GIVEN y = 2·(1/2 − 1/(1 + e^x)) with yInf = k = p = 1 // WHEN
        double dy = StateUpdate.sigmoid(0.0, 1.0, 1.0, 1.0, 1.0);

        // THEN
        assertThat(dy).isCloseTo(2.0 * (0.5 - 1.0 / (1.0 + Math.E)), within(1e-15));
    }

    @Test
    void sigmoidShouldTakeSlopeAtVirtualTimeWhenStateIsOnTrajectory() {
        // GIVEN y0 at x = 1 on y = 2·(1/2 − 1/(1 + e^x)); slope there = 2e/(1 + e)^2
        double y0 = 2.0 * (0.5 - 1.0 / (1.0 + Math.E));

        // WHEN
        double dy = StateUpdate.sigmoid(y0, 0.1, 1.0, 1.0, 1.0);

        // THEN
        assertThat(dy).isCloseTo(2.0 * Math.E / ((1.0 + Math.E) * (1.0 + Math.E)) * 0.1, within(1e-12));
    }

    @Test
    void sigmoidShouldTakeSlopeAtVirtualTimeWhenExponentAndRateAreNotOne() {
        // GIVEN y = 2·0.5·(1/2 − 1/(1 + exp((0.2·x)^3))) at x = 4: z = 0.8^3, slope = 2·yInf·p·e^z·z/(x·(e^z+1)^2)
        double z = Math.pow(0.8, 3);
        double y0 = 2 * 0.5 * (0.5 - 1.0 / (1.0 + Math.exp(z)));
        double slope = 2 * 0.5 * 3 * Math.exp(z) * z / (4.0 * Math.pow(Math.exp(z) + 1.0, 2));

        // WHEN
        double dy = StateUpdate.sigmoid(y0, 0.01, 0.5, 0.2, 3.0);

        // THEN
        assertThat(dy).isCloseTo(slope * 0.01, within(1e-12));
    }
}
