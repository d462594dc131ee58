package org.gridfleet.aggregator.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link DispatchMetrics} on a Micrometer registry; the latency timer publishes a histogram (p50/p99 buckets). */
public final class MicrometerDispatchMetrics implements DispatchMetrics {

    private final Timer latency;
    private final DistributionSummary trackingError;
    private final DistributionSummary undeliverable;
    private final Counter setpoints;
    private final AtomicInteger nonResponders = new AtomicInteger();

    /** @param registry where the meters are registered */
    public MicrometerDispatchMetrics(MeterRegistry registry) {
        latency = Timer.builder(LATENCY).description("signal arrival to last setpoint handed over")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(2)).register(registry);
        trackingError = DistributionSummary.builder(TRACKING_ERROR).baseUnit("kW")
                .description("|requested - metered| fleet power").register(registry);
        undeliverable = DistributionSummary.builder(UNDELIVERABLE).baseUnit("kW")
                .description("fleet target the vehicles could not take").register(registry);
        setpoints = Counter.builder(SETPOINTS).description("setpoints handed to the sink").register(registry);
        Gauge.builder(NON_RESPONDERS, nonResponders, AtomicInteger::get)
                .description("vehicles excluded for not following").register(registry);
    }

    @Override
    public void tick(long latencyNanos, double trackingErrorKw, double undeliverableKw, int setpointsSent,
                     int nonRespondersNow) {
        latency.record(latencyNanos, TimeUnit.NANOSECONDS);
        trackingError.record(trackingErrorKw);
        undeliverable.record(undeliverableKw);
        setpoints.increment(setpointsSent);
        nonResponders.set(nonRespondersNow);
    }
}
