package org.gridfleet.aggregator.sim;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gridfleet.v2g.control.ChargingController;

/**
 * The hook through which grid services (regulation, FCR) steer a simulation: before each step it may request
 * site EV power (passed to the controller as {@code ControlInput.siteTargetKw}); after each step it sees the
 * metered result, for scoring; it fills the trace's market columns and the report's {@code markets}.
 * It must only use signal values up to {@code now}. Power in kW, positive = import.
 */
public interface SiteTargetSource {

    /** No grid service: no targets, empty market columns, no market results. */
    SiteTargetSource NONE = new SiteTargetSource() {
        @Override
        public Map<String, Double> targetsKw(Instant now) {
            return Map.of();
        }

        @Override
        public void metered(Instant stepStart, String siteId, double evKw) {
            // nothing to score
        }

        @Override
        public MarketTrace trace(Instant now, String siteId) {
            return null;
        }

        @Override
        public List<SimulationReport.MarketResult> results() {
            return List.of();
        }
    };

    /** Requested EV power per site for the step starting at {@code now}; sites left out follow the schedule. */
    Map<String, Double> targetsKw(Instant now);

    /** The EV power the site drew on average over the step starting at {@code stepStart}. */
    void metered(Instant stepStart, String siteId, double evKw);

    /** The trace's market columns for a site at {@code now}, or null when no product is active there. */
    MarketTrace trace(Instant now, String siteId);

    /** The report's {@code markets} entries, once the run has ended. */
    List<SimulationReport.MarketResult> results();

    /** The controller the run drives: the schedule controller, or one wrapped around it by a grid service. */
    default ChargingController wrap(ChargingController schedule) {
        return schedule;
    }

    /**
     * Length of the step starting at {@code now}: {@code scheduledSeconds} unless a grid service needs finer steps
     * (its signal step while it delivers, and no step running past the start of a delivery).
     */
    default int stepSecondsAt(Instant now, int scheduledSeconds) {
        return scheduledSeconds;
    }

    /** Grid-service credits earned over the run, currency; asked once the run has ended. */
    default double revenue() {
        return 0;
    }

    /** Trace columns: requested and baseline EV power in kW, the product, the raw signal value. */
    record MarketTrace(double requestedKw, double baselineKw, String product, double signal) {
    }
}
