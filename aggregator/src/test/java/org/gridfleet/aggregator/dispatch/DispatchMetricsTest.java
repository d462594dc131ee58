package org.gridfleet.aggregator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

class DispatchMetricsTest {

    @Test
    void tickShouldPublishEveryDispatchMeterUnderItsConstantNameWhenRecorded() {
        // GIVEN a Micrometer registry
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DispatchMetrics m = new MicrometerDispatchMetrics(registry);
        // WHEN two ticks are recorded
        m.tick(3_000_000, 2.5, 0, 4, 1);
        m.tick(5_000_000, 1.5, 7, 2, 0);
        // THEN each figure lands in its meter
        assertThat(registry.get(DispatchMetrics.LATENCY).timer().count()).isEqualTo(2);
        assertThat(registry.get(DispatchMetrics.LATENCY).timer().max(TimeUnit.MILLISECONDS)).isEqualTo(5.0);
        assertThat(registry.get(DispatchMetrics.TRACKING_ERROR).summary().totalAmount()).isEqualTo(4.0);
        assertThat(registry.get(DispatchMetrics.UNDELIVERABLE).summary().max()).isEqualTo(7.0);
        assertThat(registry.get(DispatchMetrics.SETPOINTS).counter().count()).isEqualTo(6.0);
        assertThat(registry.get(DispatchMetrics.NON_RESPONDERS).gauge().value()).isZero();
        assertThat(DispatchMetrics.LATENCY).startsWith("gridfleet.dispatch.");
    }
}
