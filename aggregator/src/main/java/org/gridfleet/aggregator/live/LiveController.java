package org.gridfleet.aggregator.live;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.gridfleet.aggregator.config.ControlConfig;
import org.gridfleet.aggregator.dispatch.ActiveObligation;
import org.gridfleet.aggregator.dispatch.DispatchConfig;
import org.gridfleet.aggregator.dispatch.DispatchMetrics;
import org.gridfleet.aggregator.dispatch.GridServiceController;
import org.gridfleet.aggregator.dispatch.SocBalancing;
import org.gridfleet.aggregator.health.VehicleWear;
import org.gridfleet.market.dr.DemandResponseLimits;
import org.gridfleet.v2g.control.ChargingController;
import org.gridfleet.v2g.control.ControlStep;
import org.gridfleet.v2g.control.ScheduledControllerConfig;
import org.gridfleet.v2g.control.VehicleState;

/**
 * The decision of one live tick, without I/O: registrations and sessions in, each steered vehicle's power out.
 * The {@link GridServiceController} (the dispatcher) has the last word over the schedule controller: each tick it
 * first takes what the grid faces handed over ({@link GridLink}): the market desk's obligations and signals, the
 * OpenADR events' demand-response caps, and their prices into the schedule's tariff. Without any, it keeps the
 * plan with its hysteresis. Not thread-safe: one thread at a time.
 */
public final class LiveController {

    /**
     * The tick's input and its outcome.
     *
     * @param live        what the controller saw
     * @param plannedKw   the schedule's power per vehicle id before the dispatcher, kW, positive = into the battery
     * @param setpointsKw power per vehicle id, kW, positive = into the battery; a steered vehicle left out gets 0
     * @param shape       the nested limits and vehicle nodes both the schedule and the dispatcher kept
     * @param unsolvedSites sites whose schedule LP found no solution this tick (their vehicles run on floors and
     *                    limits alone until the next solve)
     */
    public record Decision(LiveInput live, Map<String, Double> plannedKw, Map<String, Double> setpointsKw,
                           ControllerShape shape, List<String> unsolvedSites) {
    }

    private final ControlConfig config;
    private final ReshapingController schedule = new ReshapingController(ScheduledControllerConfig.ofDefaults());
    private final GridServiceController controller;
    private final VehicleWear wear;
    private final GridLink grid;
    private final MeterReadings readings;
    private final JudgedReadings judged;
    private ControlStep planned = new ControlStep(Map.of(), List.of(), List.of(), false, List.of());

    /**
     * @param readings each vehicle's latest metered power and when it arrived; the dispatcher judges a vehicle
     *                 only by a reading that arrived once its setpoint had settled ({@link JudgedReadings})
     * @param wear     each vehicle's wear price and degradation-budget room, refreshed by the health job
     * @param grid     what the OpenADR VTN and the market desk hand to the loop
     */
    public LiveController(ControlConfig config, DispatchMetrics metrics, MeterReadings readings,
                          VehicleWear wear, GridLink grid) {
        this.config = config;
        this.wear = wear;
        this.grid = grid;
        this.readings = readings;
        ChargingController plan = input -> {
            planned = schedule.step(input);
            return planned.setpointsKw();
        };
        DispatchConfig dispatch = DispatchConfig.ofDefaults();
        this.judged = new JudgedReadings(readings, dispatch.responseGrace());
        this.controller = new GridServiceController(plan, List.of(), new DemandResponseLimits(List.of()),
                dispatch, SocBalancing.ofDefaults(), metrics, judged.judgedKw());
    }

    /** @param offline what each registered charger Gridfleet cannot steer now may draw (site base load) */
    public Decision decide(FleetView view, List<PluggedSession> sessions, OfflineLoad offline, Instant now) {
        OpenAdrOverlay.Snapshot events = grid.openAdr().at(now);
        LiveInput live = LiveInput.build(view, sessions, offline, wear, now, config.tick(), config,
                events.tariff());
        ControllerShape shape = ControllerShape.of(view, live.evseOfVehicle());
        schedule.shape(shape);
        // the dispatcher moves setpoints off the plan: it must keep the same feeder and charger-group limits
        controller.nestedLimits(shape.nodes(), shape.vehicleNode());
        grid.markets().drainInto(controller.dispatcher());
        controller.dispatcher().limits(events.limits());
        judged.refresh(live.input().vehicles());
        Map<String, Double> setpoints = controller.control(live.input());
        judged.handedOut(setpoints, now);
        double fleetKw = meteredFleetKw(live.input().vehicles());
        for (ActiveObligation o : controller.dispatcher().obligations()) {
            if (o.period().contains(now)) {
                grid.deliveries().metered(o.obligationId(), now, fleetKw);
            }
        }
        return new Decision(live, planned.setpointsKw(), setpoints, shape, planned.unsolvedSites());
    }

    /** The steered vehicles' latest metered power, settled or not, kW; NaN when none has a reading. */
    private double meteredFleetKw(List<VehicleState> vehicles) {
        double sum = 0;
        int metered = 0;
        for (VehicleState v : vehicles) {
            Double kw = readings.meteredKw().get(v.vehicleId());
            if (kw != null) {
                sum += kw;
                metered++;
            }
        }
        return metered == 0 ? Double.NaN : sum;
    }
}
