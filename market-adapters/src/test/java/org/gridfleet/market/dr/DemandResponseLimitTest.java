package org.gridfleet.market.dr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gridfleet.market.DeliveryPeriod;
import org.junit.jupiter.api.Test;

/** Import/export caps for a window and their combination. */
class DemandResponseLimitTest {

    private static final Instant T0 = Instant.parse("2026-01-15T17:00:00Z");
    private static final DeliveryPeriod WINDOW = DeliveryPeriod.of(T0, Duration.ofHours(2));

    @Test
    void importCapShouldClampAndMeasureViolationWhenAboveLimit() {
        DemandResponseLimit cap = new DemandResponseLimit("depot", LimitDirection.IMPORT, 40, WINDOW);
        assertThat(cap.clamp(55)).isEqualTo(40);
        assertThat(cap.violationKw(55)).isEqualTo(15);
        assertThat(cap.violationKw(-100)).isZero();
        assertThat(cap.appliesTo("depot", T0.plusSeconds(3600))).isTrue();
        assertThat(cap.appliesTo("depot", WINDOW.end())).isFalse();
        assertThat(cap.appliesTo("other", T0)).isFalse();
    }

    @Test
    void exportCapShouldBoundDischargeWhenBelowMinusLimit() {
        DemandResponseLimit cap = new DemandResponseLimit(DemandResponseLimit.FLEET, LimitDirection.EXPORT, 10, WINDOW);
        assertThat(cap.clamp(-25)).isEqualTo(-10);
        assertThat(cap.violationKw(-25)).isEqualTo(15);
        assertThat(cap.clamp(80)).isEqualTo(80);
    }

    @Test
    void limitsShouldCombineToTightestRangeWhenSeveralApply() {
        DemandResponseLimits limits = new DemandResponseLimits(List.of(
                new DemandResponseLimit("depot", LimitDirection.IMPORT, 40, WINDOW),
                new DemandResponseLimit("depot", LimitDirection.IMPORT, 30, DeliveryPeriod.of(T0, Duration.ofHours(1))),
                new DemandResponseLimit("depot", LimitDirection.EXPORT, 5, WINDOW)));
        assertThat(limits.maxKw("depot", T0)).isEqualTo(30);
        assertThat(limits.maxKw("depot", T0.plusSeconds(5400))).isEqualTo(40);
        assertThat(limits.minKw("depot", T0)).isEqualTo(-5);
        assertThat(limits.maxKw("depot", T0.minusSeconds(1))).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void limitShouldRejectNonFiniteCapWhenBuilt() {
        assertThatThrownBy(() -> new DemandResponseLimit("depot", LimitDirection.IMPORT, Double.NaN, WINDOW))
                .hasMessageContaining("limitKw must be finite");
        assertThatThrownBy(() -> new DemandResponseLimit("depot", LimitDirection.EXPORT, Double.POSITIVE_INFINITY,
                WINDOW)).hasMessageContaining("limitKw must be finite");
        assertThatThrownBy(() -> new PriceSignal("depot", LimitDirection.IMPORT, Double.NaN, WINDOW))
                .hasMessageContaining("pricePerKwh must be finite");
    }

    @Test
    void negativeLimitShouldBecomeAFloorOnTheOtherSideWhenBuilt() {
        // GIVEN a setpoint band of 12..13 kW import written as an import cap and a negative export cap
        DemandResponseLimits band = new DemandResponseLimits(List.of(
                new DemandResponseLimit("depot", LimitDirection.IMPORT, 13, WINDOW),
                new DemandResponseLimit("depot", LimitDirection.EXPORT, -12, WINDOW)));

        // WHEN / THEN the range is 12..13 kW of import and 40 kW is clamped to its top
        assertThat(band.minKw("depot", T0)).isEqualTo(12);
        assertThat(band.maxKw("depot", T0)).isEqualTo(13);
        assertThat(band.limits().get(1).clamp(3)).isEqualTo(12);
        assertThat(band.limits().get(1).violationKw(3)).isEqualTo(9);
    }
}
