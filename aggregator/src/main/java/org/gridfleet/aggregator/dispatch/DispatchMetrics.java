package org.gridfleet.aggregator.dispatch;

/**
 * What the dispatcher reports about every tick. Names are the constants below (Prometheus shows
 * {@code gridfleet_dispatch_...}).
 */
public interface DispatchMetrics {

    /** Timer: from signal arrival to the last setpoint handed to the {@link SetpointSink}. */
    String LATENCY = "gridfleet.dispatch.latency";
    /** Distribution, kW: |requested fleet power − metered fleet power| at each tick. */
    String TRACKING_ERROR = "gridfleet.dispatch.tracking.error";
    /** Distribution, kW: part of the fleet target the vehicles' envelopes could not take at a tick. */
    String UNDELIVERABLE = "gridfleet.dispatch.undeliverable";
    /** Counter: setpoints handed to the sink. */
    String SETPOINTS = "gridfleet.dispatch.setpoints";
    /** Gauge: vehicles currently excluded because they did not follow their setpoints. */
    String NON_RESPONDERS = "gridfleet.dispatch.nonresponders";

    /** Records nothing. */
    DispatchMetrics NOOP = new DispatchMetrics() {
        @Override
        public void tick(long latencyNanos, double trackingErrorKw, double undeliverableKw, int setpointsSent,
                         int nonResponders) {
        }
    };

    /**
     * One tick's figures.
     *
     * @param latencyNanos signal arrival to last setpoint handed over, ns
     * @param trackingErrorKw |requested − metered| fleet power, kW, &ge; 0
     * @param undeliverableKw fleet target the envelopes could not take, kW, &ge; 0
     * @param setpointsSent setpoints handed to the sink in this tick
     * @param nonResponders vehicles excluded as non-responding after this tick
     */
    void tick(long latencyNanos, double trackingErrorKw, double undeliverableKw, int setpointsSent, int nonResponders);
}
