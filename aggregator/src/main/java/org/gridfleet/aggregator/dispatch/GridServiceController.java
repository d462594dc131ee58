package org.gridfleet.aggregator.dispatch;

import org.gridfleet.aggregator.bidding.BaselinePlanner;
import org.gridfleet.market.DeliveryPeriod;
import org.gridfleet.market.ProductKind;
import org.gridfleet.market.bidding.EnergyExcursion;
import org.gridfleet.market.dr.DemandResponseLimits;
import org.gridfleet.market.fcr.FcrDroop;
import org.gridfleet.v2g.control.ChargingController;
import org.gridfleet.v2g.control.ControlInput;
import org.gridfleet.v2g.control.LimitNode;
import org.gridfleet.v2g.control.LimitTree;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link ChargingController} in which the {@link Dispatcher} has the last word: the schedule controller plans, and
 * every step the dispatcher turns the active market windows' signals into setpoints around that plan (or keeps the
 * plan, with its hysteresis, when no window is active).
 *
 * <p>Each clock hour of a window is one obligation whose flat baseline is declared at its first step by
 * {@link BaselinePlanner} from what is known then (plugged-in vehicles with declared departures, the plan, the award
 * and a typical {@link EnergyExcursion} of the product), never from the future signal.
 *
 * <p>Power in kW, positive = import. Not thread-safe; one instance per run.
 */
public final class GridServiceController implements ChargingController {

    /** RegD over an hour: 0.35–0.59 MWh/MW worst one-sided (MARKET-RULES.md §1.1); the declared band keeps 0.4. */
    public static final EnergyExcursion REGULATION_HOUR = new EnergyExcursion(0.4, 0.4, 0);
    /** FCR: 0.24 MWh/MW worst in a 4-h block on the RTE days (§3.1); an hour keeps 0.1 each way. */
    public static final EnergyExcursion FCR_HOUR = new EnergyExcursion(0.1, 0.1, 0);

    private final ChargingController schedule;
    private final List<MarketWindow> windows;
    private final SettableClock clock = new SettableClock(Instant.EPOCH);
    private final Dispatcher dispatcher;
    private final Map<String, Double> inForce = new HashMap<>();
    private final Map<String, Double> metered;
    private final List<String> activeIds = new ArrayList<>();
    private List<LimitNode> nodes = List.of();
    private Map<String, String> vehicleNode = Map.of();
    private DispatchRecord last;
    private Instant lastAt;

    /**
     * @param schedule the controller whose setpoints are the plan (the schedule baseline)
     * @param windows awarded windows with their signals
     * @param limits demand-response caps in force
     * @param config dispatcher settings
     * @param balancing SoC headroom management
     * @param metrics tick figures
     * @param meteredKw the latest metered power per vehicle id, updated by the caller (empty when unknown)
     */
    public GridServiceController(ChargingController schedule, List<MarketWindow> windows, DemandResponseLimits limits,
                                 DispatchConfig config, SocBalancing balancing, DispatchMetrics metrics,
                                 Map<String, Double> meteredKw) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.windows = List.copyOf(windows);
        this.metered = Objects.requireNonNull(meteredKw, "meteredKw");
        this.dispatcher = new Dispatcher(config, balancing, inForce::put, metrics, clock, System::nanoTime);
        dispatcher.limits(limits);
    }

    /**
     * The sites' nested limits (feeders, charger groups) and the node each vehicle hangs under, kept by the
     * dispatcher and the declared baselines from the next step on; none until set.
     */
    public void nestedLimits(List<LimitNode> newNodes, Map<String, String> newVehicleNode) {
        this.nodes = List.copyOf(newNodes);
        this.vehicleNode = Map.copyOf(newVehicleNode);
    }

    @Override
    public Map<String, Double> control(ControlInput input) {
        clock.set(input.now());
        Map<String, Double> planned = schedule.control(input);
        declareHours(input, planned);
        long arrived = System.nanoTime();
        for (MarketWindow w : windows) {
            if (w.period().contains(input.now())) {
                dispatcher.updateSignal(obligationId(w, input.now()), w.signalAt(input.now()));
            }
        }
        last = dispatcher.tick(new FleetSnapshot(input.vehicles(), input.sites(), nodes, vehicleNode, planned,
                metered), arrived);
        lastAt = input.now();
        if (inForce.size() > 2 * input.vehicles().size() + 16) {
            Map<String, Double> keep = new HashMap<>();
            input.vehicles().forEach(v -> keep.put(v.vehicleId(), inForce.get(v.vehicleId())));
            inForce.clear();
            inForce.putAll(keep);
        }
        return Collections.unmodifiableMap(inForce);
    }

    /** The record of the latest step, or null before the first. */
    public DispatchRecord lastRecord() {
        return last;
    }

    /** When the latest step ran, or null before the first. */
    public Instant lastAt() {
        return lastAt;
    }

    /** The window delivering at {@code t}, or null. */
    public MarketWindow windowAt(Instant t) {
        for (MarketWindow w : windows) {
            if (w.period().contains(t)) {
                return w;
            }
        }
        return null;
    }

    /** The dispatcher (for its non-responders and obligations). */
    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /** Activates each window's current hour once, with a baseline declared from what is known now. */
    private void declareHours(ControlInput input, Map<String, Double> planned) {
        Instant now = input.now();
        for (MarketWindow w : windows) {
            if (!w.period().contains(now)) {
                continue;
            }
            String id = obligationId(w, now);
            if (activeIds.contains(id)) {
                continue;
            }
            DeliveryPeriod hour = hourOf(w, now);
            Duration interval = hour.length().dividedBy(4);
            EnergyExcursion excursion = w.kind() == ProductKind.REGULATION ? REGULATION_HOUR : FCR_HOUR;
            BaselinePlanner.Declaration d = BaselinePlanner.declare(hour, interval, input.vehicles(),
                    LimitTree.of(input.sites(), nodes, vehicleNode), planned, w.capacityKw(), excursion);
            dispatcher.activate(new ActiveObligation(id, w.kind(), w.capacityKw(), d.baseline(), hour,
                    FcrDroop.ofDefaults()));
            activeIds.add(id);
            retireEnded(now);
        }
    }

    private void retireEnded(Instant now) {
        for (ActiveObligation o : dispatcher.obligations()) {
            if (!now.isBefore(o.period().end())) {
                dispatcher.deactivate(o.obligationId());
            }
        }
    }

    /** The part of the window inside the clock hour of {@code t} (a partial hour at either end). */
    static DeliveryPeriod hourOf(MarketWindow w, Instant t) {
        Instant hourStart = t.truncatedTo(ChronoUnit.HOURS);
        Instant from = hourStart.isBefore(w.period().start()) ? w.period().start() : hourStart;
        Instant to = hourStart.plus(Duration.ofHours(1));
        if (to.isAfter(w.period().end())) {
            to = w.period().end();
        }
        return new DeliveryPeriod(from, to);
    }

    private static String obligationId(MarketWindow w, Instant t) {
        return w.id() + "@" + hourOf(w, t).start();
    }
}
