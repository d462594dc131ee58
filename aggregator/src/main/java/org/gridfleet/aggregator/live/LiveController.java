package org.gridfleet.aggregator.live;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gridfleet.aggregator.config.ControlConfig;
import org.gridfleet.aggregator.dispatch.DispatchConfig;
import org.gridfleet.aggregator.dispatch.DispatchMetrics;
import org.gridfleet.aggregator.dispatch.GridServiceController;
import org.gridfleet.aggregator.dispatch.SocBalancing;
import org.gridfleet.aggregator.health.VehicleWear;
import org.gridfleet.market.dr.DemandResponseLimits;
import org.gridfleet.v2g.control.ScheduledControllerConfig;

/**
 * The decision of one live tick, without I/O: registrations and sessions in, each steered vehicle's power out.
 * The {@link GridServiceController} (the dispatcher, with no market window or demand-response cap yet, so it
 * keeps the plan with its hysteresis) has the last word over the schedule controller. Not thread-safe: one
 * thread at a time.
 */
public final class LiveController {

    /**
     * The tick's input and its outcome.
     *
     * @param live        what the controller saw
     * @param setpointsKw power per vehicle id, kW, positive = into the battery; a steered vehicle left out gets 0
     */
    public record Decision(LiveInput live, Map<String, Double> setpointsKw) {
    }

    private final ControlConfig config;
    private final ReshapingController schedule = new ReshapingController(ScheduledControllerConfig.ofDefaults());
    private final GridServiceController controller;
    private final VehicleWear wear;

    /** @param meteredKw latest metered power per vehicle id, read in place by the dispatcher */
    /** @param wear each vehicle's wear price and degradation-budget room, refreshed by the health job */
    public LiveController(ControlConfig config, DispatchMetrics metrics, Map<String, Double> meteredKw,
                          VehicleWear wear) {
        this.config = config;
        this.wear = wear;
        this.controller = new GridServiceController(schedule, List.of(), new DemandResponseLimits(List.of()),
                DispatchConfig.ofDefaults(), SocBalancing.ofDefaults(), metrics, meteredKw);
    }

    /** @param offline what each registered charger Gridfleet cannot steer now may draw (site base load) */
    public Decision decide(FleetView view, List<PluggedSession> sessions, OfflineLoad offline, Instant now) {
        LiveInput live = LiveInput.build(view, sessions, offline, wear, now, config.tick(), config);
        schedule.shape(ControllerShape.of(view, live.evseOfVehicle()));
        return new Decision(live, controller.control(live.input()));
    }
}
