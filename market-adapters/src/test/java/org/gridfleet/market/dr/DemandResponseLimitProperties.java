package org.gridfleet.market.dr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.gridfleet.market.DeliveryPeriod;

/** A clamped power always complies with the limit, and a complying power is left alone. */
class DemandResponseLimitProperties {

    private static final DeliveryPeriod WINDOW = DeliveryPeriod.of(Instant.parse("2026-01-15T17:00:00Z"),
            Duration.ofHours(2));

    @Property
    void clampShouldAlwaysComplyAndKeepCompliantPower(@ForAll LimitDirection direction,
                                                      @ForAll @DoubleRange(min = 0, max = 1000) double limitKw,
                                                      @ForAll @DoubleRange(min = -2000, max = 2000) double powerKw) {
        DemandResponseLimit limit = new DemandResponseLimit("depot", direction, limitKw, WINDOW);
        double clamped = limit.clamp(powerKw);
        assertThat(limit.violationKw(clamped)).isZero();
        if (limit.violationKw(powerKw) == 0) {
            assertThat(clamped).isEqualTo(powerKw);
        } else {
            assertThat(Math.abs(clamped - powerKw)).isEqualTo(limit.violationKw(powerKw));
        }
    }
}
